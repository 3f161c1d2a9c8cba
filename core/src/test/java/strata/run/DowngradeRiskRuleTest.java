package strata.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import strata.summary.CustomerSummary;
import strata.summary.PurchaseColumns;
import strata.summary.SummaryTable;
import strata.tier.Metric;
import strata.tier.TierModel;

class DowngradeRiskRuleTest {
  static final TierModel MODEL = TierModel.parse("""
      tiers:
        - id: watch
          when: downgrade_risk >= 0.5
        - id: rest
      """, "m.yaml");

  static PurchaseColumns buyers(String... ids) {
    List<CustomerSummary> summaries = new ArrayList<>();
    int day = (int) LocalDate.of(2024, 1, 1).toEpochDay();
    for (String id : ids) {
      summaries.add(new CustomerSummary(id, new int[] {day}, new long[0], 1, 1, 1000, 0, 1000, Map.of()));
    }
    return SummaryTable.of(summaries).freeze();
  }

  static RunResult score(Map<String, Double> risk) {
    return ScoringRun.score(buyers("a", "b", "c"), StandardCharsets.UTF_8, null, Map.of(), LocalDate.of(2024, 4, 1),
        MODEL, 1, new ArrayList<>(), new ArrayList<>(), Progress.NONE, risk, Predictions.NONE, null, null);
  }

  @Test
  void rulesReadTheDowngradeRiskOfTheTierHistory() {
    RunResult r = score(Map.of("a", 0.6, "b", 0.2)); // c has no history
    ScoredCustomers s = r.customers();
    assertThat(s.value(0, Metric.DOWNGRADE_RISK)).isEqualTo((double) 0.6f);
    assertThat(s.value(2, Metric.DOWNGRADE_RISK)).isNull();
    assertThat(s.tier[0]).isEqualTo((byte) 0); // watch
    assertThat(s.tier[1]).isEqualTo((byte) 1);
    assertThat(r.engine().explain(2, s.tier[2], s, false)).contains("not checked: watch (missing downgrade risk");
  }

  @Test
  void withoutATierHistoryTheRiskIsMissing() {
    ScoredCustomers s = score(Map.of()).customers();
    assertThat(s.value(0, Metric.DOWNGRADE_RISK)).isNull();
    assertThat(s.tier).containsOnly((byte) 1);
  }
}
