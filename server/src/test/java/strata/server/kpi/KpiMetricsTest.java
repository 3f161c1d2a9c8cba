package strata.server.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import strata.server.run.SnapshotMetrics;
import tools.jackson.databind.json.JsonMapper;

class KpiMetricsTest {
  static final JsonMapper JSON = JsonMapper.builder().build();
  /** A run written before V45: no key list, rows are objects. */
  static final SnapshotMetrics OBJECTS = SnapshotMetrics.of(JSON, null);

  @Test
  void readsTheFourFieldsAndSkipsTheRest() {
    String metrics = "{\"recency_days\":12,\"purchase_days\":7,\"nested\":{\"complaints\":99,\"region\":\"x\"},"
        + "\"list\":[1,{\"industry\":\"y\"}],\"complaints\":2,\"region\":\"华东\",\"industry\":\"制造\",\"clv\":1.5}";
    assertThat(KpiMetrics.of(JSON, OBJECTS, metrics)).isEqualTo(new KpiMetrics(7, 2, "华东", "制造"));
  }

  @Test
  void absentOrNullFieldsAreZeroOrEmpty() {
    assertThat(KpiMetrics.of(JSON, OBJECTS, "{\"purchase_days\":null,\"region\":null}"))
        .isEqualTo(new KpiMetrics(0, 0, "", ""));
    assertThat(KpiMetrics.of(JSON, OBJECTS, "{}")).isEqualTo(new KpiMetrics(0, 0, "", ""));
  }

  @Test
  void anArrayIsReadByItsRunsKeyList() {
    SnapshotMetrics names = SnapshotMetrics.of(JSON,
        "[\"recency_days\",\"region\",\"purchase_days\",\"churn_reasons\",\"complaints\",\"industry\"]");
    // The values of the first test's object, by position; a nested array is skipped whole.
    assertThat(KpiMetrics.of(JSON, names, "[12,\"华东\",7,[\"complaints\",\"region\"],2,\"制造\"]"))
        .isEqualTo(new KpiMetrics(7, 2, "华东", "制造"));
    // A row without its trailing values (no churn reasons, fewer keys) reads them as absent.
    assertThat(KpiMetrics.of(JSON, names, "[12,null,3]")).isEqualTo(new KpiMetrics(3, 0, "", ""));
  }

  @Test
  void metricsThatAreNeitherAnObjectNorAnArrayAreRefused() {
    assertThatThrownBy(() -> KpiMetrics.of(JSON, OBJECTS, "12")).hasMessageContaining("neither an object nor");
  }

  @Test
  void anArrayLongerThanItsKeyListIsRefused() {
    assertThatThrownBy(() -> KpiMetrics.of(JSON, OBJECTS, "[1,2]")).hasMessageContaining("more metrics than");
  }
}
