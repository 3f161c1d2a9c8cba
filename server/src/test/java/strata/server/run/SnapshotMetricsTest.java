package strata.server.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import strata.tier.Metric;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SnapshotMetricsTest {
  static final JsonMapper JSON = JsonMapper.builder().build();
  static final String KEYS = JSON.writeValueAsString(SnapshotMetrics.KEYS);

  /** One value of each kind a metric takes, in Metric order: doubles at full precision, nulls, texts to escape. */
  static Object[] values() {
    Object[] v = new Object[Metric.values().length];
    for (Metric m : Metric.values()) {
      v[m.ordinal()] = switch (m.type().name()) {
        case "bool" -> true;
        case "int" -> m.ordinal() % 3 == 0 ? null : 3_000_000_000L + m.ordinal();
        case "double" -> m.ordinal() % 4 == 0 ? 0.1 + 0.2 : (double) 0.8765432f / m.ordinal();
        default -> "区域 \"north\"\\\n" + m.ordinal();
      };
    }
    return v;
  }

  /** The object the writer stored before V45: every metric by name in Metric order, then any churn reasons. */
  static String objectAsStoredBefore(Object[] v, List<String> reasons) {
    Map<String, Object> metrics = new LinkedHashMap<>();
    for (Metric m : Metric.values()) metrics.put(m.variable(), v[m.ordinal()]);
    if (reasons != null) metrics.put(SnapshotWriter.CHURN_REASONS, reasons);
    return JSON.writeValueAsString(metrics);
  }

  @Test
  void anArrayRowReadsAsTheObjectTheWriterStoredBefore() {
    SnapshotMetrics names = SnapshotMetrics.of(JSON, KEYS);
    SnapshotMetrics objects = SnapshotMetrics.of(JSON, null);
    SnapshotWriter.MetricsText text = new SnapshotWriter.MetricsText(JSON);
    for (List<String> reasons : java.util.Arrays.asList(List.of("recency_days", "complaints"), null)) {
      String array = text.of(values(), reasons);
      String object = objectAsStoredBefore(values(), reasons);
      assertThat(array).startsWith("[true,").doesNotContain("has_purchase");
      Map<String, Object> read = names.map(JSON, array);
      Map<String, Object> before = objects.map(JSON, object);
      // Same names in the same order, same values of the same classes: the API writes them out alike.
      assertThat(new ArrayList<>(read.keySet())).containsExactlyElementsOf(before.keySet());
      assertThat(read).isEqualTo(before);
      read.forEach((k, v) -> assertThat(v == null ? null : v.getClass()).as(k)
          .isEqualTo(before.get(k) == null ? null : before.get(k).getClass()));
      assertThat(JSON.writeValueAsString(read)).isEqualTo(JSON.writeValueAsString(before)).isEqualTo(object);
      assertThat(read.containsKey(SnapshotWriter.CHURN_REASONS)).isEqualTo(reasons != null);
    }
  }

  @Test
  void oneMetricOfATreeByNameOrByPosition() {
    SnapshotMetrics names = SnapshotMetrics.of(JSON, "[\"recency_days\",\"tenure_days\"]");
    JsonNode array = JSON.readTree("[12,400]");
    assertThat(names.get(array, "tenure_days").asLong()).isEqualTo(400);
    assertThat(names.get(JSON.readTree("{\"tenure_days\":400}"), "tenure_days").asLong()).isEqualTo(400);
    assertThat(names.get(array, "churn_reasons")).isNull();
    assertThat(names.get(JSON.readTree("[12]"), "tenure_days")).isNull();
  }

  @Test
  void anArrayWithMoreValuesThanNamesIsRefused() {
    assertThatThrownBy(() -> SnapshotMetrics.of(JSON, "[\"recency_days\"]").map(JSON, "[1,2]"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("more metrics than its run's key list");
  }
}
