package strata.scoring;

import java.util.Arrays;

/**
 * How many customers have each value of one metric: the mergeable statistic that percentile ranks, ABC shares and
 * medians of a whole run are decided from when its customers are scored in parts (one entry per distinct value, not
 * per customer). Whole numbers are kept as they are; doubles as keys in {@link Double#compare} order
 * ({@link #ofDoubles}).
 */
public final class ValueCounts implements java.io.Serializable {
  private static final long serialVersionUID = 1L;
  public static final ValueCounts EMPTY = new ValueCounts(new long[0], new long[0]);

  /** Distinct values (or double keys), ascending. */
  private final long[] values;
  /** {@code below[k]}: how many counted values are less than {@code values[k]}; one more entry holds the total. */
  private final long[] below;

  private ValueCounts(long[] values, long[] below) {
    this.values = values;
    this.below = below.length == 0 ? new long[] {0} : below;
  }

  /** The counts of {@code values}; the array is reordered. */
  public static ValueCounts of(long[] values) {
    Arrays.sort(values);
    int n = values.length;
    long[] distinct = new long[n];
    long[] below = new long[n + 1];
    int k = 0;
    for (int i = 0; i < n; i++) {
      if (i > 0 && values[i] == values[i - 1]) continue;
      distinct[k] = values[i];
      below[k++] = i;
    }
    below[k] = n;
    return new ValueCounts(Arrays.copyOf(distinct, k), Arrays.copyOf(below, k + 1));
  }

  /** The counts of the values that are not NaN, ordered as {@link Double#compare} orders them (-0.0 below 0.0). */
  public static ValueCounts ofDoubles(double[] values) {
    return of(Arrays.stream(values).filter(v -> !Double.isNaN(v)).mapToLong(ValueCounts::key).toArray());
  }

  /** A whole number whose order is {@link Double#compare}'s order of {@code d} (not NaN). */
  public static long key(double d) {
    long bits = Double.doubleToLongBits(d);
    return bits >= 0 ? bits : bits ^ Long.MAX_VALUE;
  }

  private static double value(long key) {
    return Double.longBitsToDouble(key >= 0 ? key : key ^ Long.MAX_VALUE);
  }

  /** Both parts' counts added up. */
  public ValueCounts merge(ValueCounts other) {
    if (other.total() == 0) return this;
    if (total() == 0) return other;
    long[] merged = new long[values.length + other.values.length];
    long[] counts = new long[merged.length];
    int i = 0;
    int j = 0;
    int k = 0;
    while (i < values.length || j < other.values.length) {
      long v = j == other.values.length || (i < values.length && values[i] <= other.values[j]) ? values[i]
          : other.values[j];
      long c = 0;
      if (i < values.length && values[i] == v) c += count(i++);
      if (j < other.values.length && other.values[j] == v) c += other.count(j++);
      merged[k] = v;
      counts[k++] = c;
    }
    long[] below = new long[k + 1];
    for (int m = 0; m < k; m++) below[m + 1] = below[m] + counts[m];
    return new ValueCounts(Arrays.copyOf(merged, k), below);
  }

  /** How many values were counted. */
  public long total() {
    return below[values.length];
  }

  /** How many counted values are strictly less than {@code value}. */
  public long below(long value) {
    int k = Arrays.binarySearch(values, value);
    return below[k >= 0 ? k : -k - 1];
  }

  /** How many counted values are strictly greater than {@code value}. */
  public long above(long value) {
    int k = Arrays.binarySearch(values, value);
    return total() - below[k >= 0 ? k + 1 : -k - 1];
  }

  /** Number of distinct values. */
  public int distinct() {
    return values.length;
  }

  /** The k-th distinct value, ascending. */
  public long value(int k) {
    return values[k];
  }

  /** How many counted values equal the k-th distinct value. */
  public long count(int k) {
    return below[k + 1] - below[k];
  }

  /**
   * The median of counted doubles as {@link Median#of} gives it for the same values: the middle one, or
   * {@code (lower + upper) / 2} of the middle two; NaN for none.
   */
  public double median() {
    long n = total();
    if (n == 0) return Double.NaN;
    double upper = value(at(n / 2));
    return n % 2 == 1 ? upper : (value(at(n / 2 - 1)) + upper) / 2;
  }

  /** The value at 0-based position {@code p} of the sorted values. */
  private long at(long p) {
    int k = Arrays.binarySearch(below, 0, values.length, p);
    // The value whose run holds p: below[k] ≤ p < below[k + 1] (below is strictly increasing).
    return values[k >= 0 ? k : -k - 2];
  }
}
