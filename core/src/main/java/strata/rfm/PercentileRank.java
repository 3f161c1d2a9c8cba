package strata.rfm;

/**
 * Rank-based scores that treat equal values identically.
 *
 * <p>Ties share a score: customers who bought the same number of times must not be split across
 * F=2 and F=3 by the order they happened to appear in the file (SQL's NTILE would do that). Each
 * method sorts (value, customer) pairs once ({@link RankCounts}): linear time in practice, and transient memory of
 * 24 bytes per customer; scores of values that lie close together are counted instead.
 */
public final class PercentileRank {
  /** Most buckets a score can use: scores are stored in a {@code byte}. */
  public static final int MAX_BUCKETS = 100;

  private PercentileRank() {}

  /**
   * Scores where a larger value is better (frequency, spend).
   *
   * @param values one value per customer
   * @param buckets number of score levels, 1..{@value #MAX_BUCKETS}
   * @return per customer {@code 1 + floor(buckets × (customers with a strictly lower value) / n)},
   *     in 1..buckets; empty for empty input
   * @throws IllegalArgumentException if {@code buckets} is out of range
   */
  public static byte[] higherIsBetter(long[] values, int buckets) {
    return scores(values.length, i -> values[i], false, buckets);
  }

  /**
   * Scores where a smaller value is better (days since the last purchase).
   *
   * @param values one value per customer
   * @param buckets number of score levels, 1..{@value #MAX_BUCKETS}
   * @return per customer {@code 1 + floor(buckets × (customers with a strictly larger value) / n)},
   *     in 1..buckets; empty for empty input
   * @throws IllegalArgumentException if {@code buckets} is out of range
   */
  public static byte[] lowerIsBetter(long[] values, int buckets) {
    return scores(values.length, i -> values[i], true, buckets);
  }

  /** As {@link #higherIsBetter(long[], int)} for {@code int} metrics. */
  public static byte[] higherIsBetter(int[] values, int buckets) {
    return scores(values.length, i -> values[i], false, buckets);
  }

  /** As {@link #lowerIsBetter(long[], int)} for {@code int} metrics. */
  public static byte[] lowerIsBetter(int[] values, int buckets) {
    return scores(values.length, i -> values[i], true, buckets);
  }

  /**
   * Share of customers with a strictly lower value, among customers whose value is not NaN.
   *
   * @param values one value per customer; NaN means unknown
   * @return per customer a fraction in [0, 1); NaN where the input is NaN
   */
  public static float[] fractionBelow(double[] values) {
    return fractions(values, false);
  }

  /**
   * Share of customers with a strictly higher value, among customers whose value is not NaN: the
   * mirror of {@link #fractionBelow} for metrics where lower is better.
   *
   * @return per customer a fraction in [0, 1); NaN where the input is NaN
   */
  public static float[] fractionAbove(double[] values) {
    return fractions(values, true);
  }

  /** @param lowerIsBetter ranks by reversed keys, so that larger values count as worse */
  private static byte[] scores(int n, java.util.function.IntToLongFunction value, boolean lowerIsBetter, int buckets) {
    checkBuckets(buckets);
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int i = 0; i < n; i++) {
      long v = value.applyAsLong(i);
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    long span = max - min; // negative when it overflows: then the values are anything but close together
    if (n > 0 && span >= 0 && span < Math.max(1 << 16, 4L * n)) {
      return countedScores(n, value, lowerIsBetter, buckets, min, (int) span + 1);
    }
    long[] keys = new long[n];
    for (int i = 0; i < n; i++) {
      long key = RankCounts.key(value.applyAsLong(i));
      keys[i] = lowerIsBetter ? ~key : key;
    }
    byte[] scores = new byte[n];
    RankCounts.below(keys, RankCounts.identity(n), (i, better) -> scores[i] = score(better, n, buckets));
    return scores;
  }

  /**
   * Scores of values that lie close together (recency in days, order counts): counting each value's occurrences and
   * summing them gives the number below every value in two linear passes, with 4 bytes per possible value instead of
   * the sort's 24 per customer. Same result as sorting.
   */
  private static byte[] countedScores(int n, java.util.function.IntToLongFunction value, boolean lowerIsBetter,
      int buckets, long min, int values) {
    int[] below = new int[values + 1]; // below[k]: how many values are less than min + k
    for (int i = 0; i < n; i++) below[(int) (value.applyAsLong(i) - min) + 1]++;
    for (int k = 0; k < values; k++) below[k + 1] += below[k];
    byte[] scores = new byte[n];
    for (int i = 0; i < n; i++) {
      int k = (int) (value.applyAsLong(i) - min);
      int better = lowerIsBetter ? n - below[k + 1] : below[k];
      scores[i] = score(better, n, buckets);
    }
    return scores;
  }

  /**
   * {@link #fractionAbove} when {@code lowerIsBetter}, else {@link #fractionBelow}. A caller may hand over its only
   * reference to {@code values}: it is dropped before the sort allocates its buffers (8 bytes per customer off a peak
   * of the run, when the composite score builds each input just to rank it).
   *
   * @return null when {@code values} is null (an absent input)
   */
  public static float[] fractions(double[] values, boolean lowerIsBetter) {
    if (values == null) return null;
    boolean above = lowerIsBetter;
    int size = values.length;
    int known = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    boolean whole = true;
    for (double v : values) {
      if (Double.isNaN(v)) continue;
      known++;
      min = Math.min(min, v);
      max = Math.max(max, v);
      whole &= v == Math.rint(v);
    }
    // Whole numbers close together (days, counts) are counted; infinities fail the span test.
    if (known > 0 && whole && max - min < Math.max(1 << 16, 4.0 * known)) {
      return countedFractions(values, above, known, min, (int) (max - min) + 1);
    }
    long[] keys = new long[known];
    int[] positions = new int[known];
    int k = 0;
    for (int i = 0; i < size; i++) {
      if (Double.isNaN(values[i])) continue;
      long key = RankCounts.key(values[i]);
      keys[k] = above ? ~key : key;
      positions[k++] = i;
    }
    values = null;
    float[] fractions = new float[size];
    java.util.Arrays.fill(fractions, Float.NaN);
    int counted = known;
    RankCounts.below(keys, positions, (i, better) -> fractions[i] = fraction(better, counted));
    return fractions;
  }

  /** As {@link #countedScores}, for fractions of whole numbers; NaN stays NaN. */
  private static float[] countedFractions(double[] values, boolean above, int known, double min, int span) {
    int[] below = new int[span + 1]; // below[k]: how many values are less than min + k
    for (double v : values) {
      if (!Double.isNaN(v)) below[(int) (v - min) + 1]++;
    }
    for (int k = 0; k < span; k++) below[k + 1] += below[k];
    float[] fractions = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      double v = values[i];
      if (Double.isNaN(v)) {
        fractions[i] = Float.NaN;
        continue;
      }
      int k = (int) (v - min);
      int better = above ? known - below[k + 1] : below[k];
      fractions[i] = fraction(better, known);
    }
    return fractions;
  }

  /**
   * The score of a customer whom {@code better} of {@code n} customers beat, as the other methods give it: {@code 1 + floor(buckets × better / n)}. For scoring a part of the customers from the whole's counts.
   */
  public static byte score(long better, long n, int buckets) {
    return (byte) (1 + buckets * better / n);
  }

  /** The share {@code below / known} as {@link #fractions} gives it, for a part scored from the whole's counts. */
  public static float fraction(long below, long known) {
    return (float) (below / (double) known);
  }

  private static void checkBuckets(int buckets) {
    if (buckets < 1 || buckets > MAX_BUCKETS) {
      throw new IllegalArgumentException(
          "buckets must be between 1 and " + MAX_BUCKETS + ", got " + buckets);
    }
  }
}
