package strata.server.run;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
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

  /** @return customers per effective tier, in model order */
  static Map<String, Long> write(DataSource dataSource, JsonMapper json, long runId, RunResult result,
      Map<String, OverrideStore.Override> overrides, IntConsumer written) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      if (c.isWrapperFor(PGConnection.class)) return writeCopy(c, json, runId, result, overrides, written);
      return writeBatches(c, json, runId, result, overrides, written);
    }
  }

  /**
   * The PostgreSQL path: COPY instead of batched INSERTs. The server bench (bench/run-server.sh) spent about 70 % of a
   * 1M-customer run writing the snapshot with 1000-row batches; COPY made that phase 2.4x faster at 100k customers.
   */
  private static Map<String, Long> writeCopy(Connection c, JsonMapper json, long runId, RunResult result,
      Map<String, OverrideStore.Override> overrides, IntConsumer written) throws SQLException {
    ScoredCustomers s = result.customers();
    Map<String, Long> counts = new LinkedHashMap<>();
    result.model().tiers().forEach(t -> counts.put(t.id(), 0L));
    PGConnection pg = c.unwrap(PGConnection.class);
    StringBuilder csv = new StringBuilder(BATCH * 1024);
    c.setAutoCommit(false);
    try {
      for (int i = 0; i < s.size; i++) {
        Object[] row = row(json, runId, result, overrides, i);
        counts.merge((String) row[2], 1L, Long::sum);
        CopyCsv.appendRow(csv, row);
        if ((i + 1) % BATCH == 0 || i == s.size - 1) {
          pg.getCopyAPI().copyIn("copy snapshot_row (" + COLUMNS + ") from stdin (format csv)",
              new StringReader(csv.toString()));
          csv.setLength(0);
          c.commit();
          written.accept(i + 1);
        }
      }
    } catch (IOException e) {
      throw new SQLException("cannot copy snapshot rows: " + e.getMessage(), e);
    } finally {
      c.setAutoCommit(true);
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

  /** The JDBC path (H2): batches of {@link #BATCH} rows, each committed. */
  private static Map<String, Long> writeBatches(Connection c, JsonMapper json, long runId, RunResult result,
      Map<String, OverrideStore.Override> overrides, IntConsumer written) throws SQLException {
    ScoredCustomers s = result.customers();
    List<TierRule> tiers = result.model().tiers();
    TierEngine engine = result.engine();
    Map<String, Long> counts = new LinkedHashMap<>();
    tiers.forEach(t -> counts.put(t.id(), 0L));
    try (PreparedStatement ps = c.prepareStatement("insert into snapshot_row (run_id, customer_id, tier, model_tier, "
            + "override_id, segment, segment11, lifecycle, abc, quadrant, recency_days, frequency, monetary_cents, "
            + "r_score, f_score, m_score, composite_score, clv, p_alive, metrics, explanation) "
            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      c.setAutoCommit(false);
      for (int i = 0; i < s.size; i++) {
        String id = s.customerId(i);
        String modelTier = tiers.get(s.tier[i]).id();
        OverrideStore.Override o = overrides.get(id);
        String tier = o != null ? o.tier() : modelTier;
        counts.merge(tier, 1L, Long::sum);
        Map<String, Object> metrics = new LinkedHashMap<>();
        for (Metric m : Metric.values()) metrics.put(m.variable(), s.value(i, m));
        String en = engine.explain(i, s.tier[i], s, false);
        String zh = engine.explain(i, s.tier[i], s, true);
        if (o != null) {
          en = o.explanation() + "; model: " + en;
          zh = o.explanation() + "；模型：" + zh;
        }
        int k = 1;
        ps.setLong(k++, runId);
        ps.setString(k++, id);
        ps.setString(k++, tier);
        ps.setString(k++, modelTier);
        setLong(ps, k++, o == null ? null : o.id());
        ps.setString(k++, (String) metrics.get("rfm_segment"));
        ps.setString(k++, (String) metrics.get("rfm_segment11"));
        ps.setString(k++, (String) metrics.get("lifecycle_stage"));
        ps.setString(k++, (String) metrics.get("abc_class"));
        ps.setString(k++, (String) metrics.get("value_quadrant"));
        setLong(ps, k++, (Long) metrics.get("recency_days"));
        ps.setLong(k++, (Long) metrics.get("frequency"));
        ps.setLong(k++, s.bought(i) ? s.purchases.netCents[i] : 0);
        setLong(ps, k++, (Long) metrics.get("r_score"));
        setLong(ps, k++, (Long) metrics.get("f_score"));
        setLong(ps, k++, (Long) metrics.get("m_score"));
        setReal(ps, k++, (Double) metrics.get("composite_score"));
        setReal(ps, k++, (Double) metrics.get("clv"));
        setReal(ps, k++, (Double) metrics.get("p_alive"));
        ps.setString(k++, json.writeValueAsString(metrics));
        ps.setString(k, json.writeValueAsString(Map.of("en", en, "zh", zh)));
        ps.addBatch();
        if ((i + 1) % BATCH == 0 || i == s.size - 1) {
          ps.executeBatch();
          c.commit();
          written.accept(i + 1);
        }
      }
    }
    return counts;
  }

  private static void setLong(PreparedStatement ps, int k, Long v) throws SQLException {
    if (v == null) ps.setNull(k, Types.BIGINT);
    else ps.setLong(k, v);
  }

  private static void setReal(PreparedStatement ps, int k, Double v) throws SQLException {
    if (v == null || v.isNaN() || v.isInfinite()) ps.setNull(k, Types.REAL);
    else ps.setFloat(k, v.floatValue());
  }
}
