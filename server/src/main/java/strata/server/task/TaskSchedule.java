package strata.server.task;

import java.time.Instant;
import java.util.TimeZone;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.Trigger;
import org.springframework.scheduling.TriggerContext;
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
    FireTimes trigger = new FireTimes(new CronTrigger(cron, TimeZone.getTimeZone(planning.zone())));
    registrar.addTriggerTask(() -> fire(trigger.current), trigger);
  }

  private void fire(Instant fireTime) {
    if (!fires.claim(NAME, fireTime)) {
      log.info("task plan of {} is another server's", fireTime);
      return;
    }
    try {
      planning.replan(TaskStore.SYSTEM).ifPresent(r -> log.info("task plan of {}: {}", fireTime, r));
    } catch (RuntimeException e) {
      log.warn("task plan of {} failed: {}", fireTime, e.getMessage(), e);
    }
  }

  /** The cron trigger remembering its last fire time, the key of the fire (as in the runs' schedule). */
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
