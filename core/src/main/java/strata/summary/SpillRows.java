package strata.summary;

/** Reads back the rows of one chunk (or unwritten buffer) of a {@link SpillWriter}, one at a time, in order. */
final class SpillRows {
  private final boolean withOrderIds;
  private byte[] d;
  private int at;
  private int end;
  int line;
  int day;
  long cents;
  long flags;
  long fingerprint;
  long orderKey;
  /** Where the row's id starts in the array given to {@link #reset}, and its length. */
  int idFrom;
  int idLen;

  SpillRows(boolean withOrderIds) {
    this.withOrderIds = withOrderIds;
  }

  /** Starts on {@code d[0, end)}, which holds whole rows (line differences start again at 0). */
  void reset(byte[] d, int end) {
    this.d = d;
    this.at = 0;
    this.end = end;
    this.line = 0;
  }

  /** Reads the next row into the fields; false at the end. */
  boolean next() {
    if (at >= end) {
      if (at > end) throw new IllegalStateException("temporary intake file has a chunk ending inside a row");
      return false;
    }
    long zz = varLong();
    line += (int) ((zz >>> 1) ^ -(zz & 1));
    day = (char) SpillWriter.CHAR.get(d, at);
    at += 2;
    idLen = (int) varLong();
    zz = varLong();
    cents = (zz >>> 1) ^ -(zz & 1);
    flags = varLong();
    fingerprint = (long) SpillWriter.LONG.get(d, at);
    at += 8;
    if (withOrderIds) {
      orderKey = (long) SpillWriter.LONG.get(d, at);
      at += 8;
    }
    idFrom = at;
    at += idLen;
    return true;
  }

  boolean hasOrderKey() {
    return (flags & SpillWriter.ORDER) != 0;
  }

  boolean afterAsOf() {
    return (flags & SpillWriter.AFTER_AS_OF) != 0;
  }

  /** Category index, or -1 for none. */
  int category() {
    return (int) (flags >>> SpillWriter.CATEGORY_SHIFT) - 1;
  }

  private long varLong() {
    long v = 0;
    for (int shift = 0; ; shift += 7) {
      byte b = d[at++];
      v |= (long) (b & 0x7F) << shift;
      if (b >= 0) return v;
    }
  }
}
