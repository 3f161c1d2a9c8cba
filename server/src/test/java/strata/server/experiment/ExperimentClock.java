package strata.server.experiment;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** The server's clock in the experiment tests: the day a result is read on, and the task plan's day. */
final class ExperimentClock extends Clock {
  volatile Instant now = Instant.parse("2026-05-15T02:00:00Z");

  @TestConfiguration
  static class Config {
    @Bean
    ExperimentClock clock() {
      return new ExperimentClock();
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
}
