package strata.server.run;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import strata.run.RunResult;
import strata.run.ScoredCustomers;
import strata.server.data.CopyCsv;
import strata.server.override.OverrideStore;
import strata.tier.Metric;
import strata.tier.TierEngine;
import strata.tier.TierRule;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a run's per-customer rows: effective and model tier, the scores the API filters on, every metric, and the
 * explanation in both languages. Rows are written outside the publishing transaction; until the run is published
 * nobody reads them, and a failed run's rows are deleted.
 */
final class SnapshotWriter {
  private static final int BATCH = 1000;

  private SnapshotWriter() {}

  private static final String COLUMNS = "run_id, customer_id, tier, model_tier, override_id, segment, segment11, "
      + "lifecycle, abc, quadrant, recency_days, frequency, monetary_cents, r_score, f_score, m_score, "
      + "composite_score, clv, p_alive, metrics, explanation";
  /** SQL types of {@link #COLUMNS}, for the JDBC path's nulls. */
  private static final int[] TYPES = {Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.BIGINT,
      Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.BIGINT, Types.BIGINT,
      Types.BIGINT, Types.BIGINT, Types.BIGINT, Types.BIGINT, Types.REAL, Types.REAL, Types.REAL, Types.VARCHAR,
      Types.VARCHAR};

  /** @return customers per effective tier, in model order */
  static Map<String, Long> write(DataSource dataSource, JsonMapper json, long runId, RunResult result,
      Map<String, OverrideStore.Override> overrides, IntConsumer written) throws SQLException {
    ScoredCustomers s = result.customers();
    List<TierRule> tiers = result.model().tiers();
    Map<String, Long> counts = new LinkedHashMap<>();
    tiers.forEach(t -> counts.put(t.id(), 0L));
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      Rows rows = c.isWrapperFor(PGConnection.class) ? new CopyRows(c.unwrap(PGConnection.class))
          : new BatchRows(c.prepareStatement("insert into snapshot_row (" + COLUMNS + ") values ("
              + String.join(", ", Collections.nCopies(TYPES.length, "?")) + ")"));
      try (rows) {
        for (int i = 0; i < s.size; i++) {
          Object[] row = row(json, runId, result, overrides, i);
          counts.merge((String) row[2], 1L, Long::sum);
          rows.add(row);
          if ((i + 1) % BATCH == 0 || i == s.size - 1) {
            rows.flush();
            c.commit();
            written.accept(i + 1);
          }
        }
      } catch (IOException e) {
        throw new SQLException("cannot copy snapshot rows: " + e.getMessage(), e);
      }
    }
    return counts;
  }

  /** One snapshot row's values, in the order of {@link #COLUMNS}. */
  private static Object[] row(JsonMapper json, long runId, RunResult result,
      Map<String, OverrideStore.Override> overrides, int i) {
    ScoredCustomers s = result.customers();
    TierEngine engine = result.engine();
    String id = s.customerId(i);
    String modelTier = result.model().tiers().get(s.tier[i]).id();
    OverrideStore.Override o = overrides.get(id);
    Map<String, Object> metrics = new LinkedHashMap<>();
    for (Metric m : Metric.values()) metrics.put(m.variable(), s.value(i, m));
    String en = engine.explain(i, s.tier[i], s, false);
    String zh = engine.explain(i, s.tier[i], s, true);
    if (o != null) {
      en = o.explanation() + "; model: " + en;
      zh = o.explanation() + "；模型：" + zh;
    }
    return new Object[] {runId, id, o != null ? o.tier() : modelTier, modelTier, o == null ? null : o.id(),
        metrics.get("rfm_segment"), metrics.get("rfm_segment11"), metrics.get("lifecycle_stage"),
        metrics.get("abc_class"), metrics.get("value_quadrant"), metrics.get("recency_days"),
        metrics.get("frequency"), s.bought(i) ? s.purchases.netCents[i] : 0L, metrics.get("r_score"),
        metrics.get("f_score"), metrics.get("m_score"), real((Double) metrics.get("composite_score")),
        real((Double) metrics.get("clv")), real((Double) metrics.get("p_alive")),
        json.writeValueAsString(metrics), json.writeValueAsString(Map.of("en", en, "zh", zh))};
  }

  private static Float real(Double v) {
    return v == null || v.isNaN() || v.isInfinite() ? null : v.floatValue();
  }

  /** Where rows go: a COPY on PostgreSQL, a JDBC batch elsewhere (H2). */
  private interface Rows extends AutoCloseable {
    void add(Object[] row) throws SQLException;

    void flush() throws SQLException, IOException;

    @Override
    void close() throws SQLException;
  }

  /**
   * COPY instead of batched INSERTs: the server bench (bench/run-server.sh, 100k customers) spent about half the run
   * writing the snapshot with 1000-row batches; COPY of the same rows took a fraction of that (bench/README.md).
   */
  private static final class CopyRows implements Rows {
    private final PGConnection pg;
    private final StringBuilder csv = new StringBuilder(BATCH * 1024);

    CopyRows(PGConnection pg) {
      this.pg = pg;
    }

    @Override
    public void add(Object[] row) {
      CopyCsv.appendRow(csv, row);
    }

    @Override
    public void flush() throws SQLException, IOException {
      if (csv.isEmpty()) return;
      pg.getCopyAPI().copyIn("copy snapshot_row (" + COLUMNS + ") from stdin (format csv)",
          new StringReader(csv.toString()));
      csv.setLength(0);
    }

    @Override
    public void close() {}
  }

  private static final class BatchRows implements Rows {
    private final PreparedStatement ps;

    BatchRows(PreparedStatement ps) {
      this.ps = ps;
    }

    @Override
    public void add(Object[] row) throws SQLException {
      for (int k = 0; k < row.length; k++) {
        if (row[k] == null) ps.setNull(k + 1, TYPES[k]);
        else ps.setObject(k + 1, row[k], TYPES[k]);
      }
      ps.addBatch();
    }

    @Override
    public void flush() throws SQLException {
      ps.executeBatch();
    }

    @Override
    public void close() throws SQLException {
      ps.close();
    }
  }
}
