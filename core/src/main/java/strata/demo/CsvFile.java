package strata.demo;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * Writes one RFC 4180 CSV file: UTF-8 with a byte-order mark (so Excel on Chinese Windows opens it
 * as UTF-8, not GBK), CRLF line ends, fields quoted only when they hold a comma, quote or line break.
 * Hand-written because the main code may not depend on a CSV library and quoting is a few lines; the
 * tests read every file back with FastCSV.
 */
final class CsvFile implements Closeable {
  private static final char BOM = '\uFEFF';

  private final BufferedWriter out;
  private final StringBuilder row = new StringBuilder(160);
  private final int fieldCount;
  private int fieldsInRow;

  CsvFile(Path file, String... header) throws IOException {
    out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    fieldCount = header.length;
    out.write(BOM);
    for (String name : header) {
      field(name);
    }
    endRow();
  }

  CsvFile field(String value) {
    if (fieldsInRow++ > 0) {
      row.append(',');
    }
    if (needsQuotes(value)) {
      row.append('"');
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        row.append(c);
        if (c == '"') {
          row.append('"');
        }
      }
      row.append('"');
    } else {
      row.append(value);
    }
    return this;
  }

  /** Ends the current row; a wrong number of fields is a bug in the generator, not in user data. */
  void endRow() throws IOException {
    if (fieldsInRow != fieldCount) {
      throw new IllegalStateException("row has " + fieldsInRow + " fields, header has " + fieldCount);
    }
    row.append("\r\n");
    out.append(row);
    row.setLength(0);
    fieldsInRow = 0;
  }

  /** Writes {@code text} verbatim as a whole line, for deliberately duplicated rows. */
  void rawLine(String text) throws IOException {
    out.append(text).append("\r\n");
  }

  /** The current row as it will appear in the file, without the line end. */
  String pendingRow() {
    return row.toString();
  }

  @Override
  public void close() throws IOException {
    out.close();
  }

  private static boolean needsQuotes(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == ',' || c == '"' || c == '\n' || c == '\r') {
        return true;
      }
    }
    return false;
  }

  // Formatting by hand keeps the output independent of the default locale and cheap for the
  // million-odd rows of a 100,000-customer data set.

  /** Yuan amount from cents, two decimals, minus sign for refunds: {@code -1280.50}. */
  static String amount(long cents) {
    long abs = Math.abs(cents);
    StringBuilder s = new StringBuilder(12);
    if (cents < 0) {
      s.append('-');
    }
    s.append(abs / 100).append('.');
    long fraction = abs % 100;
    if (fraction < 10) {
      s.append('0');
    }
    return s.append(fraction).toString();
  }

  /** {@code yyyy-MM-dd}. */
  static String date(long epochDay) {
    LocalDate d = LocalDate.ofEpochDay(epochDay);
    StringBuilder s = new StringBuilder(10);
    s.append(d.getYear()).append('-');
    twoDigits(s, d.getMonthValue()).append('-');
    return twoDigits(s, d.getDayOfMonth()).toString();
  }

  /** {@code yyyy-MM-dd HH:mm:ss} in the exporting company's local time (no zone in the file). */
  static String dateTime(long epochSecond) {
    long day = Math.floorDiv(epochSecond, 86_400);
    int secondOfDay = (int) Math.floorMod(epochSecond, 86_400);
    StringBuilder s = new StringBuilder(19).append(date(day)).append(' ');
    twoDigits(s, secondOfDay / 3600).append(':');
    twoDigits(s, secondOfDay / 60 % 60).append(':');
    return twoDigits(s, secondOfDay % 60).toString();
  }

  /** Zero-padded to {@code width} digits, wider if needed: {@code padded("C", 123, 6) = C000123}. */
  static String padded(String prefix, long number, int width) {
    String digits = Long.toString(number);
    StringBuilder s = new StringBuilder(prefix.length() + Math.max(width, digits.length())).append(prefix);
    for (int i = digits.length(); i < width; i++) {
      s.append('0');
    }
    return s.append(digits).toString();
  }

  private static StringBuilder twoDigits(StringBuilder s, int value) {
    if (value < 10) {
      s.append('0');
    }
    return s.append(value);
  }
}
