package strata.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import strata.kpi.CustomerState;
import strata.kpi.KpiAccumulator;
import strata.kpi.KpiTable;
import strata.kpi.SnapshotInfo;

class KpiTableSectionTest {
  static final SnapshotInfo JAN = new SnapshotInfo(LocalDate.of(2024, 1, 1), "m", "1", List.of("a", "b"), false);
  static final SnapshotInfo APR = new SnapshotInfo(LocalDate.of(2024, 4, 1), "m", "1", List.of("a", "b"), false);

  static CustomerState c(String id, String tier, long orders, int days, long cents, String last) {
    return new CustomerState(id, tier, orders, days, cents, (int) LocalDate.parse(last).toEpochDay(), Double.NaN,
        Double.NaN, 0, -1, -1, -1, -1, "", "", "");
  }

  static KpiTable twoSnapshots(SnapshotInfo before) {
    KpiAccumulator k = new KpiAccumulator(APR, before);
    // X: b -> a, bought in both periods; tier b is empty now.
    k.add(c("X", "a", 2, 2, 30000, "2024-02-01"), c("X", "b", 1, 1, 10000, "2023-12-01"));
    return k.result();
  }

  static ReportDom dom(ReportSection s) {
    return ReportDom.parse("<section>" + s.html() + "</section>");
  }

  @Test
  void showsRetentionAndMigrationBetweenTwoSnapshots() {
    ReportSection s = KpiTableSection.of(twoSnapshots(JAN), List.of("Gold", "Silver"), Locale.ENGLISH);
    ReportDom d = dom(s);
    assertThat(s.id()).isEqualTo("kpi-tiers");
    assertThat(d.texts("//thead/tr/th")).contains("Retention", "Churn rate", "Moved up / down");
    // columns: customers, buyers, revenue, share, AOV, repurchase, retention, churn, migration, CLV, P(alive), ...
    assertThat(d.texts("//tr[@data-code='a']/td")).startsWith("1", "1", "200.00", "100.0%", "200.00", "0.0%",
        "—", "—", "0 / 0"); // X was in b at the previous snapshot
    assertThat(d.texts("//tr[@data-code='b']/td")).startsWith("0", "0", "0.00", "0.0%", "—", "—", "100.0%",
        "0.0%", "1 / 0");
    assertThat(d.texts("//tfoot/tr/td")).last().isEqualTo("—"); // complaints unknown without interactions
    assertThat(s.html()).contains("from 2024-01-01 to 2024-04-01").doesNotContain("model changed");
  }

  @Test
  void saysWhenTheModelChangedAndLeavesMigrationEmpty() {
    SnapshotInfo v0 = new SnapshotInfo(LocalDate.of(2024, 1, 1), "m", "0", List.of("a", "b"), false);
    ReportSection s = KpiTableSection.of(twoSnapshots(v0), List.of("金", "银"), Locale.SIMPLIFIED_CHINESE);
    assertThat(s.heading()).isEqualTo("各等级关键指标");
    assertThat(s.html()).contains("分级模型由版本 0 改为 1", "2024年1月1日 至 2024年4月1日");
    assertThat(dom(s).texts("//tr[@data-code='b']/td").get(8)).isEqualTo("—");
    assertThat(dom(s).texts("//tfoot/tr/td").get(6)).isEqualTo("100.0%"); // retention of all tiers together
  }

  @Test
  void aSingleRunHasNoRetentionColumns() {
    KpiAccumulator k = new KpiAccumulator(APR, null);
    ReportSection s = KpiTableSection.of(k.result(), List.of("A", "B"), Locale.ENGLISH);
    assertThat(dom(s).texts("//thead/tr/th")).doesNotContain("Retention").contains("Repurchase rate");
    assertThat(dom(s).texts("//tr[@data-code='a']/td")).containsOnly("0", "0.00", "—");
    assertThat(s.html()).contains("up to 2024-04-01 (the whole history)");
  }

  @Test
  void refusesNamesThatDoNotMatchTheTiers() {
    assertThatThrownBy(() -> KpiTableSection.of(twoSnapshots(JAN), List.of("Gold"), Locale.ENGLISH))
        .hasMessageContaining("one name per tier");
  }
}
