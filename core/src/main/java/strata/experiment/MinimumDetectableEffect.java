package strata.experiment;

import org.hipparchus.distribution.continuous.NormalDistribution;

/**
 * The smallest true difference of two proportions an experiment detects with the given power, from the two-sample
 * normal approximation (e.g. Chow, Shao & Wang, "Sample Size Calculations in Clinical Research", 2nd ed., §4.2):
 * MDE = (z_{1-alpha/2} + z_{power})·sqrt(p(1-p)·(1/n_treated + 1/n_heldOut)), with both groups' variance taken at the
 * baseline rate p. Before the start the baseline is the rate over the planned duration in a past period, and the
 * group sizes are the customers expected in that time: the duration enters through both.
 */
public final class MinimumDetectableEffect {
  private MinimumDetectableEffect() {}

  /**
   * @param baseline the held-out group's expected rate, strictly between 0 and 1
   * @param customers everyone in the experiment; {@code share} of them are held out
   * @param alpha two-sided, e.g. 0.05
   * @param power e.g. 0.8
   * @return the difference in rate (0..1), e.g. 0.05 for five percentage points
   */
  public static double forShare(double baseline, long customers, double share, double alpha, double power) {
    if (!(share > 0 && share < 1)) throw new IllegalArgumentException("share must be between 0 and 1, got " + share);
    return proportions(baseline, Math.round(customers * (1 - share)), Math.round(customers * share), alpha, power);
  }

  public static double proportions(double baseline, long nTreated, long nHeldOut, double alpha, double power) {
    if (!(baseline > 0 && baseline < 1)) throw new IllegalArgumentException("baseline must be between 0 and 1, got " + baseline);
    if (nTreated < 1 || nHeldOut < 1) throw new IllegalArgumentException("each group needs at least one customer");
    if (!(alpha > 0 && alpha < 1) || !(power > 0 && power < 1)) {
      throw new IllegalArgumentException("alpha and power must be between 0 and 1, got " + alpha + " and " + power);
    }
    NormalDistribution normal = new NormalDistribution(0, 1);
    double z = normal.inverseCumulativeProbability(1 - alpha / 2) + normal.inverseCumulativeProbability(power);
    return z * Math.sqrt(baseline * (1 - baseline) * (1.0 / nTreated + 1.0 / nHeldOut));
  }
}
