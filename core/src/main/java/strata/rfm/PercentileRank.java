package strata.rfm;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Rank-based scores that treat equal values identically.
 *
 * <p>Ties share a score: customers who bought the same number of times must not be split across
 * F=2 and F=3 by the order they happened to appear in the file (SQL's NTILE would do that). Each
 * method sorts one primitive copy of its input and binary-searches it, so the cost is O(n log n)
 * time and one extra array of the input's element type.
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
    checkBuckets(buckets);
    long[] sorted = sortedCopy(values);
    int n = values.length;
    byte[] scores = new byte[n];
    // The binary searches miss the cache on large inputs; both cores halve the time (sorting is parallel too).
    IntStream.range(0, n).parallel().forEach(i -> scores[i] = bucketOf(countBelow(sorted, values[i]), n, buckets));
    return scores;
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
    checkBuckets(buckets);
    long[] sorted = sortedCopy(values);
    int n = values.length;
    byte[] scores = new byte[n];
    IntStream.range(0, n).parallel()
        .forEach(i -> scores[i] = bucketOf(n - countAtOrBelow(sorted, values[i]), n, buckets));
    return scores;
  }

  /** As {@link #higherIsBetter(long[], int)} for {@code int} metrics. */
  public static byte[] higherIsBetter(int[] values, int buckets) {
    // Widening costs one transient long[]; a second int-specialised copy of the search code was
    // not worth it for the sizes we target (5M customers: 40 MB, freed at once).
    return higherIsBetter(widen(values), buckets);
  }

  /** As {@link #lowerIsBetter(long[], int)} for {@code int} metrics. */
  public static byte[] lowerIsBetter(int[] values, int buckets) {
    return lowerIsBetter(widen(values), buckets);
  }

  /**
   * Share of customers with a strictly lower value, among customers whose value is not NaN.
   *
   * @param values one value per customer; NaN means unknown
   * @return per customer a fraction in [0, 1); NaN where the input is NaN
   */
  public static float[] fractionBelow(double[] values) {
    double[] sorted = sortedKnown(values);
    int known = sorted.length;
    float[] fractions = new float[values.length];
    IntStream.range(0, values.length).parallel().forEach(i -> {
      double v = values[i];
      fractions[i] = Double.isNaN(v) ? Float.NaN : (float) ((double) countBelow(sorted, v) / known);
    });
    return fractions;
  }

  /**
   * Share of customers with a strictly higher value, among customers whose value is not NaN: the
   * mirror of {@link #fractionBelow} for metrics where lower is better.
   *
   * @return per customer a fraction in [0, 1); NaN where the input is NaN
   */
  public static float[] fractionAbove(double[] values) {
    double[] sorted = sortedKnown(values);
    int known = sorted.length;
    float[] fractions = new float[values.length];
    IntStream.range(0, values.length).parallel().forEach(i -> {
      double v = values[i];
      fractions[i] =
          Double.isNaN(v) ? Float.NaN : (float) ((double) (known - countAtOrBelow(sorted, v)) / known);
    });
    return fractions;
  }

  private static void checkBuckets(int buckets) {
    if (buckets < 1 || buckets > MAX_BUCKETS) {
      throw new IllegalArgumentException(
          "buckets must be between 1 and " + MAX_BUCKETS + ", got " + buckets);
    }
  }

  private static byte bucketOf(int better, int n, int buckets) {
    return (byte) (1 + (long) buckets * better / n);
  }

  private static long[] sortedCopy(long[] values) {
    long[] sorted = values.clone();
    Arrays.parallelSort(sorted); // both cores: this sort is a measurable share of scoring 1M+ customers
    return sorted;
  }

  private static long[] widen(int[] values) {
    long[] wide = new long[values.length];
    for (int i = 0; i < values.length; i++) {
      wide[i] = values[i];
    }
    return wide;
  }

  /** Non-NaN values, sorted; -0.0 is folded into 0.0 so the two tie as they compare equal. */
  private static double[] sortedKnown(double[] values) {
    int known = 0;
    for (double v : values) {
      if (!Double.isNaN(v)) {
        known++;
      }
    }
    double[] sorted = new double[known];
    int k = 0;
    for (double v : values) {
      if (!Double.isNaN(v)) {
        sorted[k++] = v + 0.0;
      }
    }
    Arrays.parallelSort(sorted); // both cores: this sort is a measurable share of scoring 1M+ customers
    return sorted;
  }

  /** Number of elements strictly less than {@code v}. */
  static int countBelow(long[] sorted, long v) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Number of elements less than or equal to {@code v}. */
  static int countAtOrBelow(long[] sorted, long v) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] <= v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static int countBelow(double[] sorted, double v) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static int countAtOrBelow(double[] sorted, double v) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] <= v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
