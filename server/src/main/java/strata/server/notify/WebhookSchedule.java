package strata.server.notify;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** Attempts the due webhook deliveries every {@code strata.webhook.poll-seconds} [10], when a URL is set. */
@Configuration
class WebhookSchedule implements SchedulingConfigurer {
  private static final Logger log = LoggerFactory.getLogger(WebhookSchedule.class);
  private final Webhooks webhooks;
  private final Duration poll;

  WebhookSchedule(Webhooks webhooks, @Value("${strata.webhook.poll-seconds:10}") long pollSeconds) {
    if (pollSeconds < 1) throw new IllegalArgumentException("strata.webhook.poll-seconds must be at least 1");
    this.webhooks = webhooks;
    this.poll = Duration.ofSeconds(pollSeconds);
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    if (!webhooks.enabled()) return;
    registrar.addFixedDelayTask(new FixedDelayTask(() -> {
      try {
        webhooks.deliverDue();
      } catch (RuntimeException e) {
        log.warn("webhook deliveries failed: {}", e.getMessage(), e);
      }
    }, poll, poll));
  }
}
