package strata.experiment;

import org.hipparchus.analysis.solvers.BrentSolver;
import org.hipparchus.distribution.continuous.NormalDistribution;

/**
 * The smallest rise of a proportion (the treated group's rate above the held-out group's) an experiment detects with
 * the given power, from the two-sample normal approximation with each group's own variance (e.g. Chow, Shao & Wang,
 * "Sample Size Calculations in Clinical Research", 2nd ed., §4.2): the sample size formula
 * n = (z_{1-alpha/2} + z_{power})²·(p1q1 + p2q2)/δ², written for two group sizes as
 * δ = (z_{1-alpha/2} + z_{power})·sqrt(p1q1/n_heldOut + p2q2/n_treated) with p1 the baseline and p2 = p1 + δ, and solved
 * for δ. Before the start the baseline is the rate over the planned duration in a past period, and the group sizes
 * are the customers expected in that time: the duration enters through both.
 */
public final class MinimumDetectableEffect {
  private static final BrentSolver SOLVER = new BrentSolver(1e-12);

  private MinimumDetectableEffect() {}

  /**
   * @param baseline the held-out group's expected rate, strictly between 0 and 1
   * @param customers everyone in the experiment; {@code share} of them are held out
   * @param alpha two-sided, e.g. 0.05
   * @param power e.g. 0.8
   * @return the difference in rate (0..1), e.g. 0.05 for five percentage points; NaN when not even a rise to 100 %
   *     would be detected (too few customers)
   */
  public static double forShare(double baseline, long customers, double share, double alpha, double power) {
    if (!(share > 0 && share < 1)) throw new IllegalArgumentException("share must be between 0 and 1, got " + share);
    return proportions(baseline, Math.round(customers * (1 - share)), Math.round(customers * share), alpha, power);
  }

  /** As {@link #forShare}, for given group sizes. */
  public static double proportions(double baseline, long nTreated, long nHeldOut, double alpha, double power) {
    if (!(baseline > 0 && baseline < 1)) throw new IllegalArgumentException("baseline must be between 0 and 1, got " + baseline);
    if (nTreated < 1 || nHeldOut < 1) throw new IllegalArgumentException("each group needs at least one customer");
    if (!(alpha > 0 && alpha < 1) || !(power > 0 && power < 1)) {
      throw new IllegalArgumentException("alpha and power must be between 0 and 1, got " + alpha + " and " + power);
    }
    NormalDistribution normal = new NormalDistribution(0, 1);
    double z = normal.inverseCumulativeProbability(1 - alpha / 2) + normal.inverseCumulativeProbability(power);
    double heldOutVariance = baseline * (1 - baseline) / nHeldOut;
    // Negative below the detectable rise, positive above it: the treated variance shrinks as p2 nears 1, so there is
    // one crossing in (0, 1 - baseline) when any.
    java.util.function.DoubleUnaryOperator gap = d -> d - z * Math.sqrt(heldOutVariance
        + (baseline + d) * (1 - baseline - d) / nTreated);
    double most = 1 - baseline;
    if (gap.applyAsDouble(most) < 0) return Double.NaN;
    return SOLVER.solve(1000, gap::applyAsDouble, 0, most);
  }
}
