package strata.rfm;

/**
 * Counts, for every value, how many values are strictly below it, by sorting (key, position) pairs and walking runs of
 * equal keys once.
 *
 * <p>Hand-written because it is a measured hot path: ranking is done for three RFM metrics and every composite input.
 * The former sort-then-binary-search took ~20 dependent cache misses per customer (0.3 s per metric at 1M
 * customers); an LSD radix sort touches memory in streams and skips the digits on which all keys agree (recency and
 * frequency need one or two passes out of six).
 */
final class RankCounts {
  private static final int BITS = 11;
  private static final int RADIX = 1 << BITS;
  private static final int PASSES = (64 + BITS - 1) / BITS;

  private RankCounts() {}

  /** Receives each position's count. */
  interface Counted {
    void at(int position, int below);
  }

  /**
   * @param keys keys compared as unsigned numbers; reordered by the call
   * @param positions a position per key; reordered by the call
   * @param out gets, for every position, the number of keys strictly below its key (unsigned)
   */
  static void below(long[] keys, int[] positions, Counted out) {
    int n = keys.length;
    if (n == 0) return;
    long[] k = keys;
    int[] p = positions;
    long[] k2 = new long[n];
    int[] p2 = new int[n];
    int[][] counts = histograms(k);
    long differing = 0;
    for (long key : k) differing |= key ^ k[0];
    for (int pass = 0; pass < PASSES; pass++) {
      int shift = pass * BITS;
      if (((differing >>> shift) & (RADIX - 1)) == 0) continue; // every key has the same digit here
      int[] next = counts[pass];
      int sum = 0;
      for (int d = 0; d < RADIX; d++) {
        int c = next[d];
        next[d] = sum;
        sum += c;
      }
      for (int i = 0; i < n; i++) {
        int at = next[(int) ((k[i] >>> shift) & (RADIX - 1))]++;
        k2[at] = k[i];
        p2[at] = p[i];
      }
      long[] tk = k;
      k = k2;
      k2 = tk;
      int[] tp = p;
      p = p2;
      p2 = tp;
    }
    int start = 0;
    for (int i = 0; i < n; i++) {
      if (k[i] != k[start]) start = i;
      out.at(p[i], start);
    }
  }

  /** All passes' digit counts in one read of the keys. */
  private static int[][] histograms(long[] keys) {
    int[][] counts = new int[PASSES][RADIX];
    for (long key : keys) {
      for (int pass = 0; pass < PASSES; pass++) counts[pass][(int) ((key >>> (pass * BITS)) & (RADIX - 1))]++;
    }
    return counts;
  }

  /** 0, 1, …, n − 1. */
  static int[] identity(int n) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) p[i] = i;
    return p;
  }

  /** A key whose unsigned order is the signed order of {@code v}. */
  static long key(long v) {
    return v ^ Long.MIN_VALUE;
  }

  /** A key whose unsigned order is the numeric order of {@code d} (not NaN); -0.0 and 0.0 get the same key. */
  static long key(double d) {
    long bits = Double.doubleToLongBits(d + 0.0);
    return bits < 0 ? ~bits : bits ^ Long.MIN_VALUE;
  }
}
