package strata.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import strata.experiment.UpliftResult.Comparison;
import strata.experiment.UpliftResult.Group;
import strata.experiment.UpliftResult.Metric;
import strata.experiment.UpliftResult.Warning;

/** Expected intervals computed independently with Python (Newcombe's formulas) and SciPy's Welch test. */
class UpliftTest {
  static final LocalDate END = LocalDate.of(2027, 12, 31);

  /**
   * Tier key: 40 treated (20 repurchase and spend 100, the rest 0; 30 of 40 retained; 4 up, 2 down; pre-period
   * spend alternating 50/150), 30 held out (9 repurchase; 18 retained; 1 up, 6 down; pre-period 60/160).
   * Tier small: 10 treated (5 repurchase), 2 held out (1 repurchases), pre-period 100.
   */
  static List<CustomerOutcome> outcomes() {
    List<CustomerOutcome> all = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      all.add(new CustomerOutcome("t" + i, "key", false, i < 20, i < 30, i < 4 ? 1 : i < 6 ? -1 : 0, i < 20 ? 100 : 0,
          null, i % 2 == 0 ? 50 : 150, i % 2 == 0));
    }
    for (int i = 0; i < 30; i++) {
      all.add(new CustomerOutcome("h" + i, "key", true, i < 9, i < 18, i < 1 ? 1 : i < 7 ? -1 : 0, i < 9 ? 100 : 0,
          null, i % 2 == 0 ? 60 : 160, i % 2 == 0));
    }
    for (int i = 0; i < 12; i++) {
      boolean held = i >= 10;
      all.add(new CustomerOutcome("s" + i, "small", held, held ? i == 10 : i < 5, null, 0, 10, 9, 100, true));
    }
    return all;
  }

  private static void interval(Interval i, double estimate, double lower, double upper) {
    assertThat(i.estimate()).isCloseTo(estimate, within(1e-9));
    assertThat(i.lower()).isCloseTo(lower, within(1e-6));
    assertThat(i.upper()).isCloseTo(upper, within(1e-6));
  }

  @Test
  void comparesTreatedAndHeldOutPerTierWithTheirIntervals() {
    UpliftResult result = Uplift.analyse(outcomes(), END, END.plusDays(1), UpliftOptions.DEFAULT);
    Group key = result.tiers().get(0);
    assertThat(key.tier()).isEqualTo("key");
    assertThat(key.treated()).isEqualTo(40);
    assertThat(key.heldOut()).isEqualTo(30);
    interval(key.get(Metric.REPURCHASE_RATE).difference(), 0.2, -0.032077095, 0.399219211);
    interval(key.get(Metric.RETENTION).difference(), 0.15, -0.066403606, 0.357240938);
    interval(key.get(Metric.MIGRATION_UP).difference(), 4 / 40.0 - 1 / 30.0, -0.079751720, 0.200034580);
    interval(key.get(Metric.MIGRATION_DOWN).difference(), -0.15, -0.326798351, 0.005718326);
    Comparison revenue = key.get(Metric.REVENUE_PER_CUSTOMER);
    assertThat(revenue.treated()).isEqualTo(50);
    assertThat(revenue.heldOut()).isEqualTo(30);
    interval(revenue.difference(), 20, -3.333773745, 43.333773745);
    assertThat(revenue.bootstrap().estimate()).isEqualTo(20);
    assertThat(revenue.bootstrap().lower()).isLessThan(20);
    assertThat(revenue.bootstrap().upper()).isGreaterThan(20);
    assertThat(key.get(Metric.NPS).difference()).isNull();
    assertThat(key.get(Metric.NPS).nTreated()).isZero();
  }

  @Test
  void theOverallRowPoolsTheTiers() {
    Group all = Uplift.analyse(outcomes(), END, END, UpliftOptions.DEFAULT).overall();
    assertThat(all.tier()).isEmpty();
    assertThat(all.treated()).isEqualTo(50);
    assertThat(all.heldOut()).isEqualTo(32);
    interval(all.get(Metric.REPURCHASE_RATE).difference(), 25 / 50.0 - 10 / 32.0, -0.031186155, 0.375965221);
    // Retention counts only those active before: the small tier's are unknown.
    assertThat(all.get(Metric.RETENTION).nTreated()).isEqualTo(40);
  }

  @Test
  void tooFewCustomersGetNoIntervalButAWarning() {
    UpliftResult result = Uplift.analyse(outcomes(), END, END, UpliftOptions.DEFAULT);
    Group small = result.tiers().get(1);
    assertThat(small.comparisons()).allMatch(c -> c.difference() == null && c.bootstrap() == null);
    assertThat(small.get(Metric.REPURCHASE_RATE).treated()).isEqualTo(0.5);
    assertThat(result.warnings()).contains(new Warning("too_few", "small", "repurchase_rate", Double.NaN),
        new Warning("too_few", "key", "nps", Double.NaN));
    assertThat(result.warnings()).noneMatch(w -> w.code().equals("unbalanced") && w.tier().equals("small"));
  }

  @Test
  void warnsOfPeekingAndOfGroupsUnbalancedBeforeTheStart() {
    UpliftResult early = Uplift.analyse(outcomes(), END, END.minusDays(1), UpliftOptions.DEFAULT);
    assertThat(early.warnings()).contains(new Warning("peeking", "", "2027-12-31", Double.NaN));
    assertThat(Uplift.analyse(outcomes(), END, END, UpliftOptions.DEFAULT).warnings())
        .noneMatch(w -> w.code().equals("peeking"));
    // Pre-period spend 100 ± 50.6 treated against 110 ± 50.9 held out: SMD -0.19706 (NumPy), above 0.1; the
    // pre-period repurchase rates are equal.
    Warning unbalanced = early.warnings().stream().filter(w -> w.code().equals("unbalanced") && w.tier().equals("key"))
        .findFirst().orElseThrow();
    assertThat(unbalanced.detail()).isEqualTo("pre_revenue");
    assertThat(unbalanced.value()).isCloseTo(-0.197059935, within(1e-8));
    assertThat(early.warnings()).noneMatch(w -> w.detail().equals("pre_repurchase_rate") && w.tier().equals("key"));
  }

  @Test
  void noOutcomesGiveAnEmptyResultNotACrash() {
    UpliftResult empty = Uplift.analyse(List.of(), END, END, UpliftOptions.DEFAULT);
    assertThat(empty.tiers()).isEmpty();
    assertThat(empty.overall().treated()).isZero();
    assertThat(empty.overall().get(Metric.REPURCHASE_RATE).treated()).isNaN();
    assertThat(empty.warnings()).filteredOn(w -> w.code().equals("too_few")).hasSize(Metric.values().length);
  }

  @Test
  void badOutcomesAreRejected() {
    assertThatThrownBy(() -> new CustomerOutcome("c1", "t", false, true, null, 2, 0, null, 0, false))
        .hasMessage("c1: migration is -1, 0 or 1, got 2");
    assertThatThrownBy(() -> new CustomerOutcome("c1", "t", false, true, null, 0, Double.NaN, null, 0, false))
        .hasMessage("c1: revenue must be a finite number");
    assertThatThrownBy(() -> new CustomerOutcome("c1", "t", false, true, null, 0, 0, 11, 0, false))
        .hasMessage("c1: an NPS answer is 0 to 10, got 11");
    assertThatThrownBy(() -> new CustomerOutcome("c1", null, false, true, null, 0, 0, null, 0, false))
        .hasMessage("an outcome needs a customer id and a stratum");
    assertThatThrownBy(() -> new UpliftOptions(0.95, 1, 2000, 1)).hasMessage("minPerGroup must be at least 2, got 1");
  }

  @Test
  void warningsRenderInEnglishAndChinese() {
    Warning tooFew = new Warning("too_few", "key", "repurchase_rate", Double.NaN);
    assertThat(ExperimentText.warning(tooFew, java.util.Locale.ENGLISH))
        .isEqualTo("key: too few customers for Repurchase rate (below the minimum in a group), so no interval.");
    assertThat(ExperimentText.warning(tooFew, java.util.Locale.SIMPLIFIED_CHINESE))
        .isEqualTo("key：复购率的客户太少（某组低于最低人数），不给出置信区间。");
    Warning unbalanced = new Warning("unbalanced", "", "pre_revenue", -0.197);
    assertThat(ExperimentText.warning(unbalanced, java.util.Locale.ENGLISH))
        .isEqualTo("all tiers: the groups differed before the start, pre-period revenue standardized difference -0.20.");
    assertThat(ExperimentText.warning(new Warning("peeking", "", "2027-12-31", Double.NaN), java.util.Locale.ENGLISH))
        .startsWith("Read before the planned end (2027-12-31)");
    assertThat(ExperimentText.beforeAfterEvidence(java.util.Locale.SIMPLIFIED_CHINESE)).startsWith("前后对比");
  }
}
