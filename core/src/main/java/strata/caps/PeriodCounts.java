package strata.caps;

import java.util.Arrays;

/**
 * Counts by long key in open addressing, without a boxed key or value per touch: one customer's touches per period
 * and channel. Keys are never {@link Long#MIN_VALUE} (the empty slot).
 */
final class PeriodCounts {
  private static final long EMPTY = Long.MIN_VALUE;
  // Eight slots hold the four keys of one touch; most customers have no more than that in the weeks a plan checks.
  private long[] keys = empty(8);
  private int[] counts = new int[8];
  private int size;

  void add(long key) {
    int slot = slot(keys, key);
    if (keys[slot] == EMPTY) {
      keys[slot] = key;
      if (++size * 2 > keys.length) grow();
      slot = slot(keys, key);
    }
    counts[slot]++;
  }

  int get(long key) {
    int slot = slot(keys, key);
    return keys[slot] == EMPTY ? 0 : counts[slot];
  }

  /** The slot holding the key, or the empty slot where it belongs. */
  private static int slot(long[] keys, long key) {
    int mask = keys.length - 1;
    int i = (int) ((key * 0x9E3779B97F4A7C15L) >>> 40) & mask;
    while (keys[i] != EMPTY && keys[i] != key) i = (i + 1) & mask;
    return i;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldCounts = counts;
    keys = empty(oldKeys.length * 2);
    counts = new int[oldKeys.length * 2];
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] == EMPTY) continue;
      int slot = slot(keys, oldKeys[i]);
      keys[slot] = oldKeys[i];
      counts[slot] = oldCounts[i];
    }
  }

  private static long[] empty(int length) {
    long[] keys = new long[length];
    Arrays.fill(keys, EMPTY);
    return keys;
  }
}
