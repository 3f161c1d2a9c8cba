package strata.server.survey;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** The server's clock in the survey tests, moved by them: the plan's day, the links' expiry, the throttle's window. */
final class SurveyClock extends Clock {
  volatile Instant now;

  @TestConfiguration
  static class Config {
    @Bean
    SurveyClock clock() {
      return new SurveyClock();
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
  void day(String day) {
    now = Instant.parse(day + "T02:00:00Z");
  }
}
