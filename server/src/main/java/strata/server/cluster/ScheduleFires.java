package strata.server.cluster;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.Trigger;
import org.springframework.scheduling.TriggerContext;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Component;

/**
 * Each fire of a schedule done once among the servers sharing the database: every server's timer fires, and the one
 * whose row for that fire time is inserted first does the work. The key is the cron's nominal fire time, which every
 * server computes alike, so servers whose clocks differ by less than the schedule's period still agree (a lease held
 * for a while, as ShedLock does, would need the period to be longer than the skew plus the work).
 */
@Component
public class ScheduleFires {
  private static final Logger log = LoggerFactory.getLogger(ScheduleFires.class);
  private static final Duration KEPT = Duration.ofDays(90);
  private final JdbcClient db;
  private final Instance instance;

  ScheduleFires(JdbcClient db, Instance instance) {
    this.db = db;
    this.instance = instance;
  }

  /**
   * Claims a fire for this server.
   *
   * @param schedule the schedule's name
   * @param fireTime its nominal time (whole seconds are kept, as cron has no finer unit)
   * @return true if this server does it, false if another already does
   */
  public boolean claim(String schedule, Instant fireTime) {
    var at = fireTime.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC);
    try {
      db.sql("insert into schedule_fire (schedule_name, fire_time, instance_id) values (?, ?, ?)")
          .params(schedule, at, instance.id()).update();
    } catch (DuplicateKeyException taken) {
      return false;
    }
    db.sql("delete from schedule_fire where schedule_name = ? and fire_time < ?").params(schedule, at.minus(KEPT))
        .update();
    return true;
  }

  /**
   * Registers a cron schedule whose every fire is done by one server: {@code work} gets the fire's nominal time, on
   * the server that claimed it; the others log that it is not theirs.
   *
   * @param what the work as the log names it, e.g. "scheduled run"
   */
  public void register(ScheduledTaskRegistrar registrar, String schedule, String what, CronTrigger cron,
      Consumer<Instant> work) {
    FireTimes trigger = new FireTimes(cron);
    registrar.addTriggerTask(() -> {
      Instant fireTime = trigger.current;
      if (claim(schedule, fireTime)) work.accept(fireTime);
      else log.info("{} of {} is another server's", what, fireTime);
    }, trigger);
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

  /** Records the run a fire started. */
  public void started(String schedule, Instant fireTime, long runId) {
    db.sql("update schedule_fire set run_id = ? where schedule_name = ? and fire_time = ?")
        .params(runId, schedule, fireTime.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC)).update();
  }
}
