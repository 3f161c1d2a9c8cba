package strata.server.kpi;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import strata.server.data.Dialect;
import strata.server.data.KpiInputWriter;
import strata.server.run.Run;
import strata.server.run.SnapshotMetrics;
import tools.jackson.databind.json.JsonMapper;

/**
 * The KPI inputs (snapshot_kpi_input, V21) of a snapshot written before that table existed, filled once from its
 * snapshot rows' metrics JSON when its KPIs are next needed: in the background task of the start, or when the next
 * publication compares with it. Not in the migration: at 1M customers × 24 snapshots it would read ~23 GB of rows while
 * the server cannot start, and most snapshots already have their KPIs stored and need no inputs at all.
 */
final class KpiInputs {
  private static final Logger log = LoggerFactory.getLogger(KpiInputs.class);

  private final DataSource dataSource;
  private final Dialect dialect;
  private final JdbcClient db;
  private final JsonMapper json;

  KpiInputs(DataSource dataSource, Dialect dialect, JdbcClient db, JsonMapper json) {
    this.dataSource = dataSource;
    this.dialect = dialect;
    this.db = db;
    this.json = json;
  }

  /**
   * Fills the run's inputs unless it has some or has no snapshot rows; all or nothing, so a server stopped midway
   * leaves none and the next call starts over.
   *
   * @return whether it filled them
   */
  boolean fillIfMissing(Run run) throws SQLException {
    boolean present = !db.sql("select 1 from snapshot_kpi_input where run_id = ? fetch first 1 rows only")
        .param(run.id()).query(Integer.class).list().isEmpty();
    if (present) return false;
    long start = System.nanoTime();
    int asOfDay = (int) run.asOf().toEpochDay();
    SnapshotMetrics names = SnapshotMetrics.ofRun(db, json, run.id());
    try (Connection read = dataSource.getConnection(); Connection write = dataSource.getConnection()) {
      read.setAutoCommit(false); // PostgreSQL streams a result with a fetch size only inside a transaction
      write.setAutoCommit(false);
      try (PreparedStatement s = read.prepareStatement("select customer_id, model_tier, owner, recency_days, "
              + "frequency, monetary_cents, clv, p_alive, metrics from snapshot_row where run_id = ? "
              + "order by customer_id");
          KpiInputWriter out = new KpiInputWriter(write, dialect)) {
        s.setFetchSize(1000);
        s.setLong(1, run.id());
        int rows = 0;
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            KpiMetrics m = KpiMetrics.of(json, names, r.getString(9));
            Integer recency = r.getObject(4, Integer.class);
            out.add(new Object[] {run.id(), r.getString(1), r.getString(2), r.getLong(5), m.purchaseDays(),
                r.getLong(6), recency == null ? null : asOfDay - recency, r.getObject(7, Float.class),
                r.getObject(8, Float.class), (long) m.complaints(), r.getString(3), m.region(), m.industry()});
            rows++;
          }
        }
        out.flush();
        write.commit();
        log.info("KPI inputs of run {} filled from its {} snapshot rows in {} ms", run.id(), rows,
            (System.nanoTime() - start) / 1_000_000);
        return rows > 0;
      } catch (SQLException e) {
        write.rollback();
        // Another server of the cluster filled them first (its rows are committed: the insert waited for them).
        if ("23505".equals(e.getSQLState())) return false;
        throw e;
      } catch (RuntimeException e) {
        write.rollback();
        throw e;
      } finally {
        read.rollback();
        read.setAutoCommit(true);
        write.setAutoCommit(true);
      }
    }
  }
}
