package strata.server.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import strata.tier.Metric;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How a snapshot row's {@code metrics} read. Rows of runs since V45 hold a JSON array of the values only, in the order
 * of the run's key list ({@code tier_run.metric_keys}, written once per run); earlier rows hold a JSON object. The
 * names were more than half of every row's ~1 kB of metrics, formatted, sent and parsed by PostgreSQL a million
 * times per run (bench/README.md "Snapshot rows without their metric names").
 */
public final class SnapshotMetrics {
  /** The key list runs write: every metric in {@link Metric} order, then the churn reasons. */
  static final List<String> KEYS = keys();

  private final List<String> keys;

  private SnapshotMetrics(List<String> keys) {
    this.keys = keys;
  }

  /**
   * @param metricKeys the run's {@code tier_run.metric_keys}: a JSON array of names, or null for a run written before
   *     them (its rows are objects)
   */
  public static SnapshotMetrics of(JsonMapper json, String metricKeys) {
    return new SnapshotMetrics(metricKeys == null ? List.of()
        : json.readValue(metricKeys, new TypeReference<List<String>>() {}));
  }

  /** The reading of the rows of run {@code runId}, from its stored key list. */
  public static SnapshotMetrics ofRun(JdbcClient db, JsonMapper json, long runId) {
    return of(json, db.sql("select metric_keys from tier_run where id = ?").param(runId).query(String.class)
        .optional().orElse(null));
  }

  /**
   * The row's metrics by name, in the order they were written; a key the row lacks (churn reasons of a customer
   * without them, past the end of the array) is absent, as it was from the object.
   */
  public Map<String, Object> map(JsonMapper json, String metrics) {
    if (!isArray(metrics)) return json.readValue(metrics, new TypeReference<LinkedHashMap<String, Object>>() {});
    List<Object> values = json.readValue(metrics, new TypeReference<List<Object>>() {});
    Map<String, Object> out = new LinkedHashMap<>();
    for (int k = 0; k < values.size(); k++) out.put(name(k), values.get(k));
    return out;
  }

  /** One metric of a row read as a tree; null when the row lacks it. */
  public JsonNode get(JsonNode metrics, String key) {
    return metrics.isArray() ? metrics.get(keys.indexOf(key)) : metrics.get(key);
  }

  /** The name of the array's {@code k}-th value. */
  public String name(int k) {
    if (k >= keys.size()) throw new IllegalStateException("a snapshot row has more metrics than its run's key list");
    return keys.get(k);
  }

  private static boolean isArray(String metrics) {
    return !metrics.isEmpty() && metrics.charAt(0) == '[';
  }

  private static List<String> keys() {
    List<String> keys = new ArrayList<>();
    for (Metric m : Metric.values()) keys.add(m.variable());
    keys.add(SnapshotWriter.CHURN_REASONS);
    return List.copyOf(keys);
  }
}
