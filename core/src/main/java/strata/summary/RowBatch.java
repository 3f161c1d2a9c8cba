package strata.summary;

import java.util.Arrays;

/**
 * Transaction rows of one intake block, collected without locking and then folded into the {@link SummaryTable}
 * one stripe at a time, so each stripe's lock is taken once per block instead of once per row (per-row locking was a
 * measured hot spot with two intake threads).
 */
public final class RowBatch {
  int size;
  byte[] ids = new byte[1 << 16];
  int idUsed;
  int[] idFrom = new int[1024];
  int[] idLen = new int[1024];
  int[] hash = new int[1024];
  int[] line = new int[1024];
  int[] day = new int[1024];
  long[] cents = new long[1024];
  long[] orderKey = new long[1024];
  /** Fingerprint of the row's bytes, for duplicate detection (0 when not checked). */
  long[] fingerprint = new long[1024];
  /**
   * Category index + 1 in the low 30 bits, 0 for none; the sign bit marks a row with an order id, bit 30 a row dated
   * after the as-of date (only checked for duplicates, not summarised).
   */
  int[] flags = new int[1024];
  static final int ORDER = Integer.MIN_VALUE;
  static final int AFTER_AS_OF = 1 << 30;
  static final int CATEGORY = AFTER_AS_OF - 1;

  public void clear() {
    size = 0;
    idUsed = 0;
  }

  public int size() {
    return size;
  }

  /** Adds a row; the id bytes are copied, so {@code b} may be reused afterwards. */
  public void add(byte[] b, int from, int len, int line, int day, long cents, long orderKey, boolean hasOrderKey,
      int category) {
    add(b, from, len, line, day, cents, orderKey, hasOrderKey, category, 0, false);
  }

  /**
   * @param fingerprint the row's fingerprint for duplicate detection
   * @param afterAsOf the row is outside the run: it only takes part in duplicate detection
   */
  public void add(byte[] b, int from, int len, int line, int day, long cents, long orderKey, boolean hasOrderKey,
      int category, long fingerprint, boolean afterAsOf) {
    if (category + 1 > CATEGORY) throw new IllegalStateException("more than 2^30 categories");
    if (size == hash.length) grow();
    if (idUsed + len > ids.length) ids = Arrays.copyOf(ids, Math.max(ids.length * 2, idUsed + len));
    System.arraycopy(b, from, ids, idUsed, len);
    idFrom[size] = idUsed;
    idLen[size] = len;
    idUsed += len;
    hash[size] = SummaryTable.hash(b, from, len);
    this.line[size] = line;
    this.day[size] = day;
    this.cents[size] = cents;
    this.orderKey[size] = orderKey;
    this.fingerprint[size] = fingerprint;
    flags[size] = (hasOrderKey ? ORDER : 0) | (afterAsOf ? AFTER_AS_OF : 0) | (category + 1);
    size++;
  }

  private void grow() {
    int n = hash.length * 2;
    idFrom = Arrays.copyOf(idFrom, n);
    idLen = Arrays.copyOf(idLen, n);
    hash = Arrays.copyOf(hash, n);
    line = Arrays.copyOf(line, n);
    day = Arrays.copyOf(day, n);
    cents = Arrays.copyOf(cents, n);
    orderKey = Arrays.copyOf(orderKey, n);
    fingerprint = Arrays.copyOf(fingerprint, n);
    flags = Arrays.copyOf(flags, n);
  }
}
