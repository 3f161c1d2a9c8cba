package strata.server.data;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Refreshes the planner's statistics after bulk writes (an import, a new snapshot). Without them PostgreSQL plans a
 * freshly loaded table as if it were empty and may walk a whole index for a selective owner filter (measured: a
 * tier + owner list went from 90 ms to 1.6 s). {@code ANALYZE} samples, so it stays cheap at millions of rows; H2
 * accepts the same statement.
 */
@Component
public class TableStats {
  private static final Logger log = LoggerFactory.getLogger(TableStats.class);
  private final JdbcClient db;

  TableStats(JdbcClient db) {
    this.db = db;
  }

  public void refresh() {
    long start = System.nanoTime();
    db.sql("analyze").update();
    log.debug("statistics refreshed in {} ms", (System.nanoTime() - start) / 1_000_000);
  }
}
