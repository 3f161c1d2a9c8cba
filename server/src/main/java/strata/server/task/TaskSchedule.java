package strata.server.task;

import java.util.TimeZone;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronTrigger;
import strata.server.cluster.ScheduleFires;

/**
 * Re-plans the tasks every day ({@code strata.tasks.schedule}, a Spring cron in {@code strata.tasks.time-zone};
 * default 06:00), so cadence and care tasks fall due without a run. Each fire is done by one server among those
 * sharing the database ({@link ScheduleFires}); "-" turns it off.
 */
@Configuration
class TaskSchedule implements SchedulingConfigurer {
  private static final Logger log = LoggerFactory.getLogger(TaskSchedule.class);
  static final String NAME = "tasks";
  private final TaskPlanning planning;
  private final ScheduleFires fires;
  private final String cron;

  TaskSchedule(TaskPlanning planning, ScheduleFires fires, @Value("${strata.tasks.schedule:0 0 6 * * *}") String cron) {
    this.planning = planning;
    this.fires = fires;
    this.cron = cron;
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    if (cron.isBlank() || cron.equals("-")) return;
    // A bad expression fails the start-up, named.
    CronTrigger daily = new CronTrigger(cron, TimeZone.getTimeZone(planning.zone()));
    fires.register(registrar, NAME, "task plan", daily, fireTime -> {
      try {
        planning.replan(TaskStore.SYSTEM).ifPresent(r -> log.info("task plan of {}: {}", fireTime, r));
      } catch (RuntimeException e) {
        log.warn("task plan of {} failed: {}", fireTime, e.getMessage(), e);
      }
    });
  }
}
