package strata.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.distribution.continuous.TDistribution;
import org.junit.jupiter.api.Test;
import strata.experiment.BeforeAfter.Comparison;
import strata.experiment.BeforeAfter.Customer;
import strata.experiment.UpliftResult.Metric;
import strata.tier.TierModel;

class BeforeAfterTest {
  static final String OLD = """
      tiers:
        - id: key
          name: {zh: 重点, en: Key}
          when: monetary > 1000.0
          service:
            cadence: {every_days: 30, channels: [visit]}
        - id: at_risk
          when: recency_days > 90
          service:
            triggers:
              moved_down: {within_days: 7, channels: [phone]}
        - id: steady
          when: frequency >= 2
        - id: rest
      """;

  @Test
  void theTouchedTiersAreNewOrChangedInConditionOrPlaybookNotInName() {
    String renamed = OLD.replace("{zh: 重点, en: Key}", "{zh: 重点客户, en: Key accounts}");
    String changed = renamed.replace("every_days: 30", "every_days: 14").replace("recency_days > 90", "recency_days > 60")
        .replace("  - id: rest", "  - id: new_buyers\n    when: frequency == 1\n  - id: rest");
    assertThat(BeforeAfter.touchedTiers(TierModel.parse(OLD, "old"), TierModel.parse(renamed, "renamed"))).isEmpty();
    assertThat(BeforeAfter.touchedTiers(TierModel.parse(OLD, "old"), TierModel.parse(changed, "changed")))
        .containsExactly("key", "at_risk", "new_buyers");
  }

  @Test
  void revenueDifferenceInDifferencesByHand() {
    // Touched changes: 100, 100, 0 (mean 66.667, variance 3,333.3); untouched: 0, -50 (mean -25, variance 1,250).
    // Estimate 66.667 + 25 = 91.667; se² = 3,333.3/3 + 1,250/2 = 1,736.1; Welch df = 1,736.1² / (1,111.1²/2 +
    // 625²/1) = 2.9905.
    List<Customer> customers = List.of(new Customer("t1", true, 100, 200, true, true),
        new Customer("t2", true, 0, 100, false, true), new Customer("t3", true, 50, 50, true, true),
        new Customer("u1", false, 100, 100, true, true), new Customer("u2", false, 100, 50, true, true));
    BeforeAfter.Result r = BeforeAfter.analyse(customers, 2, 0.95, "2026-06-30", true);
    Comparison revenue = r.comparisons().get(1);
    assertThat(revenue.metric()).isEqualTo(Metric.REVENUE_PER_CUSTOMER);
    assertThat(revenue.touchedBefore()).isCloseTo(50, within(1e-9));
    assertThat(revenue.touchedAfter()).isCloseTo(116.667, within(1e-3));
    assertThat(revenue.untouchedAfter()).isCloseTo(75, within(1e-9));
    double se = Math.sqrt(3333.333 / 3 + 1250.0 / 2);
    double t = new TDistribution(2.9905).inverseCumulativeProbability(0.975);
    assertThat(revenue.difference().estimate()).isCloseTo(91.667, within(1e-3));
    assertThat(revenue.difference().lower()).isCloseTo(91.667 - t * se, within(0.01));
    assertThat(revenue.difference().upper()).isCloseTo(91.667 + t * se, within(0.01));
    // Repurchase: touched 2/3 -> 3/3, untouched 2/2 -> 2/2: the touched rate rose by a third, the other did not.
    Comparison repurchase = r.comparisons().get(0);
    assertThat(repurchase.difference().estimate()).isCloseTo(1.0 / 3, within(1e-9));
    assertThat(r.evidence()).isEqualTo("before_after");
    assertThat(r.warnings()).isEmpty();
  }

  @Test
  void tooFewCustomersOrARunningWindowAreSaidNotHidden() {
    List<Customer> customers = new ArrayList<>();
    for (int i = 0; i < 40; i++) customers.add(new Customer("u" + i, false, i, i + 1, i % 2 == 0, true));
    customers.add(new Customer("t", true, 0, 10, false, true));
    BeforeAfter.Result r = BeforeAfter.analyse(customers, 30, 0.95, "2026-06-30", false);
    assertThat(r.comparisons()).allSatisfy(c -> assertThat(c.difference()).isNull());
    assertThat(r.warnings()).extracting(UpliftResult.Warning::code)
        .containsExactly("after_incomplete", "too_few", "too_few");
    assertThat(r.warnings().get(0).detail()).isEqualTo("2026-06-30");
    assertThat(BeforeAfter.analyse(List.of(), 30, 0.95, "2026-06-30", true).comparisons().get(0).touchedBefore()).isNaN();
  }
}
