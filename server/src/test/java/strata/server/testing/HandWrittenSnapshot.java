package strata.server.testing;

import org.springframework.jdbc.core.simple.JdbcClient;
import strata.server.data.Dialect;
import strata.server.run.SnapshotTables;

/**
 * Snapshot rows a test inserts itself: on PostgreSQL a run's rows need the run's partition of snapshot_row
 * (db/postgresql/V48), which a real run makes and attaches when it publishes.
 */
public final class HandWrittenSnapshot {
  private HandWrittenSnapshot() {}

  /** Makes the run's partition on PostgreSQL; nothing on H2. */
  public static void partition(JdbcClient db, Dialect dialect, long runId) {
    if (dialect.postgres()) {
      db.sql("create table if not exists " + SnapshotTables.of(runId) + " partition of snapshot_row for values in ("
          + runId + ")").update();
    }
  }

  /** Removes the run's rows: its partition on PostgreSQL. */
  public static void remove(JdbcClient db, Dialect dialect, long runId) {
    if (dialect.postgres()) db.sql("drop table if exists " + SnapshotTables.of(runId)).update();
    else db.sql("delete from snapshot_row where run_id = ?").param(runId).update();
  }
}
