package strata.server.e2e;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import strata.server.api.BadRequest;
import strata.server.task.TaskPlanning;

/**
 * Lets the browser test live through days: the server's clock is the machine's moved on by whole days, and
 * {@code POST /api/v1/admin/e2e/days-pass} (admins only, like every {@code /admin} path) moves it on and re-plans as the
 * daily schedule would, so a task falls overdue and is escalated as it would be days later. Test code only: the
 * production server has neither the clock nor the route; only {@link BrowserEndToEndTest} imports them.
 */
@TestConfiguration
class DaysPass {
  /** The machine's clock plus the days that have passed. */
  static final class ShiftedClock extends Clock {
    private volatile Duration shift = Duration.ZERO;

    void pass(int days) {
      shift = shift.plusDays(days);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return Clock.offset(Clock.system(zone), shift);
    }

    @Override
    public Instant instant() {
      return Instant.now().plus(shift);
    }
  }

  @Bean
  ShiftedClock shiftedClock() {
    return new ShiftedClock();
  }

  /** @param days whole days, 1 to 30 */
  record Days(int days) {}

  /** @param asOf the server's day after the move; the other figures are the re-plan's */
  record Passed(String asOf, int notices, int escalated, int returnedToPool) {}

  /** Registered with this configuration, as its member class; never found by component scanning (a test component). */
  @TestComponent
  @RestController
  static class Route {
    private final ShiftedClock clock;
    private final TaskPlanning planning;

    Route(ShiftedClock clock, TaskPlanning planning) {
      this.clock = clock;
      this.planning = planning;
    }

    @PostMapping("/api/v1/admin/e2e/days-pass")
    Passed pass(@RequestBody Days body) {
      if (body.days() < 1 || body.days() > 30) throw new BadRequest("days", "1 to 30, got " + body.days());
      clock.pass(body.days());
      TaskPlanning.Result r = planning.replan("e2e").orElseThrow(() -> new IllegalStateException("no run to plan from"));
      return new Passed(r.asOf().toString(), r.notices(), r.escalated(), r.returnedToPool());
    }
  }
}
