package strata.run;

import strata.intake.CsvText;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

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

  byte[] toBytes() {
    return Arrays.copyOf(buf, len);
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

  Utf8Builder number(long v) {
    if (v == Long.MIN_VALUE) return ascii(Long.toString(v));
    ensure(20);
    if (v < 0) {
      buf[len++] = '-';
      v = -v;
    }
    int start = len;
    do {
      buf[len++] = (byte) ('0' + v % 10);
      v /= 10;
    } while (v > 0);
    for (int i = start, j = len - 1; i < j; i++, j--) {
      byte t = buf[i];
      buf[i] = buf[j];
      buf[j] = t;
    }
    return this;
  }

  /** Cents as a plain decimal, e.g. -1234 as -12.34. */
  Utf8Builder cents(long cents) {
    if (cents < 0) {
      if (cents == Long.MIN_VALUE) return ascii("-92233720368547758.08");
      ensure(1);
      buf[len++] = '-';
      cents = -cents;
    }
    number(cents / 100);
    ensure(3);
    long frac = cents % 100;
    buf[len++] = '.';
    buf[len++] = (byte) ('0' + frac / 10);
    buf[len++] = (byte) ('0' + frac % 10);
    return this;
  }

  /** A non-negative number with log10(scale) decimals, rounded half-up; nothing for NaN. */
  Utf8Builder fixed(double v, int scale) {
    if (Double.isNaN(v)) return this;
    long units = Math.round(v * scale);
    number(units / scale);
    ensure(8);
    buf[len++] = '.';
    long frac = units % scale;
    for (int unit = scale / 10; unit >= 1; unit /= 10) {
      buf[len++] = (byte) ('0' + frac / unit % 10);
    }
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
