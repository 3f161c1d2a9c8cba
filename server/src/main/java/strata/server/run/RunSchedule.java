package strata.server.run;

import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.Trigger;
import org.springframework.scheduling.TriggerContext;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronTrigger;
import strata.server.api.Conflict;
import strata.server.cluster.ScheduleFires;

/**
 * Runs on a schedule when {@code strata.runs.schedule} holds a Spring cron expression (e.g. monthly). Every server on
 * the database has the timer; each fire starts at most one run among them ({@link ScheduleFires}).
 */
@Configuration
class RunSchedule implements SchedulingConfigurer {
  private static final Logger log = LoggerFactory.getLogger(RunSchedule.class);
  static final String NAME = "runs";
  private final RunService service;
  private final ScheduleFires fires;
  private final String cron;

  RunSchedule(RunService service, ScheduleFires fires, @Value("${strata.runs.schedule:-}") String cron) {
    this.service = service;
    this.fires = fires;
    this.cron = cron;
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    if (cron.isBlank() || cron.equals("-")) return;
    FireTimes trigger = new FireTimes(new CronTrigger(cron)); // a bad expression fails the start-up, named
    registrar.addTriggerTask(() -> fire(trigger.current), trigger);
  }

  private void fire(Instant fireTime) {
    if (!fires.claim(NAME, fireTime)) {
      log.info("scheduled run of {} is another server's", fireTime);
      return;
    }
    try {
      long id = service.start("schedule", "system", null).id();
      fires.started(NAME, fireTime, id);
      log.info("scheduled run of {}: run {}", fireTime, id);
    } catch (Conflict e) {
      log.info("scheduled run of {} skipped: {}", fireTime, e.getMessage());
    }
  }

  /**
   * The cron trigger, remembering the fire time it computed last: Spring asks for the next time before scheduling
   * each execution and only after the previous one ended, so while the task runs it is the task's own fire time.
   */
  private static final class FireTimes implements Trigger {
    private final CronTrigger cron;
    private volatile Instant current;

    FireTimes(CronTrigger cron) {
      this.cron = cron;
    }

    @Override
    public Instant nextExecution(TriggerContext context) {
      current = cron.nextExecution(context);
      return current;
    }
  }
}
