package strata.server.survey;

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
 * Creates the day's survey invitations ({@code strata.surveys.schedule}, a Spring cron in the tasks' time zone;
 * default 06:10, after the task plan, so a complaint closed yesterday is seen). One server among those sharing the
 * database does each fire; "-" turns it off.
 */
@Configuration
class InvitationSchedule implements SchedulingConfigurer {
  private static final Logger log = LoggerFactory.getLogger(InvitationSchedule.class);
  private final Invitations invitations;
  private final ScheduleFires fires;
  private final String cron;
  private final String zone;

  InvitationSchedule(Invitations invitations, ScheduleFires fires,
      @Value("${strata.surveys.schedule:0 10 6 * * *}") String cron,
      @Value("${strata.tasks.time-zone:Asia/Shanghai}") String zone) {
    this.invitations = invitations;
    this.fires = fires;
    this.cron = cron;
    this.zone = zone;
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    if (cron.isBlank() || cron.equals("-")) return;
    fires.register(registrar, "surveys", "survey invitations", new CronTrigger(cron, TimeZone.getTimeZone(zone)),
        fireTime -> {
          try {
            invitations.plan("system").ifPresent(r -> log.info("survey invitations of {}: {}", fireTime, r));
          } catch (RuntimeException e) {
            log.warn("survey invitations of {} failed: {}", fireTime, e.getMessage(), e);
          }
        });
  }
}
