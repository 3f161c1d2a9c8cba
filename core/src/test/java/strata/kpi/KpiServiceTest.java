package strata.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static strata.kpi.KpiAccumulatorTest.c;
import static strata.kpi.KpiAccumulatorTest.day;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Contact coverage and task completion (README "KPIs by tier"), worked out by hand. As of 2024-04-01; vip has a
 * cadence of 30 days, gold of 90, silver and basic none.
 */
class KpiServiceTest {
  static final List<String> TIERS = List.of("vip", "gold", "silver", "basic");
  static final SnapshotInfo NOW = new SnapshotInfo(LocalDate.of(2024, 4, 1), "m", "1", TIERS, true,
      Map.of("vip", 30, "gold", 90));

  static CustomerState served(String id, String tier, String owner, String lastContact, int due, int done) {
    return new CustomerState(id, tier, 0, 0, 0, -1, Double.NaN, Double.NaN, 0, -1, -1, -1, -1, owner, "", "",
        new ServiceState(day(lastContact), due, done));
  }

  static List<CustomerState> customers() {
    return List.of(
        served("A", "vip", "王芳", "2024-03-02", 2, 2), // 30 days before the as-of day: still within the cadence
        served("B", "vip", "", "2024-03-01", 3, 1), // 31 days: overdue
        served("C", "vip", "", null, 0, 0), // never contacted
        served("D", "gold", "", "2024-01-10", 0, 0), // 82 days of 90
        served("E", "gold", "", "2024-04-02", 0, 0), // after the as-of day: not known then
        served("F", "silver", "王芳", "2024-03-31", 1, 0)); // no cadence: not in coverage, its task counts
  }

  static KpiTable table() {
    KpiAccumulator k = new KpiAccumulator(NOW, null);
    customers().forEach(s -> k.add(s, null));
    return k.result();
  }

  @Test
  void coverageIsTheShareContactedWithinTheirTiersCadence() {
    List<KpiRow> all = table().group("all", "");
    assertThat(all.get(0).cadenceCustomers()).isEqualTo(3);
    assertThat(all.get(0).contactCoverage()).isEqualTo(1 / 3.0); // A of A, B, C
    assertThat(all.get(1).contactCoverage()).isEqualTo(0.5); // D of D, E
    assertThat(all.get(2).cadenceCustomers()).isZero();
    assertThat(all.get(2).contactCoverage()).isNull(); // silver has no cadence: empty, not 0 %
    assertThat(all.get(4).cadenceCustomers()).isEqualTo(5); // F's tier has no cadence
    assertThat(all.get(4).contactCoverage()).isEqualTo(0.4); // A, D of A..E
  }

  @Test
  void completionIsTheShareOfTasksDueDone() {
    List<KpiRow> all = table().group("all", "");
    assertThat(all.get(0).tasksDue()).isEqualTo(5);
    assertThat(all.get(0).taskCompletion()).isEqualTo(0.6); // A 2 of 2, B 1 of 3
    assertThat(all.get(1).tasksDue()).isZero();
    assertThat(all.get(1).taskCompletion()).isNull(); // no task due: empty
    assertThat(all.get(2).taskCompletion()).isEqualTo(0.0); // F's one task not done
    assertThat(all.get(4).taskCompletion()).isEqualTo(0.5); // 3 of 6
  }

  @Test
  void anEmptyTierHasNeitherFigure() {
    KpiRow basic = table().group("all", "").get(3);
    assertThat(basic.customers()).isZero();
    assertThat(basic.contactCoverage()).isNull();
    assertThat(basic.taskCompletion()).isNull();
  }

  @Test
  void anOwnerSeesTheirCustomersFigures() {
    List<KpiRow> wang = table().group("owner", "王芳"); // A and F
    assertThat(wang.get(0).contactCoverage()).isEqualTo(1.0);
    assertThat(wang.get(4).contactCoverage()).isEqualTo(1.0); // A alone has a cadence
    assertThat(wang.get(4).taskCompletion()).isEqualTo(2 / 3.0); // A's 2 of 2, F's 0 of 1
  }

  @Test
  void withoutKnownContactsCoverageStaysEmpty() {
    SnapshotInfo cli = new SnapshotInfo(NOW.asOf(), "m", "1", TIERS, true);
    KpiAccumulator k = new KpiAccumulator(cli, null);
    k.add(c("A", "vip", 1, 1, 100, "2024-03-01"), null);
    KpiRow vip = k.result().group("all", "").get(0);
    assertThat(vip.contactCoverage()).isNull();
    assertThat(vip.taskCompletion()).isNull();
  }

  @Test
  void mergedPartsGiveTheSameFigures() {
    KpiAccumulator first = new KpiAccumulator(NOW, null);
    KpiAccumulator second = new KpiAccumulator(NOW, null);
    List<CustomerState> all = customers();
    for (int i = 0; i < all.size(); i++) (i % 2 == 0 ? first : second).add(all.get(i), null);
    first.merge(second);
    assertThat(first.result()).isEqualTo(table());
  }

  @Test
  void badInputIsRejected() {
    assertThatThrownBy(() -> new ServiceState(-1, 1, 2)).hasMessageContaining("tasks done (2)");
    assertThatThrownBy(() -> new SnapshotInfo(NOW.asOf(), "m", "1", TIERS, true, Map.of("platinum", 30)))
        .hasMessageContaining("tier 'platinum'");
    assertThatThrownBy(() -> new SnapshotInfo(NOW.asOf(), "m", "1", TIERS, true, Map.of("vip", 0)))
        .hasMessageContaining("at least 1 day");
  }
}
