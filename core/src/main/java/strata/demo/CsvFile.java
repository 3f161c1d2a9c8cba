package strata.demo;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes one RFC 4180 CSV file with FastCSV: UTF-8 with a byte-order mark (so Excel on Chinese Windows opens it
 * as UTF-8, not GBK), CRLF line ends, fields quoted only when they hold a comma, quote or line break (or, in the
 * first column, start with {@code #}, which some readers take for a comment).
 */
final class CsvFile implements Closeable {
  private static final char BOM = '\uFEFF';

  private final CsvWriter out;
  private final int fieldCount;
  private final List<String> row = new ArrayList<>();
  private List<String> lastRow = List.of();

  CsvFile(Path file, String... header) throws IOException {
    Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    writer.write(BOM);
    out = CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).build(writer);
    fieldCount = header.length;
    write(List.of(header));
  }

  CsvFile field(String value) {
    row.add(value);
    return this;
  }

  /** Ends the current row; a wrong number of fields is a bug in the generator, not in user data. */
  void endRow() throws IOException {
    if (row.size() != fieldCount) {
      throw new IllegalStateException("row has " + row.size() + " fields, header has " + fieldCount);
    }
    write(row);
    lastRow = List.copyOf(row);
    row.clear();
  }

  /** Writes the last row again, for deliberately duplicated rows. */
  void repeatLastRow() throws IOException {
    write(lastRow);
  }

  private void write(List<String> fields) throws IOException {
    try {
      out.writeRecord(fields);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  @Override
  public void close() throws IOException {
    out.close();
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
