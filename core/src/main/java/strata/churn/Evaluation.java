package strata.churn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Figures of one predictor on the held-out customers: ranking (ROC-AUC, PR-AUC, lift in the top tenth) and
 * calibration (Brier score, reliability table), churn being the positive outcome.
 */
public record Evaluation(int customers, int churned, double auc, double prAuc, double brier, double topDecileLift,
    List<BinaryMetrics.Bin> reliability) {

  /**
   * @param score higher = more likely to churn, for the ranking figures
   * @param probability of churning, for the calibration figures
   */
  static Evaluation of(double[] score, double[] probability, boolean[] churned) {
    int c = 0;
    for (boolean b : churned) if (b) c++;
    return new Evaluation(churned.length, c, BinaryMetrics.auc(score, churned), BinaryMetrics.prAuc(score, churned),
        BinaryMetrics.brier(probability, churned), BinaryMetrics.topDecileLift(score, churned),
        BinaryMetrics.reliability(probability, churned));
  }

  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("customers", customers);
    m.put("churned", churned);
    m.put("auc", round(auc));
    m.put("pr_auc", round(prAuc));
    m.put("brier", round(brier));
    m.put("top_decile_lift", round(topDecileLift));
    m.put("reliability", reliability.stream().map(b -> Map.of("from", b.from(), "to", round(b.to()), "customers",
        b.count(), "mean_predicted", round(b.meanPredicted()), "observed", round(b.observed()))).toList());
    return m;
  }

  private static double round(double v) {
    return Math.round(v * 1e4) / 1e4;
  }
}
