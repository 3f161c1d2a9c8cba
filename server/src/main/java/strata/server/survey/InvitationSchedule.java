package strata.server.survey;

import java.time.Duration;
import java.util.TimeZone;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronTrigger;
import strata.server.cluster.ScheduleFires;

/**
 * Creates the day's survey invitations ({@code strata.surveys.schedule}, a Spring cron in the tasks' time zone;
 * default 06:10, after the task plan, so a complaint closed yesterday is seen). One server among those sharing the
 * database does each fire; "-" turns it off. With mail set up, the email invitations due are mailed every
 * {@code strata.surveys.mail-poll-seconds} [300] too: those held by their tier's quiet hours go out when they end.
 */
@Configuration
class InvitationSchedule implements SchedulingConfigurer {
  private static final Logger log = LoggerFactory.getLogger(InvitationSchedule.class);
  private final Invitations invitations;
  private final InvitationMails mails;
  private final Duration mailPoll;
  private final ScheduleFires fires;
  private final String cron;
  private final String zone;

  InvitationSchedule(Invitations invitations, ScheduleFires fires, InvitationMails mails,
      @Value("${strata.surveys.schedule:0 10 6 * * *}") String cron,
      @Value("${strata.tasks.time-zone:Asia/Shanghai}") String zone,
      @Value("${strata.surveys.mail-poll-seconds:300}") long mailPollSeconds) {
    if (mailPollSeconds < 1) throw new IllegalArgumentException("strata.surveys.mail-poll-seconds must be at least 1");
    this.mails = mails;
    this.mailPoll = Duration.ofSeconds(mailPollSeconds);
    this.invitations = invitations;
    this.fires = fires;
    this.cron = cron;
    this.zone = zone;
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    if (mails.enabled()) {
      // Every server polls: each invitation is mailed under its row's lock, so none goes out twice.
      registrar.addFixedDelayTask(new FixedDelayTask(() -> {
        try {
          mails.send();
        } catch (RuntimeException e) {
          log.warn("survey invitation mails failed: {}", e.getMessage(), e);
        }
      }, mailPoll, mailPoll));
    }
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
