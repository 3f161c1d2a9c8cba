package strata.experiment;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The difference of two means with a percentile bootstrap interval (Efron & Tibshirani, "An Introduction to the
 * Bootstrap", 1993, ch. 13): each group is resampled with replacement on its own (the groups are independent), the
 * difference of the resampled means recorded B times, and the interval read at the alpha/2 and 1 - alpha/2 order
 * statistics. For revenue, whose few large buyers make the normal approximation behind Welch slow to hold, it needs no
 * distributional assumption. Seeded: the same data and seed give the same interval.
 */
public final class PercentileBootstrap {
  private PercentileBootstrap() {}

  /**
   * @param a, b groups of at least 2 values each
   * @param resamples B, at least 100 (2,000 is the usual choice for a 95 % interval)
   */
  public static Interval meanDifference(double[] a, double[] b, int resamples, long seed, double confidence) {
    if (a.length < 2 || b.length < 2) throw new IllegalArgumentException("the bootstrap needs at least 2 values a group");
    if (resamples < 100) throw new IllegalArgumentException("use at least 100 resamples, got " + resamples);
    if (!(confidence > 0 && confidence < 1)) throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
    double d = Moments.of(a).mean() - Moments.of(b).mean();
    SplittableRandom random = new SplittableRandom(seed);
    double[] diffs = new double[resamples];
    for (int r = 0; r < resamples; r++) diffs[r] = resampledMean(a, random) - resampledMean(b, random);
    Arrays.sort(diffs);
    double alpha = 1 - confidence;
    // Order statistics ceil(B·alpha/2) and ceil(B·(1 - alpha/2)), 1-based: 50th and 1950th of 2,000 at 95 %.
    int lower = Math.max(0, (int) Math.ceil(resamples * alpha / 2) - 1);
    int upper = Math.min(resamples - 1, (int) Math.ceil(resamples * (1 - alpha / 2)) - 1);
    return new Interval(d, diffs[lower], diffs[upper]);
  }

  private static double resampledMean(double[] values, SplittableRandom random) {
    double sum = 0;
    for (int i = 0; i < values.length; i++) sum += values[random.nextInt(values.length)];
    return sum / values.length;
  }
}
