package strata.experiment;

/**
 * Whether the groups looked alike before the experiment: the standardized mean difference of a pre-period KPI,
 * (mean_t - mean_c) / sqrt((s_t² + s_c²) / 2) (Austin, "Balance diagnostics for comparing the distribution of
 * baseline covariates", Stat Med 28:3083-3107, 2009). Unlike a test's p-value it does not grow with the sample size.
 */
public final class Balance {
  /** Austin's rule of thumb: an absolute difference above 0.1 standard deviations is an imbalance worth reporting. */
  public static final double THRESHOLD = 0.1;

  private Balance() {}

  /** @return the difference in pooled standard deviations; 0 when both groups are constant and equal */
  public static double standardizedMeanDifference(Moments treated, Moments heldOut) {
    double d = treated.mean() - heldOut.mean();
    double sd = Math.sqrt((treated.variance() + heldOut.variance()) / 2);
    if (sd == 0) return d == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, d);
    return d / sd;
  }
}
