package strata.experiment;

import org.hipparchus.distribution.continuous.NormalDistribution;

/**
 * Wilson's score interval for one proportion, without continuity correction (Wilson 1927; method 3 of Newcombe,
 * "Two-sided confidence intervals for the single proportion", Stat Med 17:857-872, 1998): centre
 * (2x + z²) / (2(n + z²)), half-width z·sqrt(z² + 4x(1 - x/n)) / (2(n + z²)). Unlike the Wald interval it stays
 * within [0, 1] and keeps its coverage for rates near 0 or 1 and small n.
 */
public final class WilsonInterval {
  private WilsonInterval() {}

  /**
   * @param x successes, 0..n
   * @param n trials, at least 1
   * @param confidence e.g. 0.95
   */
  public static Interval of(long x, long n, double confidence) {
    if (n < 1 || x < 0 || x > n) throw new IllegalArgumentException("need 0 <= x <= n and n >= 1, got x=" + x + ", n=" + n);
    double z = z(confidence);
    double zz = z * z;
    double centre = (2.0 * x + zz) / (2 * (n + zz));
    double half = z * Math.sqrt(zz + 4.0 * x * (1 - (double) x / n)) / (2 * (n + zz));
    return new Interval((double) x / n, Math.max(0, centre - half), Math.min(1, centre + half));
  }

  /** The two-sided standard normal quantile for {@code confidence}, e.g. 1.96 for 0.95. */
  static double z(double confidence) {
    if (!(confidence > 0 && confidence < 1)) throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
    return new NormalDistribution(0, 1).inverseCumulativeProbability(1 - (1 - confidence) / 2);
  }
}
