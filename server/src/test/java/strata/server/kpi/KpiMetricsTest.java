package strata.server.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class KpiMetricsTest {
  static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void readsTheFourFieldsAndSkipsTheRest() {
    String metrics = "{\"recency_days\":12,\"purchase_days\":7,\"nested\":{\"complaints\":99,\"region\":\"x\"},"
        + "\"list\":[1,{\"industry\":\"y\"}],\"complaints\":2,\"region\":\"华东\",\"industry\":\"制造\",\"clv\":1.5}";
    assertThat(KpiMetrics.of(JSON, metrics)).isEqualTo(new KpiMetrics(7, 2, "华东", "制造"));
  }

  @Test
  void absentOrNullFieldsAreZeroOrEmpty() {
    assertThat(KpiMetrics.of(JSON, "{\"purchase_days\":null,\"region\":null}"))
        .isEqualTo(new KpiMetrics(0, 0, "", ""));
    assertThat(KpiMetrics.of(JSON, "{}")).isEqualTo(new KpiMetrics(0, 0, "", ""));
  }

  @Test
  void metricsThatAreNotAnObjectAreRefused() {
    assertThatThrownBy(() -> KpiMetrics.of(JSON, "[1,2]")).hasMessageContaining("not an object");
  }
}
