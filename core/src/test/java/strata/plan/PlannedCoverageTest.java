package strata.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import strata.playbook.Channel;
import strata.playbook.Trigger;
import strata.tier.TierModel;

class PlannedCoverageTest {
  static final TierModel MODEL = TierModel.parse("""
      tiers:
        - id: key
          when: monetary >= 1000.0
          service: {cadence: {every_days: 30, channels: [visit]}}
        - id: mid
          when: monetary >= 100.0
        - id: rest
          service: {cadence: {every_days: 45, channels: [phone]}}
      """, "m.yaml");

  static PlannedTask task(String customer, Trigger trigger, PlannedTask.Status status) {
    return new PlannedTask(customer + "|" + trigger, customer, "wang", null, Channel.PHONE, LocalDate.of(2027, 3, 5),
        trigger, null, status, null, true);
  }

  @Test
  void aCustomerIsUncoveredWhenTheirCadenceTouchIsSuppressedAndNoneIsOpen() {
    Map<String, String> tierOf = Map.of("k1", "key", "k2", "key", "k3", "key", "k4", "key", "m1", "mid",
        "r1", "rest", "r2", "rest");
    Plan plan = new Plan(List.of(
        task("k1", Trigger.CADENCE, PlannedTask.Status.OPEN),
        task("k2", Trigger.CADENCE, PlannedTask.Status.SUPPRESSED), // held back: uncovered
        task("k3", Trigger.CADENCE, PlannedTask.Status.SUPPRESSED), // ... unless another cadence touch is open
        task("k3", Trigger.CADENCE, PlannedTask.Status.OPEN),
        task("r1", Trigger.CARE, PlannedTask.Status.SUPPRESSED), // not a cadence touch
        task("r2", Trigger.CADENCE, PlannedTask.Status.SUPPRESSED)), List.of(), List.of());
    // key: k2 of 4 withheld, 3/4 covered (k4 has no touch due: contacted recently); mid has no cadence; rest: r2 of
    // 2, 1/2; both tiers: 2 of 6, 4/6.
    assertThat(PlannedCoverage.of(MODEL, tierOf, plan)).containsExactly(
        new PlannedCoverage.Line("key", 4, 1, 0.75),
        new PlannedCoverage.Line("rest", 2, 1, 0.5),
        new PlannedCoverage.Line(null, 6, 2, 4.0 / 6));
  }

  @Test
  void anEmptyTierHasNoCoverageAndAModelWithoutCadenceNoLines() {
    assertThat(PlannedCoverage.of(MODEL, Map.of("r1", "rest"), new Plan(List.of(), List.of(), List.of())))
        .startsWith(new PlannedCoverage.Line("key", 0, 0, null));
    TierModel none = TierModel.parse("tiers:\n  - id: all\n", "m.yaml");
    assertThat(PlannedCoverage.of(none, Map.of("a", "all"), new Plan(List.of(), List.of(), List.of()))).isEmpty();
  }
}
