package strata.server.run;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronTrigger;
import strata.server.api.Conflict;

/** Runs on a schedule when {@code strata.runs.schedule} holds a Spring cron expression (e.g. monthly). */
@Configuration
class RunSchedule implements SchedulingConfigurer {
  private static final Logger log = LoggerFactory.getLogger(RunSchedule.class);
  private final RunService service;
  private final String cron;

  RunSchedule(RunService service, @Value("${strata.runs.schedule:-}") String cron) {
    this.service = service;
    this.cron = cron;
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    if (cron.isBlank() || cron.equals("-")) return;
    registrar.addTriggerTask(() -> {
      try {
        service.start("schedule", "system", null);
      } catch (Conflict e) {
        log.info("scheduled run skipped: {}", e.getMessage());
      }
    }, new CronTrigger(cron)); // a bad expression fails the start-up with Spring's message naming it
  }
}
