package strata.summary;

import java.util.Arrays;

/**
 * One lock-protected slice of the {@link SummaryTable}: an open-addressing hash from customer-id bytes to a dense local
 * index, and one primitive array per summary field (no object per customer; see {@link DayLists} for why).
 */
final class Stripe {
  int size;
  private int[] slots = new int[64]; // local index + 1; 0 = empty
  int[] hashes = new int[16];
  byte[] idBytes = new byte[256];
  int[] idStart = new int[17];
  int[] firstLine = new int[16];
  int[] firstDay = new int[16];
  int[] lastDay = new int[16];
  int[] lines = new int[16];
  int[] linesWithoutOrderId; // null when every row is its own order
  long[] netCents = new long[16];
  long[] refundCents = new long[16];
  long[] firstDayCents = new long[16];
  final DayLists days = new DayLists();
  final KeyLists orderKeys;
  final KeyLists categories;

  Stripe(boolean withOrderIds, boolean withCategories) {
    orderKeys = withOrderIds ? new KeyLists() : null;
    categories = withCategories ? new KeyLists() : null;
    linesWithoutOrderId = withOrderIds ? new int[16] : null;
  }

  void add(byte[] b, int from, int len, int hash, int line, int day, long cents, long orderKey, boolean hasOrderKey,
      int category) {
    int c = indexOf(b, from, len, hash, line, day);
    if (day < firstDay[c]) {
      firstDay[c] = day;
      firstDayCents[c] = cents;
    } else if (day == firstDay[c]) {
      firstDayCents[c] = Math.addExact(firstDayCents[c], cents);
    }
    if (day > lastDay[c]) lastDay[c] = day;
    lines[c]++;
    netCents[c] = Math.addExact(netCents[c], cents);
    if (cents < 0) refundCents[c] -= cents;
    days.add(c, day);
    if (orderKeys != null) {
      if (hasOrderKey) orderKeys.add(c, orderKey);
      else linesWithoutOrderId[c]++;
    }
    if (categories != null && category >= 0) categories.increment(c, category);
  }

  private int indexOf(byte[] b, int from, int len, int hash, int line, int day) {
    int mask = slots.length - 1;
    int s = mix(hash) & mask;
    while (true) {
      int entry = slots[s];
      if (entry == 0) {
        return insert(s, b, from, len, hash, line, day);
      }
      int c = entry - 1;
      if (hashes[c] == hash && sameId(c, b, from, len)) {
        return c;
      }
      s = (s + 1) & mask;
    }
  }

  private boolean sameId(int c, byte[] b, int from, int len) {
    int start = idStart[c];
    return idStart[c + 1] - start == len && Arrays.equals(idBytes, start, start + len, b, from, from + len);
  }

  private int insert(int slot, byte[] b, int from, int len, int hash, int line, int day) {
    int c = size++;
    if (c == hashes.length) growColumns();
    slots[slot] = c + 1;
    hashes[c] = hash;
    int start = idStart[c];
    if (start + len > idBytes.length) {
      idBytes = Arrays.copyOf(idBytes, Math.max(start + len, idBytes.length + (idBytes.length >> 1)));
    }
    System.arraycopy(b, from, idBytes, start, len);
    idStart[c + 1] = start + len;
    firstLine[c] = line;
    firstDay[c] = day;
    lastDay[c] = day;
    days.ensureCustomers(size);
    if (orderKeys != null) orderKeys.ensureCustomers(size);
    if (categories != null) categories.ensureCustomers(size);
    if (size * 4L > slots.length * 3L) rehash();
    return c;
  }

  private void growColumns() {
    int n = hashes.length + (hashes.length >> 1);
    hashes = Arrays.copyOf(hashes, n);
    idStart = Arrays.copyOf(idStart, n + 1);
    firstLine = Arrays.copyOf(firstLine, n);
    firstDay = Arrays.copyOf(firstDay, n);
    lastDay = Arrays.copyOf(lastDay, n);
    lines = Arrays.copyOf(lines, n);
    netCents = Arrays.copyOf(netCents, n);
    refundCents = Arrays.copyOf(refundCents, n);
    firstDayCents = Arrays.copyOf(firstDayCents, n);
    if (linesWithoutOrderId != null) linesWithoutOrderId = Arrays.copyOf(linesWithoutOrderId, n);
  }

  private void rehash() {
    int[] fresh = new int[slots.length * 2];
    int mask = fresh.length - 1;
    for (int c = 0; c < size; c++) {
      int s = mix(hashes[c]) & mask;
      while (fresh[s] != 0) s = (s + 1) & mask;
      fresh[s] = c + 1;
    }
    slots = fresh;
  }

  /** The stripe is chosen by the hash's top bits; slots use a remix so both are not correlated. */
  private static int mix(int h) {
    h *= 0x9E3779B1;
    return h ^ (h >>> 15);
  }

  long orders(int c) {
    return orderKeys == null ? lines[c] : orderKeys.count(c) + (long) linesWithoutOrderId[c];
  }
}
