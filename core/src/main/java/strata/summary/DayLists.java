package strata.summary;

import java.util.Arrays;

/**
 * The distinct purchase days of every customer of a stripe, as sorted lists of unsigned 16-bit days since 1970 packed
 * into one shared array.
 *
 * <p>Hand-written for memory: at 5M customers with ~20 purchase days each, a {@code TreeSet<Integer>} per customer costs
 * several GiB and an {@code int[]} per customer still ~1 GiB with headers; two bytes per day in one arena keep the whole
 * table within the 1 GiB budget of bench/README.md. Days therefore range over 0..65535 (1970-01-01..2149-06-06).
 */
final class DayLists {
  private char[] data = new char[256];
  private int used;
  private int[] offset = new int[16];
  private char[] length = new char[16];
  /** log2(capacity) + 1 of each list; 0 when the customer has no list yet. */
  private byte[] capacityCode = new byte[16];

  void ensureCustomers(int customers) {
    if (customers > offset.length) {
      int n = Math.max(customers, offset.length * 2);
      offset = Arrays.copyOf(offset, n);
      length = Arrays.copyOf(length, n);
      capacityCode = Arrays.copyOf(capacityCode, n);
    }
  }

  /** Adds a day to customer {@code c}'s list; a day already there is ignored. */
  void add(int c, int day) {
    char d = (char) day;
    int len = length[c];
    if (Arrays.binarySearch(data, offset[c], offset[c] + len, d) >= 0) {
      return;
    }
    if (len == capacity(c)) {
      grow(c, len);
    }
    int base = offset[c];
    int at = -Arrays.binarySearch(data, base, base + len, d) - 1;
    System.arraycopy(data, at, data, at + 1, base + len - at);
    data[at] = d;
    length[c] = (char) (len + 1);
  }

  private int capacity(int c) {
    return capacityCode[c] == 0 ? 0 : 1 << (capacityCode[c] - 1);
  }

  private void grow(int c, int len) {
    int newCode = capacityCode[c] + 1;
    int newCapacity = 1 << (newCode - 1);
    if (used + newCapacity > data.length) {
      compact(newCapacity);
    }
    System.arraycopy(data, offset[c], data, used, len);
    offset[c] = used;
    capacityCode[c] = (byte) newCode;
    used += newCapacity;
  }

  /** Moves every list to the front of a new array sized for the live data, reclaiming the space of outgrown lists. */
  private void compact(int extra) {
    long live = 0;
    for (int i = 0; i < offset.length; i++) {
      live += capacity(i);
    }
    long size = Math.max(256, (live + extra) * 3 / 2);
    if (size > Integer.MAX_VALUE - 16) {
      throw new IllegalStateException("too many purchase days in one stripe of the summary table");
    }
    char[] fresh = new char[(int) size];
    int p = 0;
    for (int i = 0; i < offset.length; i++) {
      int capacity = capacity(i);
      if (capacity > 0) {
        System.arraycopy(data, offset[i], fresh, p, length[i]);
        offset[i] = p;
        p += capacity;
      }
    }
    data = fresh;
    used = p;
  }

  int count(int c) {
    return length[c];
  }

  /** Customer {@code c}'s distinct days, ascending. */
  int[] days(int c) {
    int[] out = new int[length[c]];
    for (int i = 0; i < out.length; i++) {
      out[i] = data[offset[c] + i];
    }
    return out;
  }
}
