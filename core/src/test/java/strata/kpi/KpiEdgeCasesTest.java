package strata.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static strata.kpi.KpiAccumulatorTest.c;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class KpiEdgeCasesTest {
  static final LocalDate JAN = LocalDate.of(2024, 1, 1);
  static final LocalDate APR = LocalDate.of(2024, 4, 1);

  @Test
  void aSingleSnapshotMeasuresTheHistoryWithoutRetentionOrMigration() {
    SnapshotInfo only = new SnapshotInfo(APR, "m", "1", List.of("a", "b"), true);
    KpiAccumulator k = new KpiAccumulator(only, null);
    k.add(c("X", "a", 3, 2, 9000, "2020-05-05"), null); // two purchase days in 2020: a repeat buyer of the history
    k.add(c("Y", "a", 1, 1, 1000, "2024-03-01"), null);
    k.add(c("P", "b", 0, 0, 0, null), null); // a prospect
    KpiTable t = k.result();
    assertThat(t.previous()).isNull();
    assertThat(t.modelChanged()).isFalse();
    KpiRow a = t.group("all", "").get(0);
    assertThat(a.buyers()).isEqualTo(2);
    assertThat(a.repurchaseRate()).isEqualTo(0.5);
    assertThat(a.revenueCents()).isEqualTo(10000);
    assertThat(a.averageOrderValue()).isEqualTo(25.0); // 100.00 in 4 orders
    assertThat(a.previousActive()).isNull();
    assertThat(a.retention()).isNull();
    assertThat(a.movedUp()).isNull();
    KpiRow b = t.group("all", "").get(1);
    assertThat(b.customers()).isEqualTo(1);
    assertThat(b.buyers()).isZero();
    assertThat(b.repurchaseRate()).isNull(); // no buyers: empty, not 0 %
    assertThat(b.complaintsPer100()).isEqualTo(0.0); // interactions were read and P has none
  }

  @Test
  void withoutInteractionsOrSurveysTheirKpisAreEmpty() {
    SnapshotInfo only = new SnapshotInfo(APR, "m", "1", List.of("a"), false);
    KpiAccumulator k = new KpiAccumulator(only, null);
    k.add(c("X", "a", 1, 1, 100, "2024-03-01"), null);
    KpiRow a = k.result().group("all", "").get(0);
    assertThat(a.complaintsPer100()).isNull();
    assertThat(a.nps()).isNull();
    assertThat(a.npsAnswers()).isZero();
    assertThat(a.csat()).isNull();
    assertThat(a.averageClv()).isNull();
  }

  @Test
  void aNewModelVersionIsReportedAsAModelChangeNotAsMigration() {
    SnapshotInfo v1 = new SnapshotInfo(JAN, "m", "1", List.of("gold", "rest"), true);
    SnapshotInfo v2 = new SnapshotInfo(APR, "m", "2", List.of("platinum", "gold", "rest"), true);
    KpiAccumulator k = new KpiAccumulator(v2, v1);
    k.add(c("A", "platinum", 2, 2, 200, "2024-02-01"), c("A", "gold", 1, 1, 100, "2023-12-01"));
    k.add(c("B", "rest", 1, 1, 100, "2023-12-02"), c("B", "gold", 1, 1, 100, "2023-12-02"));
    KpiTable t = k.result();
    assertThat(t.modelChanged()).isTrue();
    List<KpiRow> all = t.group("all", "");
    assertThat(all).extracting(KpiRow::tier).containsExactly("platinum", "gold", "rest", null);
    for (KpiRow tier : all.subList(0, 3)) {
      assertThat(tier.movedUp()).isNull();
      assertThat(tier.movedDown()).isNull();
      assertThat(tier.retention()).isNull(); // version 1's gold is not version 2's gold
    }
    KpiRow total = all.get(3);
    assertThat(total.previousActive()).isEqualTo(2);
    assertThat(total.retention()).isEqualTo(0.5); // A bought again, B did not
    assertThat(total.netMigration()).isNull();
    assertThat(all.get(0).customers()).isEqualTo(1); // the new tier is counted in the period it appears
  }

  @Test
  void badInputIsRefusedWithAClearMessage() {
    SnapshotInfo now = new SnapshotInfo(APR, "m", "1", List.of("a"), true);
    SnapshotInfo later = new SnapshotInfo(APR.plusDays(1), "m", "1", List.of("a"), true);
    assertThatThrownBy(() -> new KpiAccumulator(now, later)).hasMessageContaining("must be before");
    assertThatThrownBy(() -> new KpiAccumulator(now, now)).hasMessageContaining("must be before");
    KpiAccumulator k = new KpiAccumulator(now, null);
    assertThatThrownBy(() -> k.add(c("X", "zzz", 1, 1, 1, "2024-01-01"), null))
        .hasMessageContaining("tier 'zzz' is not in model m v1");
    assertThatThrownBy(() -> k.add(null, null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> k.add(null, c("X", "a", 1, 1, 1, "2024-01-01")))
        .hasMessageContaining("without a previous snapshot");
    assertThatThrownBy(() -> new SnapshotInfo(APR, "m", "1", List.of(), true)).hasMessageContaining("tiers");
    assertThatThrownBy(() -> new SnapshotInfo(APR, "m", "1", List.of("a", "a"), true)).hasMessageContaining("distinct");
    assertThatThrownBy(() -> c("X", "a", -1, 1, 1, "2024-01-01")).hasMessageContaining("negative");
    KpiAccumulator other = new KpiAccumulator(later, null);
    assertThatThrownBy(() -> k.merge(other)).hasMessageContaining("same snapshots");
  }

  @Test
  void refundsInThePeriodCanMakeRevenueNegativeWithoutAShare() {
    SnapshotInfo before = new SnapshotInfo(JAN, "m", "1", List.of("a"), true);
    SnapshotInfo now = new SnapshotInfo(APR, "m", "1", List.of("a"), true);
    KpiAccumulator k = new KpiAccumulator(now, before);
    k.add(c("X", "a", 2, 2, 500, "2024-02-01"), c("X", "a", 1, 1, 1000, "2023-12-01")); // a refund larger than the buy
    KpiRow a = k.result().group("all", "").get(0);
    assertThat(a.revenueCents()).isEqualTo(-500);
    assertThat(a.revenueShare()).isNull(); // no positive whole to share
    assertThat(a.averageOrderValue()).isEqualTo(-5.0);
  }
}
