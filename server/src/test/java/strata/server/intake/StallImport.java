package strata.server.intake;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Test-only: with {@code strata.test.stall-import=N}, the N-th import this server process runs stops for good after
 * its first chunk of rows is committed (or, with {@code strata.test.stall-after-rows=R}, the first chunk that brings it
 * to R rows) (hidden, not switched on), so a test can look at the data and kill the server
 * there. Counted per process, since ids are not predictable after a kill (H2 skips its cached identity values).
 * Present only on the test class path.
 */
@Component
@ConditionalOnProperty(name = "strata.test.stall-import")
class StallImport implements ImportListener {
  private final long stallImport;
  private final long afterRows;
  private final java.util.Set<Long> seen = new java.util.HashSet<>();

  StallImport(org.springframework.core.env.Environment env) {
    this.stallImport = Long.parseLong(env.getProperty("strata.test.stall-import"));
    this.afterRows = Long.parseLong(env.getProperty("strata.test.stall-after-rows", "0"));
  }

  @Override
  public void rowsStored(long importId, long rows) {
    seen.add(importId);
    if (seen.size() != stallImport || rows < afterRows) return;
    System.out.println("STALLED import " + importId + " after " + rows + " rows");
    System.out.flush();
    try {
      Thread.sleep(Long.MAX_VALUE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
