package strata.run;

import java.io.IOException;
import java.io.OutputStream;
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
    digits(year, 4);
    buf[len++] = '-';
    digits(d.getMonthValue(), 2);
    buf[len++] = '-';
    digits(d.getDayOfMonth(), 2);
    return this;
  }

  /** The last {@code count} decimal digits of a non-negative v, with leading zeros; room must be ensured. */
  private void digits(long v, int count) {
    for (int p = len + count - 1; p >= len; p--) {
      buf[p] = (byte) ('0' + v % 10);
      v /= 10;
    }
    len += count;
  }

  Utf8Builder number(long v) {
    if (v < 0) {
      if (v == Long.MIN_VALUE) return ascii(Long.toString(v));
      ensure(1);
      buf[len++] = '-';
      v = -v;
    }
    int count = 1;
    for (long bound = 10; count < 19 && v >= bound; bound *= 10) count++;
    ensure(count);
    digits(v, count);
    return this;
  }

  /** Cents as a plain decimal, e.g. -1234 as -12.34. */
  Utf8Builder cents(long cents) {
    return scaled(cents, 2);
  }

  /**
   * A non-negative number rounded half-up to {@code decimals} (at most 3) decimals, all of them written (0.500);
   * nothing for NaN. The digits come from dividing by the constant 10 only: splitting by a scale passed in (a 64-bit
   * division the JIT cannot turn into a multiplication) took 27 ns a value, this 17 ns (microbenchmark, 3 decimals).
   */
  Utf8Builder fixed(double v, int decimals) {
    if (Double.isNaN(v)) return this;
    return scaled(Math.round(v * SCALE[decimals]), decimals);
  }

  private static final double[] SCALE = {1, 10, 100, 1000};

  /** units / 10^decimals as a plain decimal. */
  private Utf8Builder scaled(long units, int decimals) {
    if (units < 0) {
      if (units == Long.MIN_VALUE) return ascii(java.math.BigDecimal.valueOf(units, decimals).toPlainString());
      ensure(1);
      buf[len++] = '-';
      units = -units;
    }
    int start = len;
    number(units);
    int count = len - start;
    if (count <= decimals) {
      // 5 with 2 decimals is 0.05: pad to one digit before the point.
      int pad = decimals + 1 - count;
      ensure(pad);
      System.arraycopy(buf, start, buf, start + pad, count);
      Arrays.fill(buf, start, start + pad, (byte) '0');
      len += pad;
    }
    ensure(1);
    System.arraycopy(buf, len - decimals, buf, len - decimals + 1, decimals);
    buf[len - decimals] = '.';
    len++;
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
