package strata.server.run;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
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
import strata.tier.TierReason;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a run's per-customer rows: effective and model tier, the scores the API filters on, every metric, and the
 * explanation in both languages with the model's reason as data ({@code {"en","zh","reason"}}). Rows are written outside the publishing transaction; until the run is published
 * nobody reads them, and a failed run's rows are deleted.
 */
final class SnapshotWriter {
  private static final int BATCH = 1000;

  private SnapshotWriter() {}

  private static final String COLUMNS = "run_id, customer_id, tier, model_tier, override_id, segment, segment11, "
      + "lifecycle, abc, quadrant, recency_days, frequency, monetary_cents, r_score, f_score, m_score, "
      + "composite_score, clv, p_alive, metrics, explanation, owner";

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
    CopyCsv csv = new CopyCsv();
    Explanations explanations = new Explanations(json, result);
    c.setAutoCommit(false);
    try {
      for (int i = 0; i < s.size; i++) {
        Object[] row = row(json, explanations, runId, result, overrides, i);
        counts.merge((String) row[2], 1L, Long::sum);
        csv.add(row);
        if ((i + 1) % BATCH == 0 || i == s.size - 1) {
          pg.getCopyAPI().copyIn("copy snapshot_row (" + COLUMNS + ") from stdin (format csv)",
              csv.take());
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
  private static Object[] row(JsonMapper json, Explanations explanations, long runId, RunResult result,
      Map<String, OverrideStore.Override> overrides, int i) {
    ScoredCustomers s = result.customers();
    String id = s.customerId(i);
    String modelTier = result.model().tiers().get(s.tier[i]).id();
    OverrideStore.Override o = overrides.get(id);
    Map<String, Object> metrics = new LinkedHashMap<>();
    for (Metric m : Metric.values()) metrics.put(m.variable(), s.value(i, m));
    Map<String, Object> explanation = explanations.of(i, s.tier[i]);
    if (o != null) {
      explanation = new LinkedHashMap<>(explanation);
      explanation.put("en", o.explanation() + "; model: " + explanation.get("en"));
      explanation.put("zh", o.explanation() + "；模型：" + explanation.get("zh"));
    }
    return new Object[] {runId, id, o != null ? o.tier() : modelTier, modelTier, o == null ? null : o.id(),
        metrics.get("rfm_segment"), metrics.get("rfm_segment11"), metrics.get("lifecycle_stage"),
        metrics.get("abc_class"), metrics.get("value_quadrant"), metrics.get("recency_days"),
        metrics.get("frequency"), s.bought(i) ? s.purchases.netCents[i] : 0L, metrics.get("r_score"),
        metrics.get("f_score"), metrics.get("m_score"), real((Double) metrics.get("composite_score")),
        real((Double) metrics.get("clv")), real((Double) metrics.get("p_alive")),
        json.writeValueAsString(metrics), json.writeValueAsString(explanation), owner(s, i)};
  }

  /**
   * The owner of the customer's profile as the run read it; null without a profile (as a join with customer finds
   * none). A change made while the run scored is caught up when it publishes ({@link SnapshotOwners#catchUp}).
   */
  private static String owner(ScoredCustomers s, int i) {
    return s.profiles == null || s.profiles[i] == null ? null : s.profiles[i].owner();
  }

  /**
   * The stored explanation of each distinct reason, rendered once: reasons repeat heavily (a few dozen among a million
   * customers) and the explainer returns the same instance for the same reason.
   */
  private static final class Explanations {
    private static final int LIMIT = 10_000;
    private final JsonMapper json;
    private final TierEngine.Explainer explainer;
    private final Map<TierReason, Map<String, Object>> known = new IdentityHashMap<>();

    Explanations(JsonMapper json, RunResult result) {
      this.json = json;
      this.explainer = result.engine().explainer(result.customers());
    }

    Map<String, Object> of(int customer, int tier) {
      TierReason reason = explainer.reason(customer, tier);
      Map<String, Object> explanation = known.get(reason);
      if (explanation == null) {
        explanation = new LinkedHashMap<>();
        explanation.put("en", reason.text(java.util.Locale.ENGLISH));
        explanation.put("zh", reason.text(java.util.Locale.SIMPLIFIED_CHINESE));
        explanation.put("reason", json.readTree(reason.json()));
        if (known.size() < LIMIT) known.put(reason, explanation);
      }
      return explanation;
    }
  }

  private static Float real(Double v) {
    return v == null || v.isNaN() || v.isInfinite() ? null : v.floatValue();
  }

  /** SQL types of {@link #COLUMNS}, for the nulls of the JDBC path. */
  private static final int[] TYPES = {Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.BIGINT,
      Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.INTEGER, Types.BIGINT,
      Types.BIGINT, Types.SMALLINT, Types.SMALLINT, Types.SMALLINT, Types.REAL, Types.REAL, Types.REAL,
      Types.VARCHAR, Types.VARCHAR, Types.VARCHAR};

  /** The JDBC path (H2): batches of {@link #BATCH} rows, each committed. */
  private static Map<String, Long> writeBatches(Connection c, JsonMapper json, long runId, RunResult result,
      Map<String, OverrideStore.Override> overrides, IntConsumer written) throws SQLException {
    ScoredCustomers s = result.customers();
    Map<String, Long> counts = new LinkedHashMap<>();
    result.model().tiers().forEach(t -> counts.put(t.id(), 0L));
    String marks = String.join(", ", java.util.Collections.nCopies(TYPES.length, "?"));
    String insert = "insert into snapshot_row (" + COLUMNS + ") values (" + marks + ")";
    Explanations explanations = new Explanations(json, result);
    try (PreparedStatement ps = c.prepareStatement(insert)) {
      c.setAutoCommit(false);
      for (int i = 0; i < s.size; i++) {
        Object[] row = row(json, explanations, runId, result, overrides, i);
        counts.merge((String) row[2], 1L, Long::sum);
        for (int k = 0; k < row.length; k++) {
          if (row[k] == null) ps.setNull(k + 1, TYPES[k]);
          else ps.setObject(k + 1, row[k], TYPES[k]);
        }
        ps.addBatch();
        if ((i + 1) % BATCH == 0 || i == s.size - 1) {
          ps.executeBatch();
          c.commit();
          written.accept(i + 1);
        }
      }
    } finally {
      c.setAutoCommit(true);
    }
    return counts;
  }
}
