package strata.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Map;
import org.junit.jupiter.api.Test;
import strata.intake.CustomerProfile;
import strata.tier.TierModel;

/** A run as of a day holds the customers that existed then: a prospect created later is not one of them yet. */
class ProspectsAsOfTest {
  static final TierModel MODEL = TierModel.parse("""
      tiers:
        - id: all
      """, "m.yaml");

  static CustomerProfile profile(String id, LocalDate created) {
    return new CustomerProfile(id, id, "", "", "", "", "", "", null, created);
  }

  @Test
  void prospectsCreatedAfterTheAsOfDayAreLeftOut() {
    LocalDate asOf = LocalDate.of(2024, 4, 1);
    Map<String, CustomerProfile> profiles = Map.of(
        "a", profile("a", LocalDate.of(2024, 6, 1)), // bought on 2024-01-01: the purchase is its first appearance
        "old", profile("old", LocalDate.of(2024, 1, 10)),
        "on-the-day", profile("on-the-day", asOf),
        "unknown", profile("unknown", null),
        "later", profile("later", LocalDate.of(2024, 4, 2)));
    ScoredCustomers s = ScoringRun.score(DowngradeRiskRuleTest.buyers("a"), StandardCharsets.UTF_8, profiles,
        Map.of(), asOf, MODEL, 1, new ArrayList<>(), new ArrayList<>(), Progress.NONE, Map.of(), Predictions.NONE, null,
        null).customers();
    // By hand: the buyer a, and the prospects created on or before 2024-04-01 or on an unknown day.
    assertThat(s.size).isEqualTo(4);
    assertThat(s.purchasers).isEqualTo(1);
    assertThat(s.prospectIds).containsExactlyInAnyOrder("old", "on-the-day", "unknown");
  }
}
