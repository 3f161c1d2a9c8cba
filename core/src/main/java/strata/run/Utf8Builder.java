package strata.run;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import strata.intake.CsvText;

/**
 * Builds CSV text directly as UTF-8 bytes. Hand-written because writing customers.csv through a StringBuilder was the
 * second largest phase of a run: one Chinese label turns the whole builder into UTF-16, which is then re-encoded
 * (bench/README.md, "Where Strata's time goes").
 */
final class Utf8Builder {
  private byte[] buf;
  private int len;

  Utf8Builder(int capacity) {
    buf = new byte[Math.max(64, capacity)];
  }

  /** Empties the builder, keeping its buffer for the next rows. */
  void clear() {
    len = 0;
  }

  void writeTo(OutputStream out) throws IOException {
    out.write(buf, 0, len);
  }

  private void ensure(int extra) {
    if (len + extra > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
  }

  Utf8Builder comma() {
    ensure(1);
    buf[len++] = ',';
    return this;
  }

  Utf8Builder newline() {
    ensure(1);
    buf[len++] = '\n';
    return this;
  }

  /** Bytes already encoded (labels encoded once per run). */
  Utf8Builder bytes(byte[] b) {
    ensure(b.length);
    System.arraycopy(b, 0, buf, len, b.length);
    len += b.length;
    return this;
  }

  /** Text known to be plain ASCII and safe in CSV: codes, dates. */
  Utf8Builder ascii(String s) {
    ensure(s.length());
    for (int i = 0; i < s.length(); i++) buf[len++] = (byte) s.charAt(i);
    return this;
  }

  /** One ASCII character, e.g. an ABC class. */
  Utf8Builder ascii(byte c) {
    ensure(1);
    buf[len++] = c;
    return this;
  }

  /** A day as {@link LocalDate#toString} writes it: yyyy-MM-dd for the years 1000..9999. */
  Utf8Builder date(int epochDay) {
    LocalDate d = LocalDate.ofEpochDay(epochDay);
    int year = d.getYear();
    if (year < 1000 || year > 9999) return ascii(d.toString());
    ensure(10);
    int y = QUAD[year];
    int m = QUAD[d.getMonthValue()];
    int day = QUAD[d.getDayOfMonth()];
    byte[] b = buf;
    b[len] = (byte) y;
    b[len + 1] = (byte) (y >>> 8);
    b[len + 2] = (byte) (y >>> 16);
    b[len + 3] = (byte) (y >>> 24);
    b[len + 4] = '-';
    b[len + 5] = (byte) (m >>> 16);
    b[len + 6] = (byte) (m >>> 24);
    b[len + 7] = '-';
    b[len + 8] = (byte) (day >>> 16);
    b[len + 9] = (byte) (day >>> 24);
    len += 10;
    return this;
  }

  /*
   * Numbers are most of the cells of customers.csv, and writing them digit by digit (a division and a hard-to-predict
   * loop exit per digit) was about a third of its formatting time (JFR, 1M rows). Below 10^8, all eight digits come
   * from two table lookups as one long, the leading zeros are shifted out and the rest stored without a loop: 16 ns a
   * number before, 6 ns now (microbenchmark, values of 1 to 6 digits). Larger and negative values are rare here and
   * take the JDK's way.
   */

  /** QUAD[v]: the four ASCII digits of 0 <= v < 10^4 with leading zeros, first digit in the lowest byte. */
  private static final int[] QUAD = new int[10_000];
  /** Eight ASCII zeros, as {@link #eightDigits} packs digits. */
  private static final long ZEROS = 0x3030303030303030L;

  static {
    for (int v = 0; v < QUAD.length; v++) {
      QUAD[v] = ('0' + v / 1000) | ('0' + v / 100 % 10) << 8 | ('0' + v / 10 % 10) << 16 | ('0' + v % 10) << 24;
    }
  }

  /** The eight ASCII digits of 0 <= v < 10^8 with leading zeros, first digit in the lowest byte. */
  private static long eightDigits(int v) {
    return (QUAD[v / 10_000] & 0xFFFFFFFFL) | (long) QUAD[v % 10_000] << 32;
  }

  /** How many of the eight digits are leading zeros, at most {@code max}: zero digits are zero bytes after - ZEROS. */
  private static int leadingZeros(long digits, int max) {
    return Math.min(max, Long.numberOfTrailingZeros(digits - ZEROS) >>> 3);
  }

  /** Stores the eight bytes of {@code bytes}, lowest first; only the first {@code count} will be kept. */
  private void store(long bytes, int count) {
    byte[] b = buf;
    int p = len;
    b[p] = (byte) bytes;
    b[p + 1] = (byte) (bytes >>> 8);
    b[p + 2] = (byte) (bytes >>> 16);
    b[p + 3] = (byte) (bytes >>> 24);
    b[p + 4] = (byte) (bytes >>> 32);
    b[p + 5] = (byte) (bytes >>> 40);
    b[p + 6] = (byte) (bytes >>> 48);
    b[p + 7] = (byte) (bytes >>> 56);
    len = p + count;
  }

  Utf8Builder number(long v) {
    if (v < 0 || v >= 100_000_000) return ascii(Long.toString(v));
    ensure(8);
    long digits = eightDigits((int) v);
    int skip = leadingZeros(digits, 7);
    store(digits >>> (skip << 3), 8 - skip);
    return this;
  }

  /** Cents as a plain decimal, e.g. -1234 as -12.34. */
  Utf8Builder cents(long cents) {
    return scaled(cents, 2);
  }

  /** A number rounded half-up to {@code decimals} (1 to 3) decimals, all of them written (0.500); nothing for NaN. */
  Utf8Builder fixed(double v, int decimals) {
    if (Double.isNaN(v)) return this;
    return scaled(Math.round(v * SCALE[decimals]), decimals);
  }

  private static final double[] SCALE = {1, 10, 100, 1000};

  /** units / 10^decimals (decimals 1 to 3) as a plain decimal, at least one digit before the point. */
  private Utf8Builder scaled(long units, int decimals) {
    if (units < 0 || units >= 100_000_000) return ascii(BigDecimal.valueOf(units, decimals).toPlainString());
    ensure(9);
    long digits = eightDigits((int) units);
    int skip = leadingZeros(digits, 7 - decimals);
    digits >>>= skip << 3;
    int whole = 8 - skip - decimals;
    long wholeMask = (1L << (whole << 3)) - 1;
    // The point goes between the whole digits and the decimals, which move up a byte; the last may move out of the
    // long, so it is stored after it.
    store((digits & wholeMask) | (long) '.' << (whole << 3) | (digits & ~wholeMask) << 8, 8);
    buf[len] = (byte) (digits >>> 56);
    len += 1 - skip;
    return this;
  }

  /** A text cell, quoted and formula-guarded as {@link CsvText#appendText} does, then encoded. */
  Utf8Builder text(String s) {
    if (s == null || s.isEmpty()) return this;
    boolean plain = true;
    for (int i = 0; i < s.length() && plain; i++) {
      char c = s.charAt(i);
      plain = c >= ' ' && c < 0x7F && c != ',' && c != '"';
    }
    char first = s.charAt(0);
    if (plain && first != '=' && first != '+' && first != '-' && first != '@') return ascii(s);
    StringBuilder sb = new StringBuilder(s.length() + 4);
    CsvText.appendText(sb, s);
    return bytes(sb.toString().getBytes(StandardCharsets.UTF_8));
  }
}
