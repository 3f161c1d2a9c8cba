package strata.summary;

/**
 * Where each int key lands in ascending order, equal keys keeping the order of their indices, by an LSD radix sort of
 * the indices that skips the digits on which all keys agree.
 *
 * <p>Hand-written because it is a measured hot path at the memory peak of a large run ({@link PurchaseColumns}
 * ordering customers by first line): Arrays.parallelSort of packed (line, stripe, index) longs took ~0.55 s for 5M
 * shuffled first lines on the 2-core bench machine, this ~0.17 s. Only indices move; the keys stay where they are and
 * are read through the indices, so the cost is the keys plus two int arrays, 12 bytes per key. The sort cost as much
 * (8-byte keys, then the 4-byte result) and, with more than two cores, another 8 for its work array.
 *
 * <p>{@code strata.rfm.RankCounts} is a radix sort too, but moves 8-byte keys beside their positions (24 bytes per
 * key, fewer scattered reads): each suits its place, so they stay apart rather than become one public utility.
 */
final class IntRanks {
  private static final int BITS = 11;
  private static final int RADIX = 1 << BITS;

  private IntRanks() {}

  /**
   * @param keys compared as signed ints; not modified
   * @return per index i the rank of {@code keys[i]}: the number of smaller keys plus the number of equal keys at
   *     lower indices (a permutation of 0 … n − 1)
   */
  static int[] of(int[] keys) {
    int n = keys.length;
    int differing = 0;
    for (int key : keys) differing |= key ^ keys[0];
    int[] order = new int[n]; // indices sorted by the digits passed so far
    for (int i = 0; i < n; i++) order[i] = i;
    int[] next = new int[n];
    for (int shift = 0; shift < Integer.SIZE; shift += BITS) {
      if (((differing >>> shift) & (RADIX - 1)) == 0) continue; // every key has the same digit here
      int[] at = starts(keys, shift);
      for (int i = 0; i < n; i++) {
        int k = order[i];
        next[at[digit(keys[k], shift)]++] = k;
      }
      int[] done = next;
      next = order;
      order = done;
    }
    int[] rank = next; // free now: the permutation is in order
    for (int r = 0; r < n; r++) rank[order[r]] = r;
    return rank;
  }

  /** Where each digit's run begins in the pass at {@code shift}. */
  private static int[] starts(int[] keys, int shift) {
    int[] at = new int[RADIX];
    for (int key : keys) at[digit(key, shift)]++;
    int sum = 0;
    for (int d = 0; d < RADIX; d++) {
      int count = at[d];
      at[d] = sum;
      sum += count;
    }
    return at;
  }

  /** The digit at {@code shift} of the key with its sign bit flipped, so that unsigned digit order is signed order. */
  private static int digit(int key, int shift) {
    return ((key ^ Integer.MIN_VALUE) >>> shift) & (RADIX - 1);
  }
}
