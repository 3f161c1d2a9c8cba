package strata.server.run;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import strata.run.RunResult;
import strata.tier.TierEngine;
import strata.tier.TierReason;
import tools.jackson.databind.json.JsonMapper;

/**
 * The explanations of a run's snapshot rows: the texts in both languages and the reason as data
 * ({@code {"en","zh","reason"}}). A few dozen distinct reasons explain a million customers, so since V45 each distinct
 * one is stored once per run in {@code snapshot_explanation} and a row holds {@code {"ref":n}}; rows of earlier runs,
 * and the rows of a run past {@link #LIMIT} distinct reasons, hold the explanation itself. Repeated in every row it
 * was about a quarter of the bytes PostgreSQL parsed and stored per row (bench/README.md "Snapshot rows without their
 * metric names").
 */
public final class SnapshotExplanations {
  private static final int LIMIT = 10_000;
  private static final String REF = "{\"ref\":";

  private final JsonMapper json;
  private final TierEngine.Explainer explainer;
  private final Map<TierReason, String> known = new IdentityHashMap<>();
  private final List<String> stored = new ArrayList<>();

  SnapshotExplanations(JsonMapper json, RunResult result) {
    this.json = json;
    this.explainer = result.engine().explainer(result.customers());
  }

  /**
   * What the customer's row stores: a reference to its reason's explanation, or the explanation itself past the limit.
   * The explainer returns the same instance for the same reason, so each is rendered and serialised once.
   */
  String of(int customer, int tier) {
    TierReason reason = explainer.reason(customer, tier);
    String ref = known.get(reason);
    if (ref != null) return ref;
    Map<String, Object> texts = new LinkedHashMap<>();
    texts.put("en", reason.text(Locale.ENGLISH));
    texts.put("zh", reason.text(Locale.SIMPLIFIED_CHINESE));
    texts.put("reason", json.readTree(reason.json()));
    String explanation = json.writeValueAsString(texts);
    if (stored.size() >= LIMIT) return explanation;
    stored.add(explanation);
    ref = REF + (stored.size() - 1) + "}";
    known.put(reason, ref);
    return ref;
  }

  /**
   * Stores the explanations the rows refer to, on {@code c} in its transaction: committed before the run publishes,
   * and removed with the rows of a run that fails ({@link #prune}).
   */
  void write(Connection c, long runId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "insert into snapshot_explanation (run_id, ref, explanation) values (?, ?, ?)")) {
      for (int ref = 0; ref < stored.size(); ref++) {
        ps.setLong(1, runId);
        ps.setInt(2, ref);
        ps.setString(3, stored.get(ref));
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** The explanation a row stores, looked up when the row holds a reference. */
  public static String read(JdbcClient db, long runId, String stored) {
    if (!stored.startsWith(REF)) return stored;
    int ref = Integer.parseInt(stored.substring(REF.length(), stored.length() - 1));
    return db.sql("select explanation from snapshot_explanation where run_id = ? and ref = ?").params(runId, ref)
        .query(String.class).optional()
        .orElseThrow(() -> new IllegalStateException("snapshot " + runId + " has no explanation " + ref));
  }

  /** Removes the explanations of runs that failed or expired, as their snapshot rows are removed. */
  static void prune(JdbcClient db) {
    db.sql("delete from snapshot_explanation where run_id in (select id from tier_run where status in ('failed', "
        + "'expired'))").update();
  }
}
