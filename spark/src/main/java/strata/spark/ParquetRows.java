package strata.spark;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Iterator;
import org.apache.spark.sql.Row;

/**
 * Rows of a Parquet file written as the CSV text core's intake reads, so Parquet rows pass the very checks and reject
 * reasons CSV rows do. Typed values are written the way the intake reads them: dates (and the day of a timestamp, in
 * the session's time zone) in ISO form or the user's {@code --date-format}, decimals and doubles in plain notation
 * (never {@code 1.0E7}), binary columns as their bytes (so bytes that are not UTF-8 are rejected as
 * {@code bad_encoding}, not repaired).
 */
final class ParquetRows {
  private final ZoneId zone;
  private final DateTimeFormatter dates;
  private byte[] buf = new byte[1 << 16];
  private int len;

  /** @param datePattern the user's {@code --date-format}, or null for ISO dates */
  ParquetRows(ZoneId zone, String datePattern) {
    this.zone = zone;
    this.dates = datePattern == null ? DateTimeFormatter.ISO_LOCAL_DATE : DateTimeFormatter.ofPattern(datePattern);
  }

  /** One line per row, fields separated by commas, quoted where the text needs it. */
  ParquetRows write(Iterator<Row> rows) {
    while (rows.hasNext()) {
      Row row = rows.next();
      for (int i = 0; i < row.size(); i++) {
        if (i > 0) put((byte) ',');
        field(row.isNullAt(i) ? null : row.get(i));
      }
      put((byte) '\n');
    }
    return this;
  }

  /** The header line: the column names as CSV fields. */
  ParquetRows header(java.util.List<String> names) {
    for (int i = 0; i < names.size(); i++) {
      if (i > 0) put((byte) ',');
      field(names.get(i));
    }
    put((byte) '\n');
    return this;
  }

  byte[] bytes() {
    return buf;
  }

  int length() {
    return len;
  }

  private void field(Object value) {
    if (value == null) return;
    if (value instanceof byte[] raw) {
      quoted(raw);
      return;
    }
    String text = text(value);
    if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
      put(text.getBytes(StandardCharsets.UTF_8));
    } else {
      quoted(text.getBytes(StandardCharsets.UTF_8));
    }
  }

  private String text(Object value) {
    if (value instanceof String s) return s;
    if (value instanceof BigDecimal d) return d.toPlainString();
    if (value instanceof Double d) return d.isNaN() || d.isInfinite() ? d.toString() : BigDecimal.valueOf(d).toPlainString();
    if (value instanceof Float f) return f.isNaN() || f.isInfinite() ? f.toString() : new BigDecimal(f.toString()).toPlainString();
    if (value instanceof java.sql.Date d) return dates.format(d.toLocalDate());
    if (value instanceof LocalDate d) return dates.format(d);
    if (value instanceof java.sql.Timestamp t) return dates.format(t.toInstant().atZone(zone).toLocalDate());
    if (value instanceof Instant t) return dates.format(t.atZone(zone).toLocalDate());
    if (value instanceof LocalDateTime t) return dates.format(t.toLocalDate());
    return value.toString();
  }

  private void quoted(byte[] text) {
    put((byte) '"');
    for (byte b : text) {
      if (b == '"') put((byte) '"');
      put(b);
    }
    put((byte) '"');
  }

  private void put(byte[] bytes) {
    ensure(bytes.length);
    System.arraycopy(bytes, 0, buf, len, bytes.length);
    len += bytes.length;
  }

  private void put(byte b) {
    ensure(1);
    buf[len++] = b;
  }

  private void ensure(int more) {
    if (len + more > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
  }
}
