package strata.server.run;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Test-only: with {@code strata.test.stall-published=N}, run N stops for good right after its publication committed,
 * before any listener of {@link RunPublished} follows it, so a test can kill the server in that gap. Present only
 * on the test class path.
 */
@Component
@ConditionalOnProperty(name = "strata.test.stall-published")
class StallAfterPublish {
  private final long stallRun;

  StallAfterPublish(org.springframework.core.env.Environment env) {
    this.stallRun = Long.parseLong(env.getProperty("strata.test.stall-published"));
  }

  @EventListener
  @Order(Ordered.HIGHEST_PRECEDENCE)
  void runPublished(RunPublished published) {
    if (published.runId() != stallRun) return;
    System.out.println("STALLED after publishing run " + published.runId());
    System.out.flush();
    try {
      Thread.sleep(Long.MAX_VALUE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
