package strata.summary;

import java.util.Arrays;

/**
 * Per-customer sorted sets of 64-bit keys (order-id fingerprints) in one shared array, for the same memory reason as
 * {@link DayLists}; only allocated when the transactions have an order id column.
 */
final class KeyLists {
  private long[] data = new long[64];
  private int used;
  private int[] offset = new int[16];
  private int[] length = new int[16];
  private int[] capacity = new int[16];

  void ensureCustomers(int customers) {
    if (customers > offset.length) {
      int n = Math.max(customers, offset.length * 2);
      offset = Arrays.copyOf(offset, n);
      length = Arrays.copyOf(length, n);
      capacity = Arrays.copyOf(capacity, n);
    }
  }

  /** Adds a key to customer {@code c}'s set; returns false if it was already there. */
  boolean add(int c, long key) {
    int len = length[c];
    int base = offset[c];
    int at = Arrays.binarySearch(data, base, base + len, key);
    if (at >= 0) {
      return false;
    }
    if (len == capacity[c]) {
      grow(c, len);
      base = offset[c];
    }
    at = -Arrays.binarySearch(data, base, base + len, key) - 1;
    System.arraycopy(data, at, data, at + 1, base + len - at);
    data[at] = key;
    length[c] = len + 1;
    return true;
  }

  private void grow(int c, int len) {
    int newCapacity = Math.max(2, capacity[c] * 2);
    if ((long) used + newCapacity > data.length) {
      long live = 0;
      for (int cap : capacity) live += cap;
      long size = Math.max(64, (live + newCapacity) * 3 / 2);
      if (size > Integer.MAX_VALUE - 16) {
        throw new IllegalStateException("too many distinct orders in one stripe of the summary table");
      }
      long[] fresh = new long[(int) size];
      int p = 0;
      for (int i = 0; i < offset.length; i++) {
        if (capacity[i] > 0) {
          System.arraycopy(data, offset[i], fresh, p, length[i]);
          offset[i] = p;
          p += capacity[i];
        }
      }
      data = fresh;
      used = p;
    }
    System.arraycopy(data, offset[c], data, used, len);
    offset[c] = used;
    capacity[c] = newCapacity;
    used += newCapacity;
  }

  /**
   * Counts {@code lines} more lines of {@code category} for customer {@code c}; entries are
   * {@code category << 40 | lines}, so they stay sorted by category while counts change in place.
   */
  void increment(int c, int category, long lines) {
    long low = (long) category << COUNT_BITS;
    int base = offset[c];
    int at = Arrays.binarySearch(data, base, base + length[c], low);
    int i = at >= 0 ? at : -at - 1;
    if (i < base + length[c] && data[i] >>> COUNT_BITS == category) {
      data[i] += lines;
    } else {
      add(c, low + lines);
    }
  }

  static final int COUNT_BITS = 40;

  int count(int c) {
    return length[c];
  }

  long[] keys(int c) {
    return Arrays.copyOfRange(data, offset[c], offset[c] + length[c]);
  }
}
