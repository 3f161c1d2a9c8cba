package strata.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Seven customers over one quarter, every figure worked out by hand in the comments. The previous snapshot is
 * 2024-01-01, the current 2024-04-01: the period is 2024-01-02..2024-04-01 (91 days), so "active at the previous
 * snapshot" means a purchase after 2023-10-02.
 */
class KpiAccumulatorTest {
  static final List<String> TIERS = List.of("vip", "gold", "silver", "basic");
  static final SnapshotInfo BEFORE = new SnapshotInfo(LocalDate.of(2024, 1, 1), "m", "1", TIERS, true);
  static final SnapshotInfo NOW = new SnapshotInfo(LocalDate.of(2024, 4, 1), "m", "1", TIERS, true);

  static int day(String iso) {
    return iso == null ? -1 : (int) LocalDate.parse(iso).toEpochDay();
  }

  static CustomerState c(String id, String tier, long orders, int days, long cents, String last) {
    return new CustomerState(id, tier, orders, days, cents, day(last), Double.NaN, Double.NaN, 0, -1, -1, -1, -1,
        "", "", "");
  }

  static CustomerState withOwner(CustomerState s, String owner) {
    return new CustomerState(s.customerId(), s.tier(), s.orders(), s.purchaseDays(), s.netCents(),
        s.lastPurchaseDay(), s.clv(), s.pAlive(), s.complaints(), s.nps(), s.npsDay(), s.csat(), s.csatDay(), owner,
        "", "");
  }

  static CustomerState answers(CustomerState s, int nps, String npsDay, int csat, String csatDay, long complaints,
      double clv, double pAlive) {
    return new CustomerState(s.customerId(), s.tier(), s.orders(), s.purchaseDays(), s.netCents(),
        s.lastPurchaseDay(), clv, pAlive, complaints, nps, day(npsDay), csat, day(csatDay), s.owner(), "", "");
  }

  /** The seven customers: state now and before (null = absent). */
  static List<CustomerState[]> customers() {
    List<CustomerState[]> k = new java.util.ArrayList<>();
    // A: gold both times, 2 more purchase days, +200.00 in 2 orders; NPS 10 and CSAT 5 in the period; CLV 1000.
    k.add(pair(answers(withOwner(c("A", "gold", 5, 5, 50000, "2024-03-01"), "王芳"), 10, "2024-02-01", 5, "2024-02-01", 0,
        1000, 0.9), withOwner(c("A", "gold", 3, 3, 30000, "2023-12-01"), "王芳")));
    // B: gold -> silver (down), 1 more day, +50.00 in 1 order; NPS 6 (detractor); 1 -> 3 complaints.
    k.add(pair(answers(withOwner(c("B", "silver", 3, 3, 15000, "2024-02-10"), "王芳"), 6, "2024-03-01", -1, null, 3,
        Double.NaN, Double.NaN), answers(withOwner(c("B", "gold", 2, 2, 10000, "2023-11-15"), "王芳"), -1, null, -1,
        null, 1, Double.NaN, Double.NaN)));
    // C: silver, inactive since June 2023; its NPS 9 is from before the period and does not count.
    k.add(pair(answers(c("C", "silver", 1, 1, 5000, "2023-06-01"), 9, "2023-12-01", -1, null, 0, Double.NaN,
        Double.NaN),
        c("C", "silver", 1, 1, 5000, "2023-06-01")));
    // D: silver and active before, gone now: lost.
    k.add(pair(null, c("D", "silver", 2, 2, 8000, "2023-12-20")));
    // E: basic -> gold (up), 2 more days, +300.00 in 2 orders; NPS 8 (passive), CSAT 4; no CLV, P(alive) 0.5.
    k.add(pair(answers(c("E", "gold", 3, 3, 32000, "2024-03-31"), 8, "2024-03-15", 4, "2024-03-15", 0, Double.NaN, 0.5),
        c("E", "basic", 1, 1, 2000, "2023-12-31")));
    // F: new, basic, one purchase of 10.00.
    k.add(pair(c("F", "basic", 1, 1, 1000, "2024-01-02"), null));
    // G: a prospect both times.
    k.add(pair(c("G", "basic", 0, 0, 0, null), c("G", "basic", 0, 0, 0, null)));
    return k;
  }

  static CustomerState[] pair(CustomerState now, CustomerState before) {
    return new CustomerState[] {now, before};
  }

  static void addAll(KpiAccumulator k) {
    customers().forEach(p -> k.add(p[0], p[1]));
  }

  static KpiTable table() {
    KpiAccumulator k = new KpiAccumulator(NOW, BEFORE);
    addAll(k);
    return k.result();
  }

  @Test
  void periodFiguresAreDifferencesOfCumulativeSnapshots() {
    List<KpiRow> all = table().group("all", "");
    assertThat(all).extracting(KpiRow::tier).containsExactly("vip", "gold", "silver", "basic", null);
    KpiRow gold = all.get(1);
    assertThat(gold.customers()).isEqualTo(2); // A, E
    assertThat(gold.buyers()).isEqualTo(2);
    assertThat(gold.repurchaseRate()).isEqualTo(1.0); // both bought on 2 days in the period
    assertThat(gold.revenueCents()).isEqualTo(50000); // 200 + 300
    assertThat(gold.averageOrderValue()).isEqualTo(125.0); // 500 / 4 orders
    assertThat(gold.revenueShare()).isCloseTo(50000 / 56000.0, within(1e-12)); // of 500 + 50 + 10
    KpiRow silver = all.get(2);
    assertThat(silver.customers()).isEqualTo(2); // B, C
    assertThat(silver.buyers()).isEqualTo(1);
    assertThat(silver.repurchaseRate()).isEqualTo(0.0);
    assertThat(silver.averageOrderValue()).isEqualTo(50.0);
    KpiRow basic = all.get(3);
    assertThat(basic.customers()).isEqualTo(2); // F, G
    assertThat(basic.buyers()).isEqualTo(1);
    assertThat(basic.revenueCents()).isEqualTo(1000);
    KpiRow total = all.get(4);
    assertThat(total.customers()).isEqualTo(6);
    assertThat(total.buyers()).isEqualTo(4);
    assertThat(total.revenueCents()).isEqualTo(56000);
    assertThat(total.revenueShare()).isEqualTo(1.0);
    assertThat(total.repurchaseRate()).isEqualTo(0.5); // A, E of A, B, E, F
  }

  @Test
  void retentionAndMigrationBelongToThePreviousTier() {
    List<KpiRow> all = table().group("all", "");
    KpiRow gold = all.get(1); // before: A and B, both active then and now; B moved down
    assertThat(gold.previousActive()).isEqualTo(2);
    assertThat(gold.retention()).isEqualTo(1.0);
    assertThat(gold.churnRate()).isEqualTo(0.0);
    assertThat(gold.movedDown()).isEqualTo(1);
    assertThat(gold.movedUp()).isEqualTo(0);
    KpiRow silver = all.get(2); // before: C (inactive) and D (active, gone)
    assertThat(silver.previousActive()).isEqualTo(1);
    assertThat(silver.retention()).isEqualTo(0.0);
    assertThat(silver.churnRate()).isEqualTo(1.0);
    KpiRow basic = all.get(3); // before: E (active, moved up), G (prospect)
    assertThat(basic.previousActive()).isEqualTo(1);
    assertThat(basic.movedUp()).isEqualTo(1);
    assertThat(basic.netMigration()).isEqualTo(1);
    KpiRow total = all.get(4); // A, B, D, E were active; D is gone
    assertThat(total.previousActive()).isEqualTo(4);
    assertThat(total.retention()).isEqualTo(0.75);
    assertThat(total.churnRate()).isEqualTo(0.25);
    assertThat(total.movedUp()).isEqualTo(1);
    assertThat(total.movedDown()).isEqualTo(1);
    assertThat(total.netMigration()).isZero();
  }

  @Test
  void satisfactionCountsTheAnswersOfThePeriod() {
    List<KpiRow> all = table().group("all", "");
    KpiRow gold = all.get(1); // 10 and 8: (1 promoter − 0 detractors) / 2 answers
    assertThat(gold.nps()).isEqualTo(50.0);
    assertThat(gold.npsAnswers()).isEqualTo(2);
    assertThat(gold.csat()).isEqualTo(4.5);
    assertThat(gold.csatAnswers()).isEqualTo(2);
    assertThat(gold.averageClv()).isEqualTo(1000.0); // E has none: not counted as 0
    assertThat(gold.averagePAlive()).isCloseTo(0.7, within(1e-12));
    assertThat(gold.complaintsPer100()).isEqualTo(0.0);
    KpiRow silver = all.get(2); // B's 6; C answered before the period
    assertThat(silver.nps()).isEqualTo(-100.0);
    assertThat(silver.npsAnswers()).isEqualTo(1);
    assertThat(silver.csat()).isNull();
    assertThat(silver.complaintsPer100()).isEqualTo(100.0); // 2 new complaints of B, 2 customers
    KpiRow total = all.get(4);
    assertThat(total.nps()).isEqualTo(0.0); // 10, 6, 8
    assertThat(total.npsAnswers()).isEqualTo(3);
  }

  @Test
  void emptyTierHasCountsOfZeroAndNoRatios() {
    KpiRow vip = table().group("all", "").get(0);
    assertThat(vip.customers()).isZero();
    assertThat(vip.revenueCents()).isZero();
    assertThat(vip.revenueShare()).isEqualTo(0.0); // its share of a positive whole is a true 0 %
    assertThat(vip.averageOrderValue()).isNull();
    assertThat(vip.repurchaseRate()).isNull();
    assertThat(vip.retention()).isNull();
    assertThat(vip.churnRate()).isNull();
    assertThat(vip.averageClv()).isNull();
    assertThat(vip.nps()).isNull();
    assertThat(vip.npsAnswers()).isZero();
    assertThat(vip.complaintsPer100()).isNull();
  }

  @Test
  void groupsByOwnerWhenKnown() {
    KpiTable t = table();
    List<KpiRow> wang = t.group("owner", "王芳");
    assertThat(wang.get(1).customers()).isEqualTo(1); // A
    assertThat(wang.get(1).revenueShare()).isEqualTo(0.8); // 200 of 250
    assertThat(wang.get(4).customers()).isEqualTo(2);
    assertThat(t.group("owner", "")).isEmpty();
    assertThat(t.group("region", "")).isEmpty();
  }

  @Test
  void groupsByTheTeamsOfTheOwner() {
    // A and B are 王芳's; 李娜 owns none here. 王芳 works in two teams (two sales users share her name).
    KpiAccumulator k = new KpiAccumulator(NOW, BEFORE, Map.of("王芳", List.of("south", "east", "south"),
        "李娜", List.of("north")));
    addAll(k);
    KpiTable t = k.result();
    for (String team : List.of("south", "east")) {
      List<KpiRow> rows = t.group("team", team);
      // The team's figures are its customers' (A, B), the same as 王芳's owner group, counted once.
      assertThat(rows).isEqualTo(t.group("owner", "王芳").stream().map(r -> new KpiRow("team", team, r.tier(),
          r.customers(), r.buyers(), r.revenueCents(), r.revenueShare(), r.averageOrderValue(), r.repurchaseRate(),
          r.previousActive(), r.retention(), r.churnRate(), r.movedUp(), r.movedDown(), r.averageClv(),
          r.averagePAlive(), r.nps(), r.npsAnswers(), r.csat(), r.csatAnswers(), r.complaintsPer100(),
          r.cadenceCustomers(), r.contactCoverage(), r.tasksDue(), r.taskCompletion())).toList());
      KpiRow total = rows.get(4);
      assertThat(total.customers()).isEqualTo(2);
      assertThat(total.revenueCents()).isEqualTo(25000); // A +200.00, B +50.00
      assertThat(total.previousActive()).isEqualTo(2); // A (2023-12-01) and B (2023-11-15)
      assertThat(total.movedDown()).isEqualTo(1); // B
    }
    assertThat(t.group("team", "north")).isEmpty();
    assertThat(table().rows()).noneMatch(r -> r.dimension().equals("team"));
  }

  @Test
  void accumulatorsOfOtherTeamsDoNotMerge() {
    KpiAccumulator south = new KpiAccumulator(NOW, BEFORE, Map.of("王芳", List.of("south")));
    assertThatThrownBy(() -> south.merge(new KpiAccumulator(NOW, BEFORE))).hasMessageContaining("same snapshots and "
        + "teams");
  }

  @Test
  void mergedPartsGiveTheSameTable() {
    Map<String, List<String>> teams = Map.of("王芳", List.of("south"));
    KpiAccumulator whole = new KpiAccumulator(NOW, BEFORE, teams);
    addAll(whole);
    KpiAccumulator first = new KpiAccumulator(NOW, BEFORE, teams);
    KpiAccumulator second = new KpiAccumulator(NOW, BEFORE, teams);
    List<CustomerState[]> all = customers();
    for (int i = 0; i < all.size(); i++) (i % 2 == 0 ? first : second).add(all.get(i)[0], all.get(i)[1]);
    second.merge(first);
    assertThat(second.result()).isEqualTo(whole.result());
  }
}
