package strata.forecast;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Next period's customers per tier, forecast from today's tiers and the transition matrix, with 95 % prediction
 * intervals.
 *
 * <p>Method: each tier's row of transition probabilities P_i has the Dirichlet posterior with the observed counts
 * n_i· as parameters (mean p_ij = n_ij / n_i, Var P_ij = p_ij (1 − p_ij) / (n_i + 1); Gelman et al., Bayesian Data
 * Analysis, 3rd ed., §3.4). Tier j next period receives Y_ij ~ Binomial(c_i, P_ij) of the c_i customers now in tier i,
 * so by the law of total variance E X_j = Σ_i c_i p_ij and
 * Var X_j = Σ_i [c_i p_ij (1 − p_ij) + c_i (c_i − 1) Var P_ij]: the interval holds both the customers' chance and the uncertainty of the matrix. It is E X_j ± 1.96 sd (normal
 * approximation), cut to [0, customers]. A tier without observed transitions is assumed to keep its customers, and
 * listed in {@code tiersWithoutHistory}. New customers are not forecast: the forecast moves today's customers.
 *
 * @param from as-of date of the snapshot forecast from
 * @param tiers one row per tier in model order
 */
public record TierForecast(LocalDate from, List<Row> tiers, TransitionMatrix matrix,
    List<String> tiersWithoutHistory) {
  private static final double Z95 = 1.959963984540054;

  /** @param current customers in the tier now; {@code expected}, {@code low}, {@code high} next period */
  public record Row(String tier, long current, double expected, double low, double high, Double downgradeRisk) {}

  /** Forecasts the period after the last snapshot of the history. */
  public static TierForecast of(List<TierSnapshot> history) {
    TransitionMatrix m = TransitionMatrix.estimate(history);
    TierSnapshot last = history.get(history.size() - 1);
    return of(m, last.asOf(), last.counts());
  }

  /** @param current customers per tier of {@code m}, in model order */
  public static TierForecast of(TransitionMatrix m, LocalDate from, long[] current) {
    int k = m.tiers().size();
    if (current.length != k) throw new ForecastException("expected " + k + " tier counts, got " + current.length);
    double[] mean = new double[k];
    double[] variance = new double[k];
    List<String> withoutHistory = new ArrayList<>();
    long customers = 0;
    for (int i = 0; i < k; i++) {
      long c = current[i];
      customers += c;
      long n = m.rowTotal(i);
      if (n == 0) {
        withoutHistory.add(m.tiers().get(i));
        mean[i] += c;
        continue;
      }
      for (int j = 0; j < k; j++) {
        double p = m.counts()[i][j] / (double) n;
        double varP = p * (1 - p) / (n + 1);
        mean[j] += c * p;
        variance[j] += c * p * (1 - p) + (double) c * (c - 1) * varP;
      }
    }
    List<Row> rows = new ArrayList<>();
    for (int j = 0; j < k; j++) {
      double half = Z95 * Math.sqrt(variance[j]);
      rows.add(new Row(m.tiers().get(j), current[j], mean[j], Math.max(0, mean[j] - half),
          Math.min(customers, mean[j] + half), m.downgradeRisk(j)));
    }
    return new TierForecast(from, List.copyOf(rows), m, List.copyOf(withoutHistory));
  }

  /**
   * Each customer's {@code downgrade_risk}: the probability of moving to a lower ranked tier next period given the
   * tier now. Customers of a tier without observed transitions are left out.
   *
   * @param snapshot tiers now, of the matrix's model version
   */
  public Map<String, Double> downgradeRisk(TierSnapshot snapshot) {
    if (!snapshot.modelVersion().equals(matrix.modelVersion())) {
      throw new ForecastException("snapshot " + snapshot.asOf() + " is of model version " + snapshot.modelVersion()
          + ", the transitions of version " + matrix.modelVersion() + "; tiers of different models are not mixed");
    }
    Map<String, Double> risk = new HashMap<>();
    snapshot.tierByCustomer().forEach((customer, tier) -> {
      Double r = matrix.downgradeRisk(matrix.index(tier));
      if (r != null) risk.put(customer, r);
    });
    return risk;
  }
}
