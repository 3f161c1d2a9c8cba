package strata.intake;

import java.util.Arrays;

/**
 * Counts of non-zero amounts (absolute value, in cents) in log-linear buckets: values below 32 cents exactly, above
 * that 32 buckets per power of two (each at most 1/32 ≈ 3 % wide). Mergeable and bounded (1,920 counts whatever the
 * rows), so a file read in blocks or in a cluster's ranges adds up to the same counts, whichever engine read it.
 */
public final class AmountHistogram implements java.io.Serializable {
  static final int SUB_BITS = 5;
  static final int SUB = 1 << SUB_BITS;
  static final int BUCKETS = 60 * SUB;
  private final long[] counts = new long[BUCKETS];
  private long total;

  public void add(long cents) {
    if (cents == 0 || cents == Long.MIN_VALUE) return;
    counts[bucket(Math.abs(cents))]++;
    total++;
  }

  public void addAll(AmountHistogram other) {
    for (int b = 0; b < BUCKETS; b++) counts[b] += other.counts[b];
    total += other.total;
  }

  public long total() {
    return total;
  }

  static int bucket(long v) {
    int e = 63 - Long.numberOfLeadingZeros(v);
    if (e < SUB_BITS) return (int) v;
    int sub = (int) (v >>> (e - SUB_BITS)) & (SUB - 1);
    return (e - SUB_BITS + 1) * SUB + sub;
  }

  /** The smallest amount in bucket {@code b}, in cents. */
  static long lowerEdge(int b) {
    if (b < SUB) return b;
    int e = b / SUB + SUB_BITS - 1;
    return (long) (SUB + b % SUB) << (e - SUB_BITS);
  }

  /** Natural log of the bucket's geometric middle, which stands for every amount in it. */
  static double logMiddle(int b) {
    if (b < SUB) return Math.log(b);
    return (Math.log(lowerEdge(b)) + Math.log(lowerEdge(b + 1))) / 2;
  }

  /** Rows of at least {@code cents} in absolute value; exact when {@code cents} is a bucket's lower edge. */
  public long countFrom(long cents) {
    long n = 0;
    for (int b = bucket(cents); b < BUCKETS; b++) n += counts[b];
    return n;
  }

  /** Median of the log amounts (bucket middles), or NaN without amounts. */
  double medianLog() {
    if (total == 0) return Double.NaN;
    long half = (total + 1) / 2;
    long seen = 0;
    for (int b = 1; b < BUCKETS; b++) {
      seen += counts[b];
      if (seen >= half) return logMiddle(b);
    }
    throw new IllegalStateException("unreachable");
  }

  /** Median absolute deviation of the log amounts from {@code median}. */
  double madLog(double median) {
    int[] order = java.util.stream.IntStream.range(1, BUCKETS).filter(b -> counts[b] > 0).boxed()
        .sorted((x, y) -> Double.compare(Math.abs(logMiddle(x) - median), Math.abs(logMiddle(y) - median)))
        .mapToInt(Integer::intValue).toArray();
    long half = (total + 1) / 2;
    long seen = 0;
    for (int b : order) {
      seen += counts[b];
      if (seen >= half) return Math.abs(logMiddle(b) - median);
    }
    return 0;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AmountHistogram h && total == h.total && Arrays.equals(counts, h.counts);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(counts);
  }
}
