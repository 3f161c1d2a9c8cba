package strata.server.notify;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** Attempts the due mails and webhook deliveries every {@code strata.notifications.poll-seconds} [10]. */
@Configuration
class DeliverySchedule implements SchedulingConfigurer {
  private static final Logger log = LoggerFactory.getLogger(DeliverySchedule.class);
  private final Mails mails;
  private final Webhooks webhooks;
  private final Duration poll;

  DeliverySchedule(Mails mails, Webhooks webhooks,
      @Value("${strata.notifications.poll-seconds:10}") long pollSeconds) {
    if (pollSeconds < 1) throw new IllegalArgumentException("strata.notifications.poll-seconds must be at least 1");
    this.mails = mails;
    this.webhooks = webhooks;
    this.poll = Duration.ofSeconds(pollSeconds);
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    if (!mails.enabled() && !webhooks.enabled()) return;
    registrar.addFixedDelayTask(new FixedDelayTask(() -> {
      try {
        mails.deliverDue();
        webhooks.deliverDue();
      } catch (RuntimeException e) {
        log.warn("notification deliveries failed: {}", e.getMessage(), e);
      }
    }, poll, poll));
  }
}
