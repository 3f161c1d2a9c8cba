package strata.server.run;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Test-only: with {@code strata.test.stall-run=N}, run N stops for good after writing its first rows, so a test can
 * kill the server in the middle of a run. Present only on the test class path.
 */
@Component
@ConditionalOnProperty(name = "strata.test.stall-run")
class StallAfterRows implements RunListener {
  private final long stallRun;

  StallAfterRows(org.springframework.core.env.Environment env) {
    this.stallRun = Long.parseLong(env.getProperty("strata.test.stall-run"));
  }

  @Override
  public void rowsWritten(long runId, int rows) {
    if (runId != stallRun) return;
    System.out.println("STALLED run " + runId + " after " + rows + " rows");
    System.out.flush();
    try {
      Thread.sleep(Long.MAX_VALUE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
