package strata.server.data;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import de.siegmar.fastcsv.writer.QuoteStrategy;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.PGCopyOutputStream;
import tools.jackson.core.io.NumberOutput;

/**
 * Rows for PostgreSQL's {@code COPY ... FROM STDIN (FORMAT csv)}, written with FastCSV: null is an unquoted empty
 * field and an empty text a quoted one, as COPY tells them apart; numbers and booleans as they print, dates ISO.
 */
public final class CopyCsv {
  /**
   * FastCSV's {@code QuoteStrategies.EMPTY}, and also quoting {@code \.}: COPY reads that alone on a line as the end
   * of the data (PostgreSQL manual, COPY, "CSV Format"), which a one-column row could be.
   */
  private static final QuoteStrategy COPY_QUOTING = new QuoteStrategy() {
    @Override
    public boolean quoteEmpty(int lineNo, int fieldIdx) {
      return true;
    }

    @Override
    public boolean quoteValue(int lineNo, int fieldIdx, String value) {
      return value.equals("\\.");
    }
  };

  private final StringWriter text;
  private final CsvWriter csv;
  private String[] fields = new String[0];
  private int rows;

  /** Rows kept in memory until {@link #take}. */
  public CopyCsv() {
    this.text = new StringWriter();
    this.csv = csv(text);
  }

  /**
   * Rows written on to {@code out} as they are added (a COPY's stream: the database stores rows while later ones are
   * formatted); {@link #flush} sends what the writer still buffers.
   */
  public CopyCsv(Writer out) {
    this.text = null;
    this.csv = csv(out);
  }

  private static CsvWriter csv(Writer out) {
    return CsvWriter.builder().quoteStrategy(COPY_QUOTING).lineDelimiter(LineDelimiter.LF).build(out);
  }

  /** Adds one row of values: Strings, Numbers, Booleans, LocalDate, LocalDateTime, OffsetDateTime or null. */
  public void add(Object[] values) {
    if (fields.length != values.length) fields = new String[values.length];
    for (int i = 0; i < values.length; i++) fields[i] = text(values[i]);
    csv.writeRecord(fields);
    rows++;
  }

  /** Rows added since the last call. */
  public int rows() {
    return rows;
  }

  /** The rows added since the last call, for {@code CopyManager.copyIn}; the next rows start a new batch. */
  public Reader take() throws IOException {
    if (text == null) throw new IllegalStateException("a streaming CopyCsv keeps no rows to take");
    csv.flush();
    String batch = text.toString();
    text.getBuffer().setLength(0);
    rows = 0;
    return new StringReader(batch);
  }

  /** Writes one COPY's rows onto the CopyCsv it is given. */
  @FunctionalInterface
  public interface Rows {
    void writeTo(CopyCsv csv);
  }

  /**
   * One COPY on {@code c} (PostgreSQL), streamed as its rows are formatted: the database stores rows while later ones
   * are formatted, and no chunk's text is held whole. It ends with {@code endCopy()}, not {@code close()}, which would
   * wrap the database's own refusal (a NUL: "0x00") in a vaguer message; a row that cannot be formatted cancels the
   * COPY, so nothing of it is stored.
   *
   * @param copy the statement, {@code copy <table> (<columns>) from stdin (format csv)}
   */
  public static void copyIn(Connection c, String copy, Rows rows) throws SQLException, IOException {
    CopyIn in = c.unwrap(PGConnection.class).getCopyAPI().copyIn(copy);
    try {
      PGCopyOutputStream bytes = new PGCopyOutputStream(in, 1 << 16);
      Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
      CopyCsv csv = new CopyCsv(out);
      rows.writeTo(csv);
      csv.flush();
      out.flush();
      bytes.endCopy();
    } finally {
      if (in.isActive()) in.cancelCopy();
    }
  }

  /** Passes the rows added so far on to the stream given to {@link #CopyCsv(Writer)}. */
  public void flush() throws IOException {
    csv.flush();
  }

  private static String text(Object v) {
    if (v == null || v instanceof String) return (String) v;
    // The shortest text that reads back as the same value: JDK 17's Double.toString (FloatingDecimal) was a measured
    // share of formatting a 1M-row snapshot (bench/README.md "A full run at 1M customers: reading and formatting").
    if (v instanceof Double d) return NumberOutput.toString(d, true);
    if (v instanceof Float f) return NumberOutput.toString(f, true);
    if (v instanceof Number || v instanceof Boolean || v instanceof LocalDate || v instanceof LocalDateTime
        || v instanceof OffsetDateTime) {
      return v.toString();
    }
    throw new IllegalArgumentException("no COPY text for a " + v.getClass().getName());
  }
}
