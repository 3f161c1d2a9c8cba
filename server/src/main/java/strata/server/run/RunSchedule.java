package strata.server.run;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
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
    // A bad expression fails the start-up, named.
    fires.register(registrar, NAME, "scheduled run", new CronTrigger(cron), fireTime -> {
      try {
        long id = service.start("schedule", "system", null).id();
        fires.started(NAME, fireTime, id);
        log.info("scheduled run of {}: run {}", fireTime, id);
      } catch (Conflict e) {
        log.info("scheduled run of {} skipped: {}", fireTime, e.getMessage());
      }
    });
  }
}
