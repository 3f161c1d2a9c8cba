package strata.churn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Figures of one predictor on the held-out customers: ranking (ROC-AUC, PR-AUC, lift in the top tenth) and
 * calibration (Brier score, reliability table), churn being the positive outcome.
 *
 * @param calibration how the probabilities were calibrated and their figures before it; null when they were not
 */
public record Evaluation(int customers, int churned, double auc, double prAuc, double brier, double topDecileLift,
    List<BinaryMetrics.Bin> reliability, Calibration calibration) {

  /**
   * Platt scaling fitted on calibration customers (neither trained on nor held out), with the held-out Brier score
   * and reliability table of the probabilities before it.
   */
  public record Calibration(PlattScaling platt, double brierBefore, List<BinaryMetrics.Bin> reliabilityBefore) {}

  /**
   * @param score higher = more likely to churn, for the ranking figures
   * @param probability of churning, for the calibration figures
   */
  static Evaluation of(double[] score, double[] probability, boolean[] churned) {
    int c = 0;
    for (boolean b : churned) if (b) c++;
    return new Evaluation(churned.length, c, BinaryMetrics.auc(score, churned), BinaryMetrics.prAuc(score, churned),
        BinaryMetrics.brier(probability, churned), BinaryMetrics.topDecileLift(score, churned),
        BinaryMetrics.reliability(probability, churned), null);
  }

  /**
   * As {@link #of}, the calibration figures of {@code calibrated} beside those of {@code probability} (before).
   * Ranking figures come from {@code probability}: calibration is fitted after it and must not change them.
   */
  static Evaluation calibrated(double[] probability, double[] calibrated, PlattScaling platt, boolean[] churned) {
    Evaluation e = of(probability, calibrated, churned);
    return new Evaluation(e.customers, e.churned, e.auc, e.prAuc, e.brier, e.topDecileLift, e.reliability,
        new Calibration(platt, BinaryMetrics.brier(probability, churned),
            BinaryMetrics.reliability(probability, churned)));
  }

  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("customers", customers);
    m.put("churned", churned);
    m.put("auc", round(auc));
    m.put("pr_auc", round(prAuc));
    m.put("brier", round(brier));
    m.put("top_decile_lift", round(topDecileLift));
    m.put("reliability", bins(reliability));
    if (calibration != null) {
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("method", "platt");
      c.put("a", round(calibration.platt().a()));
      c.put("b", round(calibration.platt().b()));
      c.put("customers", calibration.platt().customers());
      c.put("brier_before", round(calibration.brierBefore()));
      c.put("reliability_before", bins(calibration.reliabilityBefore()));
      m.put("calibration", c);
    }
    return m;
  }

  // In a fixed order: Map.of's order changes from one JVM to the next, and quality.json must be the same bytes for the
  // same input.
  private static List<Map<String, Object>> bins(List<BinaryMetrics.Bin> bins) {
    return bins.stream().map(b -> {
      Map<String, Object> bin = new LinkedHashMap<>();
      bin.put("from", b.from());
      bin.put("to", round(b.to()));
      bin.put("customers", b.count());
      bin.put("mean_predicted", round(b.meanPredicted()));
      bin.put("observed", round(b.observed()));
      return bin;
    }).toList();
  }

  private static double round(double v) {
    return Math.round(v * 1e4) / 1e4;
  }
}
