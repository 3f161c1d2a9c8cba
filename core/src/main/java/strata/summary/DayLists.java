package strata.summary;

import java.util.Arrays;

/**
 * The distinct purchase days of every customer of a stripe, as sorted lists of unsigned 16-bit days since 1970 packed
 * into one shared array. Each customer's list is described by one {@code long} kept in the stripe's record (offset,
 * length, capacity), so finding a list costs no extra cache miss.
 *
 * <p>Hand-written for memory: at 5M customers with ~20 purchase days each, a {@code TreeSet<Integer>} per customer costs
 * several GiB and an {@code int[]} per customer still ~1 GiB with headers; two bytes per day in one arena keep the whole
 * table within the 1 GiB budget of bench/README.md. Days therefore range over 0..65535 (1970-01-01..2149-06-06).
 */
final class DayLists {
  private static final int FIRST_CODE = 4;
  private char[] data = new char[256];
  private int used;

  static int length(long meta) {
    return (int) (meta >>> 8) & 0xFFFFFF;
  }

  private static int offset(long meta) {
    return (int) (meta >>> 32);
  }

  /** log2(capacity) + 1; 0 when no space has been given yet. */
  private static int capacityCode(long meta) {
    return (int) meta & 0xFF;
  }

  private static int capacity(long meta) {
    int code = capacityCode(meta);
    return code == 0 ? 0 : 1 << (code - 1);
  }

  /** Cells a list occupies: its capacity, or its length once packed by {@link #trim}. */
  private static int room(long meta) {
    return Math.max(capacity(meta), length(meta));
  }

  private static long meta(int offset, int length, int capacityCode) {
    return ((long) offset << 32) | ((long) length << 8) | capacityCode;
  }

  /**
   * Adds a day to customer {@code c}'s list; a day already there is ignored.
   *
   * @param records the stripe's records; word {@code metaAt} of each {@code stride} words is the customer's list
   *     descriptor, updated here (all of them when the arena is compacted)
   * @param customers how many customers {@code records} holds
   */
  private void add(long[] records, int stride, int metaAt, int c, int customers, int day) {
    int at = c * stride + metaAt;
    long meta = records[at];
    char d = (char) day;
    int len = length(meta);
    int insertAt = position(offset(meta), len, d); // within the list, so it survives the list moving
    if (insertAt < len && data[offset(meta) + insertAt] == d) {
      return;
    }
    if (len >= capacity(meta)) { // full, or packed by trim()
      // A first list gets room for 8 days, so most customers' lists never move (moves and the compactions they cause
      // were a fifth of building the table); trim() gives the unused room back.
      int code = Math.max(capacityCode(meta) + 1, FIRST_CODE);
      while (1 << (code - 1) <= len) code++;
      int newCapacity = 1 << (code - 1);
      if ((long) used + newCapacity > data.length) {
        compact(newCapacity, records, stride, metaAt, customers);
        meta = records[at];
      }
      System.arraycopy(data, offset(meta), data, used, len);
      meta = meta(used, len, code);
      used += newCapacity;
    }
    int base = offset(meta);
    int pos = base + insertAt;
    // Lists are short and days arrive in any order: a plain loop beats arraycopy's call for the usual few cells.
    for (int k = base + len; k > pos; k--) data[k] = data[k - 1];
    data[pos] = d;
    records[at] = meta(base, len + 1, capacityCode(meta));
  }

  /**
   * Adds ascending distinct days to customer {@code c}'s list: copied to the arena's end, already packed, when the list
   * is empty (as {@link DayKeys} finds it while a stripe is built), one by one otherwise.
   */
  void addAll(long[] records, int stride, int metaAt, int customers, int c, char[] sortedDays, int n) {
    int at = c * stride + metaAt;
    if (length(records[at]) > 0) {
      for (int k = 0; k < n; k++) add(records, stride, metaAt, c, customers, sortedDays[k]);
      return;
    }
    if ((long) used + n > data.length) compact(n, records, stride, metaAt, customers);
    System.arraycopy(sortedDays, 0, data, used, n);
    records[at] = meta(used, n, 0);
    used += n;
  }

  /** Makes room for {@code extra} more days; exactly that much for a first batch, so it needs no trim. */
  void reserve(long[] records, int stride, int metaAt, int customers, int extra) {
    if ((long) used + extra <= data.length) return;
    if (used == 0) data = new char[extra];
    else compact(extra, records, stride, metaAt, customers);
  }

  /** Number of days in the list below {@code d}. */
  private int position(int base, int len, char d) {
    if (len > 16) {
      int found = Arrays.binarySearch(data, base, base + len, d);
      return found >= 0 ? found - base : -found - 1 - base;
    }
    // Most lists are short and days come in any order: counting without branches beats a binary search's mispredicted
    // ones (measured).
    int below = 0;
    for (int k = base; k < base + len; k++) below += data[k] < d ? 1 : 0;
    return below;
  }

  /**
   * Packs every list end to end in an array of exactly their total length, dropping all room for growth (about half
   * of the arena); lists then record no spare capacity, so a later add moves its list first.
   */
  void trim(long[] records, int stride, int metaAt, int customers) {
    long total = 0;
    boolean packed = true;
    for (int c = 0; c < customers; c++) {
      long m = records[c * stride + metaAt];
      total += length(m);
      packed &= capacityCode(m) == 0;
    }
    if (packed && total == used && used == data.length) return; // lists fill the arena exactly: nothing to give back
    char[] fresh = new char[(int) total];
    int p = 0;
    for (int c = 0; c < customers; c++) {
      long m = records[c * stride + metaAt];
      System.arraycopy(data, offset(m), fresh, p, length(m));
      records[c * stride + metaAt] = meta(p, length(m), 0);
      p += length(m);
    }
    data = fresh;
    used = p;
  }

  /** Moves every list to the front of a new array sized for the live data, reclaiming outgrown space. */
  private void compact(int extra, long[] records, int stride, int metaAt, int customers) {
    long live = 0;
    for (int c = 0; c < customers; c++) live += room(records[c * stride + metaAt]);
    long size = Math.max(256, (live + extra) * 3 / 2);
    if (size > Integer.MAX_VALUE - 16) {
      throw new IllegalStateException("too many purchase days in one stripe of the summary table");
    }
    char[] fresh = new char[(int) size];
    int p = 0;
    for (int c = 0; c < customers; c++) {
      long m = records[c * stride + metaAt];
      int capacity = room(m);
      if (capacity > 0) {
        System.arraycopy(data, offset(m), fresh, p, length(m));
        records[c * stride + metaAt] = meta(p, length(m), capacityCode(m));
        p += capacity;
      }
    }
    data = fresh;
    used = p;
  }

  /** Frees the lists; descriptors pointing into them must not be used afterwards. */
  void release() {
    data = new char[0];
    used = 0;
  }

  /** How many listed days are on or before {@code day}. */
  int countUpTo(long meta, int day) {
    int base = offset(meta);
    int at = Arrays.binarySearch(data, base, base + length(meta), (char) day);
    return at >= 0 ? at - base + 1 : -at - 1 - base;
  }

  /** The {@code index}-th listed day (0 = first). */
  int dayAt(long meta, int index) {
    return data[offset(meta) + index];
  }

  /** The list's days, ascending. */
  int[] days(long meta) {
    int[] out = new int[length(meta)];
    for (int i = 0; i < out.length; i++) out[i] = data[offset(meta) + i];
    return out;
  }
}
