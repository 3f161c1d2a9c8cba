package strata.server.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The server's clock in tests that move time (the plan's day, links' expiry, a throttle's window, the day a result
 * is read on): import {@link Config} and set {@link #now} or {@link #day}.
 */
public final class MovableClock extends Clock {
  public volatile Instant now;

  @TestConfiguration
  public static class Config {
    @Bean
    MovableClock clock() {
      return new MovableClock();
    }
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return Clock.fixed(now, zone);
  }

  @Override
  public Instant instant() {
    return now;
  }

  /** 10:00 in Shanghai on the day. */
  public void day(String day) {
    now = Instant.parse(day + "T02:00:00Z");
  }
}
