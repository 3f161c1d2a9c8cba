package strata.summary;

import java.util.Arrays;

/**
 * One lock-protected slice of the {@link SummaryTable}: an open-addressing hash from customer-id bytes to a dense local
 * index, and the customers' fields side by side in one {@code long[]} (nine words per customer while rows come, seven
 * or eight once frozen).
 *
 * <p>Hand-laid-out because intake is bound by cache misses on random customers: one array per field cost a miss per
 * field per row; a row-wise record costs one or two. The slot array keeps each id's hash beside its index so probes
 * rarely touch the ids themselves.
 */
final class Stripe {
  private static final int W = 9;
  private static final int DAYS = 0;      // firstDay << 32 | lastDay
  private static final int LINES = 1;     // lines << 32 | first line seen
  private static final int NET = 2;
  private static final int REFUND = 3;
  private static final int FIRST_DAY_NET = 4;
  private static final int DAY_LIST = 5;  // descriptor of the customer's list in {@link DayLists}; folded by freeze()
  private static final int ID = 6;        // idStart << 32 | idLength
  private static final int UNORDERED = 7; // rows without an order id; orders once frozen
  private static final int ID_PREFIX = 8; // first 8 bytes of the id, so most id checks never touch idBytes
  private static final int ORDERS = UNORDERED;

  private static final java.lang.invoke.VarHandle BIG_ENDIAN_LONGS =
      java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.BIG_ENDIAN);

  int size;
  private long[] slots = new long[64]; // hash << 32 | (local index + 1); 0 = empty
  long[] rec = new long[16 * W];
  byte[] idBytes = new byte[256];
  private int idUsed;
  final DayLists days = new DayLists();
  private boolean daysFolded;
  private int frozenAt;
  /** Words per customer in {@link #rec}: {@link #W} while rows come, fewer once frozen. */
  private int stride = W;
  private final boolean withOrderIds;
  private static final int FOLDED_MASK = (1 << 21) - 1;
  KeyLists orderKeys;
  final KeyLists categories;

  Stripe(boolean withOrderIds, boolean withCategories) {
    this.withOrderIds = withOrderIds;
    orderKeys = withOrderIds ? new KeyLists() : null;
    categories = withCategories ? new KeyLists() : null;
  }

  /**
   * Adds a row to its customer's totals, leaving the day out of the customer's list: the caller hands all such days
   * to {@link #listDays} before the stripe is read or trimmed (sorting a partition's days at once, {@link DayKeys}).
   *
   * @return the customer's local index
   */
  int addUnlisted(byte[] b, int from, int len, int hash, int line, int day, long cents, long orderKey,
      boolean hasOrderKey, int category) {
    checkOpen();
    int c = indexOf(b, from, len, hash, line, day);
    record(c, line, day, cents, orderKey, hasOrderKey, category);
    return c;
  }

  /** Lists the days of rows added by {@link #addUnlisted}, collected in {@code keys}, which is emptied. */
  void listDays(DayKeys keys) {
    keys.listInto(days, rec, W, DAY_LIST, size);
  }

  private void checkOpen() {
    if (daysFolded) throw new IllegalStateException("the stripe was frozen");
  }

  private void record(int c, int line, int day, long cents, long orderKey, boolean hasOrderKey, int category) {
    int o = c * W;
    long d = rec[o + DAYS];
    int firstDay = (int) (d >> 32);
    int lastDay = (int) d;
    if (day < firstDay) {
      firstDay = day;
      rec[o + FIRST_DAY_NET] = cents;
    } else if (day == firstDay) {
      rec[o + FIRST_DAY_NET] = Math.addExact(rec[o + FIRST_DAY_NET], cents);
    }
    if (day > lastDay) lastDay = day;
    rec[o + DAYS] = ((long) firstDay << 32) | (lastDay & 0xFFFFFFFFL);
    long l = rec[o + LINES];
    int firstLine = Math.min((int) l, line);
    rec[o + LINES] = (((l >>> 32) + 1) << 32) | (firstLine & 0xFFFFFFFFL);
    rec[o + NET] = Math.addExact(rec[o + NET], cents);
    if (cents < 0) rec[o + REFUND] -= cents;
    if (orderKeys != null) {
      if (hasOrderKey) orderKeys.add(c, orderKey);
      else rec[o + UNORDERED]++;
    }
    if (categories != null && category >= 0) categories.increment(c, category, 1);
  }

  /**
   * Adds a summary kept elsewhere as its rows would have come, merged into what the customer has (as
   * {@link CustomerSummary#merge} does); its days go to {@code keys} for {@link #listDays}, as rows' days do.
   *
   * @param id the customer id's bytes
   * @param line the line the customer counts as first seen on
   * @param category index of each of the summary's categories, in the order of its map
   */
  void addSummary(byte[] id, int line, CustomerSummary s, int[] category, DayKeys keys) {
    checkOpen();
    int[] purchaseDays = s.purchaseDays();
    int c = indexOf(id, 0, id.length, SummaryTable.hash(id, 0, id.length), line, purchaseDays[0]);
    int o = c * W;
    long d = rec[o + DAYS];
    int firstDay = (int) (d >> 32);
    if (s.firstDay() < firstDay) {
      firstDay = s.firstDay();
      rec[o + FIRST_DAY_NET] = s.firstDayNetCents();
    } else if (s.firstDay() == firstDay) {
      rec[o + FIRST_DAY_NET] = Math.addExact(rec[o + FIRST_DAY_NET], s.firstDayNetCents());
    }
    int lastDay = Math.max((int) d, s.lastDay());
    rec[o + DAYS] = ((long) firstDay << 32) | (lastDay & 0xFFFFFFFFL);
    long l = rec[o + LINES];
    rec[o + LINES] = (((l >>> 32) + s.lines()) << 32) | (Math.min((int) l, line) & 0xFFFFFFFFL);
    rec[o + NET] = Math.addExact(rec[o + NET], s.netCents());
    rec[o + REFUND] = Math.addExact(rec[o + REFUND], s.refundCents());
    if (orderKeys != null) {
      for (long key : s.orderKeys()) orderKeys.add(c, key);
      rec[o + UNORDERED] += s.linesWithoutOrderId();
    }
    int k = 0;
    for (long lines : s.categoryLines().values()) categories.increment(c, category[k++], lines);
    for (int day : purchaseDays) keys.add(c, day);
  }

  /**
   * Gives back the room kept for growth (records, id bytes, day lists: a third or more of the table) and the hash index
   * once the stripe is complete; adding rows afterwards stays correct, it just rebuilds and grows again.
   */
  void trim() {
    // Room left by a close expect() is kept: giving back an eighth is not worth a copy.
    if (rec.length - size * W > rec.length / 8) rec = Arrays.copyOf(rec, size * W);
    trimIds();
    days.trim(rec, W, DAY_LIST, size);
    slots = null; // the hash index is rebuilt should rows ever come again
  }

  /**
   * Makes room for {@code customers} customers with {@code idBytes} bytes of ids, before rows come: growing by half
   * from a few customers copied each stripe's arrays about five times over (a fifth of all allocation at 1M
   * customers), and every copy that survives a young collection is copied again.
   */
  void expect(int customers, int idByteCount) {
    checkOpen();
    if (customers * W > rec.length) rec = Arrays.copyOf(rec, customers * W);
    if (idByteCount > idBytes.length) idBytes = Arrays.copyOf(idBytes, idByteCount);
    if (slots == null) rebuildSlots();
    if (customers * 4L > slots.length * 3L) {
      int capacity = slots.length;
      while (customers * 4L > capacity * 3L) capacity *= 2;
      resizeSlots(capacity);
    }
  }

  private void trimIds() {
    if (idBytes.length - idUsed > idBytes.length / 8) idBytes = Arrays.copyOf(idBytes, idUsed);
  }

  private void rebuildSlots() {
    int capacity = 64;
    while (size * 4L > capacity * 3L) capacity *= 2;
    slots = new long[capacity];
    for (int c = 0; c < size; c++) {
      int hash = SummaryTable.hash(idBytes, idStart(c), idLength(c));
      int s = mix(hash) & (capacity - 1);
      while (slots[s] != 0) s = (s + 1) & (capacity - 1);
      slots[s] = ((long) hash << 32) | (c + 1);
    }
  }

  private int indexOf(byte[] b, int from, int len, int hash, int line, int day) {
    if (slots == null) rebuildSlots();
    int mask = slots.length - 1;
    int s = mix(hash) & mask;
    while (true) {
      long entry = slots[s];
      if (entry == 0) {
        return insert(s, b, from, len, hash, line, day);
      }
      if ((int) (entry >>> 32) == hash) {
        int c = (int) entry - 1;
        if (sameId(c, b, from, len, prefix(b, from, len))) return c;
      }
      s = (s + 1) & mask;
    }
  }

  private boolean sameId(int c, byte[] b, int from, int len, long prefix) {
    long id = rec[c * W + ID];
    if ((int) id != len || rec[c * W + ID_PREFIX] != prefix) return false;
    int start = (int) (id >>> 32);
    return len <= 8 || Arrays.equals(idBytes, start + 8, start + len, b, from + 8, from + len);
  }

  private static long prefix(byte[] b, int from, int len) {
    if (len >= 8) return (long) BIG_ENDIAN_LONGS.get(b, from); // the same number as the loop, in one load
    long p = 0;
    for (int i = 0; i < Math.min(8, len); i++) p = (p << 8) | (b[from + i] & 0xFF);
    return p;
  }

  private int insert(int slot, byte[] b, int from, int len, int hash, int line, int day) {
    int c = size++;
    if ((c + 1) * W > rec.length) {
      rec = Arrays.copyOf(rec, (c + (c >> 1) + 1) * W);
    }
    slots[slot] = ((long) hash << 32) | (c + 1);
    int start = idUsed;
    if (start + len > idBytes.length) {
      idBytes = Arrays.copyOf(idBytes, Math.max(start + len, idBytes.length + (idBytes.length >> 1)));
    }
    System.arraycopy(b, from, idBytes, start, len);
    idUsed += len;
    int o = c * W;
    rec[o + ID_PREFIX] = prefix(b, from, len);
    rec[o + ID] = ((long) start << 32) | len;
    rec[o + DAYS] = ((long) day << 32) | (day & 0xFFFFFFFFL);
    rec[o + LINES] = line & 0xFFFFFFFFL; // zero lines so far; record() counts this row
    if (orderKeys != null) orderKeys.ensureCustomers(size);
    if (categories != null) categories.ensureCustomers(size);
    if (size * 4L > slots.length * 3L) resizeSlots(slots.length * 2);
    return c;
  }

  private void resizeSlots(int capacity) {
    long[] fresh = new long[capacity];
    int mask = fresh.length - 1;
    for (long entry : slots) {
      if (entry == 0) continue;
      int s = mix((int) (entry >>> 32)) & mask;
      while (fresh[s] != 0) s = (s + 1) & mask;
      fresh[s] = entry;
    }
    slots = fresh;
  }

  /** The stripe is chosen by the hash's top bits; slots use a remix so both are not correlated. */
  private static int mix(int h) {
    h *= 0x9E3779B1;
    return h ^ (h >>> 15);
  }

  int idStart(int c) {
    return (int) (rec[c * stride + ID] >>> 32);
  }

  int idLength(int c) {
    return (int) rec[c * stride + ID];
  }

  int idBytesUsed() {
    return idUsed;
  }

  /**
   * Keeps only what the frozen columns read, before they are allocated: each customer's day list becomes its number of
   * days, days on or before {@code splitDay} and the last of those; distinct order ids become a count; the lists, the
   * order ids and the words only lookups need (id prefix) are freed. About 30 bytes per customer off the peak of a
   * run. {@link PurchaseColumns#from} calls this, or {@link RowSpill} as soon as the stripe is built; freezing again at
   * the same split day does nothing. The stripe cannot take rows afterwards.
   */
  void freeze(int splitDay) {
    if (daysFolded) {
      if (splitDay != frozenAt) {
        throw new IllegalStateException("stripe frozen at split day " + frozenAt + ", asked for " + splitDay);
      }
      return;
    }
    int frozenStride = withOrderIds ? ORDERS + 1 : ID + 1;
    long[] frozen = new long[size * frozenStride];
    for (int c = 0; c < size; c++) {
      int o = c * W;
      long meta = rec[o + DAY_LIST];
      int n = DayLists.length(meta);
      int upTo = splitDay < 0 ? 0 : days.countUpTo(meta, splitDay);
      int lastUpTo = upTo == 0 ? -1 : days.dayAt(meta, upTo - 1);
      rec[o + DAY_LIST] = ((long) n << 42) | ((long) upTo << 21) | (lastUpTo + 1);
      if (withOrderIds) rec[o + ORDERS] = orderKeys.count(c) + rec[o + UNORDERED];
      System.arraycopy(rec, o, frozen, c * frozenStride, frozenStride);
    }
    rec = frozen;
    stride = frozenStride;
    days.release();
    orderKeys = null;
    slots = null;
    trimIds();
    daysFolded = true;
    frozenAt = splitDay;
  }

  int distinctDays(int c) {
    long word = rec[c * stride + DAY_LIST];
    return daysFolded ? (int) (word >>> 42) : DayLists.length(word);
  }

  /** After {@link #freeze}: the customer's purchase days on or before the split day. */
  int daysUpToSplit(int c) {
    return (int) (rec[c * stride + DAY_LIST] >>> 21) & FOLDED_MASK;
  }

  /** After {@link #freeze}: the last of those, or -1. */
  int lastDayUpToSplit(int c) {
    return ((int) rec[c * stride + DAY_LIST] & FOLDED_MASK) - 1;
  }

  int[] days(int c) {
    if (daysFolded) throw new IllegalStateException("the day lists were folded into frozen columns");
    return days.days(rec[c * W + DAY_LIST]);
  }

  int firstDay(int c) {
    return (int) (rec[c * stride + DAYS] >> 32);
  }

  int lastDay(int c) {
    return (int) rec[c * stride + DAYS];
  }

  int lines(int c) {
    return (int) (rec[c * stride + LINES] >>> 32);
  }

  int firstLine(int c) {
    return (int) rec[c * stride + LINES];
  }

  long netCents(int c) {
    return rec[c * stride + NET];
  }

  long refundCents(int c) {
    return rec[c * stride + REFUND];
  }

  long firstDayCents(int c) {
    return rec[c * stride + FIRST_DAY_NET];
  }

  long linesWithoutOrderId(int c) {
    checkOpen();
    return orderKeys == null ? lines(c) : rec[c * W + UNORDERED];
  }

  long orders(int c) {
    if (!withOrderIds) return lines(c);
    return daysFolded ? rec[c * stride + ORDERS] : orderKeys.count(c) + rec[c * W + UNORDERED];
  }

  boolean withOrderIds() {
    return withOrderIds;
  }
}
