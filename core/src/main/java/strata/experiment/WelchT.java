package strata.experiment;

import org.hipparchus.distribution.continuous.TDistribution;

/**
 * The difference of two means with Welch's t interval (Welch 1947, "The generalization of Student's problem when
 * several different population variances are involved", Biometrika 34:28-35): standard error
 * sqrt(s1²/n1 + s2²/n2), degrees of freedom by the Welch-Satterthwaite formula, quantile from Hipparchus'
 * {@link TDistribution}. Does not assume equal variances, which treated and held-out revenue rarely have.
 */
public final class WelchT {
  private WelchT() {}

  /**
   * @param a, b groups of at least 2 values each
   * @return mean(a) - mean(b) with its interval; when both groups are constant, the point itself
   */
  public static Interval of(Moments a, Moments b, double confidence) {
    if (a.n() < 2 || b.n() < 2) throw new IllegalArgumentException("Welch's interval needs at least 2 values a group");
    double d = a.mean() - b.mean();
    double va = a.variance() / a.n();
    double vb = b.variance() / b.n();
    double se = Math.sqrt(va + vb);
    if (se == 0) return new Interval(d, d, d);
    double df = (va + vb) * (va + vb) / (va * va / (a.n() - 1) + vb * vb / (b.n() - 1));
    if (!(confidence > 0 && confidence < 1)) throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
    double t = new TDistribution(df).inverseCumulativeProbability(1 - (1 - confidence) / 2);
    return new Interval(d, d - t * se, d + t * se);
  }
}
