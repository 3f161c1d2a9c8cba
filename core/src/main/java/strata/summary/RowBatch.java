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
  /** Category index + 1 in the low 31 bits, 0 for none; the sign bit marks a row with an order id. */
  int[] flags = new int[1024];

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
    flags[size] = (hasOrderKey ? Integer.MIN_VALUE : 0) | (category + 1);
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
    flags = Arrays.copyOf(flags, n);
  }
}
