package strata.server.run;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import javax.sql.DataSource;
import strata.run.RunResult;
import strata.run.ScoredCustomers;
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

  /** @return customers per effective tier, in model order */
  static Map<String, Long> write(DataSource dataSource, JsonMapper json, long runId, RunResult result,
      Map<String, OverrideStore.Override> overrides, IntConsumer written) throws SQLException {
    ScoredCustomers s = result.customers();
    List<TierRule> tiers = result.model().tiers();
    TierEngine engine = result.engine();
    Map<String, Long> counts = new LinkedHashMap<>();
    tiers.forEach(t -> counts.put(t.id(), 0L));
    try (var c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("insert into snapshot_row (run_id, customer_id, tier, model_tier, "
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
