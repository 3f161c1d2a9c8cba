package strata.experiment;

/**
 * @param confidence of every interval [0.95]
 * @param minPerGroup the fewest customers (or NPS answers) each group needs before a difference gets an interval
 *     [30]: with fewer, one customer moves a rate by several points, Welch's and the bootstrap's coverage is
 *     unreliable for skewed revenue, and even a valid Newcombe interval is too wide to act on
 * @param resamples of the revenue bootstrap [2,000]
 * @param seed of the revenue bootstrap, stored with the experiment so a result can be reproduced
 */
public record UpliftOptions(double confidence, int minPerGroup, int resamples, long seed) {
  public static final UpliftOptions DEFAULT = new UpliftOptions(0.95, 30, 2000, 20_270_901L);

  public UpliftOptions {
    if (!(confidence > 0 && confidence < 1)) throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
    if (minPerGroup < 2) throw new IllegalArgumentException("minPerGroup must be at least 2, got " + minPerGroup);
    if (resamples < 100) throw new IllegalArgumentException("use at least 100 resamples, got " + resamples);
  }
}
