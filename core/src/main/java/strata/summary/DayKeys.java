package strata.summary;

import java.util.Arrays;

/**
 * The (customer, day) pairs of a batch of rows, listed into a stripe's day lists in one go: sorted by a radix sort,
 * each customer's distinct days are then copied to the end of the lists' arena, already packed. One instance is
 * reused by a thread for partition after partition.
 *
 * <p>Hand-written because it is a measured hot path: inserting each row's day into its customer's sorted list costs a
 * binary search with mispredicted branches, a shift and now and then an arena compaction per row; that was about 40 %
 * of building the table from 10M rows. Sorting a partition's pairs at once reads and writes memory in streams, within
 * the cache. A partition with very many rows is listed in parts ({@link RowSpill#maxHeld}), so memory stays bounded.
 */
final class DayKeys {
  private static final int MAX_DIGIT_BITS = 11;
  private final int[] counts = new int[1 << MAX_DIGIT_BITS];
  private long[] keys = new long[1024];
  private long[] spare = new long[0];
  private char[] run = new char[64];
  private int size;
  private int minDay = Integer.MAX_VALUE;
  private int maxDay = Integer.MIN_VALUE;

  int size() {
    return size;
  }

  /** @param day 0..65535, the range of {@link DayLists} */
  void add(int customer, int day) {
    if (size == keys.length) keys = Arrays.copyOf(keys, size * 2);
    keys[size++] = ((long) customer << 16) | day;
    minDay = Math.min(minDay, day);
    maxDay = Math.max(maxDay, day);
  }

  /** Adds the collected days to their customers' lists and empties this collection. */
  void listInto(DayLists days, long[] records, int stride, int metaAt, int customers) {
    if (size == 0) return;
    // Renumbered as customer << dayBits | (day - minDay): a partition's days span a few hundred values, so the keys
    // need ~20 bits and two sorting passes instead of three or four.
    int dayBits = 32 - Integer.numberOfLeadingZeros(maxDay - minDay);
    long dayMask = (1L << dayBits) - 1;
    for (int i = 0; i < size; i++) {
      long k = keys[i];
      keys[i] = ((k >>> 16) << dayBits) | ((k & 0xFFFF) - minDay);
    }
    sort(dayBits + 32 - Integer.numberOfLeadingZeros(customers - 1));
    int distinct = 1;
    for (int i = 1; i < size; i++) distinct += keys[i] != keys[i - 1] ? 1 : 0;
    days.reserve(records, stride, metaAt, customers, distinct);
    int i = 0;
    while (i < size) {
      long customerBits = keys[i] >>> dayBits;
      int n = 0;
      for (long previous = -1; i < size && keys[i] >>> dayBits == customerBits; i++) {
        if (keys[i] == previous) continue;
        previous = keys[i];
        if (n == run.length) run = Arrays.copyOf(run, n * 2);
        run[n++] = (char) ((keys[i] & dayMask) + minDay);
      }
      days.addAll(records, stride, metaAt, customers, (int) customerBits, run, n);
    }
    size = 0;
    minDay = Integer.MAX_VALUE;
    maxDay = Integer.MIN_VALUE;
  }

  /** LSD radix sort of the first {@code size} keys, which fit in {@code bits} bits, in equal digits of ≤ 11 bits. */
  private void sort(int bits) {
    if (bits == 0 || size < 2) return;
    int passes = (bits + MAX_DIGIT_BITS - 1) / MAX_DIGIT_BITS;
    int digit = (bits + passes - 1) / passes;
    int mask = (1 << digit) - 1;
    if (spare.length < size) spare = new long[keys.length];
    long[] from = keys;
    long[] to = spare;
    for (int shift = 0; shift < bits; shift += digit) {
      Arrays.fill(counts, 0, mask + 1, 0);
      for (int i = 0; i < size; i++) counts[(int) (from[i] >>> shift) & mask]++;
      int sum = 0;
      for (int d = 0; d <= mask; d++) {
        int c = counts[d];
        counts[d] = sum;
        sum += c;
      }
      for (int i = 0; i < size; i++) to[counts[(int) (from[i] >>> shift) & mask]++] = from[i];
      long[] t = from;
      from = to;
      to = t;
    }
    keys = from;
    spare = to;
  }
}
