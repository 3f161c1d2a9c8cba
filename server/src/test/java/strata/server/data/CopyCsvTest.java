package strata.server.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CopyCsvTest {
  @Test
  void nullIsAnUnquotedEmptyFieldAndAnEmptyTextAQuotedOne() throws IOException {
    CopyCsv csv = new CopyCsv();
    csv.add(new Object[] {null, "", "plain", 42L, 1.5, true, LocalDate.of(2025, 1, 31)});
    // PostgreSQL manual, COPY, CSV Format: NULL is an unquoted empty string, "" an empty string.
    assertThat(text(csv.take())).isEqualTo(",\"\",plain,42,1.5,true,2025-01-31\n");
  }

  @Test
  void quotesSeparatorsQuotesLineBreaksAndTheEndOfDataMarker() throws IOException {
    CopyCsv csv = new CopyCsv();
    csv.add(new Object[] {"a,b", "say \"hi\"", "two\nlines", "\\."});
    csv.add(new Object[] {"\\.", " keeps spaces "});
    assertThat(csv.rows()).isEqualTo(2);
    assertThat(text(csv.take()))
        .isEqualTo("\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"\\.\"\n\"\\.\", keeps spaces \n");
  }

  @Test
  void eachTakeStartsANewBatch() throws IOException {
    CopyCsv csv = new CopyCsv();
    csv.add(new Object[] {"first", 1});
    assertThat(text(csv.take())).isEqualTo("first,1\n");
    csv.add(new Object[] {"second", 2});
    assertThat(text(csv.take())).isEqualTo("second,2\n");
    assertThat(csv.rows()).isZero();
  }

  /** RecordTable and SnapshotWriter stream their COPYs; KpiInputWriter takes batches: the text must be the same. */
  @Test
  void aStreamedCopyWritesTheSameTextAsATakenBatch() throws IOException {
    Object[][] rows = {{"say \"hi\", \"\"", "two\r\nlines", null, ""}, {"back\\slash \\N", "\\.", 7L, true},
        {"客户分级，北京", "🙂", 1.25, LocalDate.of(2026, 12, 5)}};
    CopyCsv batch = new CopyCsv();
    StringWriter streamed = new StringWriter();
    CopyCsv stream = new CopyCsv(streamed);
    for (Object[] row : rows) {
      batch.add(row);
      stream.add(row);
    }
    stream.flush();
    assertThat(streamed.toString()).isEqualTo(text(batch.take()))
        .startsWith("\"say \"\"hi\"\", \"\"\"\"\",\"two\r\nlines\",,\"\"\n");
  }

  /** Reals are written as text PostgreSQL reads back to the very value: the shortest that round-trips. */
  @Test
  void realsReadBackAsTheSameValue() throws IOException {
    double[] doubles = {0.1 + 0.2, 1e-7, 2e23, Double.MIN_VALUE, Double.MAX_VALUE, -0.0, 123456.789, 1.0 / 3};
    float[] floats = {0.1f + 0.2f, 1e-7f, Float.MIN_VALUE, Float.MAX_VALUE, 0.33333334f, 16777217f};
    Object[] row = new Object[doubles.length + floats.length + 3];
    for (int i = 0; i < doubles.length; i++) row[i] = doubles[i];
    for (int i = 0; i < floats.length; i++) row[doubles.length + i] = floats[i];
    row[row.length - 3] = Double.NaN;
    row[row.length - 2] = Double.POSITIVE_INFINITY;
    row[row.length - 1] = Float.NEGATIVE_INFINITY;
    CopyCsv csv = new CopyCsv();
    csv.add(row);
    String[] fields = text(csv.take()).strip().split(",");
    for (int i = 0; i < doubles.length; i++) {
      assertThat(Double.doubleToRawLongBits(Double.parseDouble(fields[i]))).as(fields[i])
          .isEqualTo(Double.doubleToRawLongBits(doubles[i]));
    }
    for (int i = 0; i < floats.length; i++) {
      String f = fields[doubles.length + i];
      assertThat(Float.floatToRawIntBits(Float.parseFloat(f))).as(f).isEqualTo(Float.floatToRawIntBits(floats[i]));
    }
    // The shortest such text, in Java's notation (JDK 17's Double.toString printed 2e23 as 1.9999999999999998E23).
    assertThat(fields[0]).isEqualTo("0.30000000000000004");
    assertThat(fields[2]).isEqualTo("2.0E23");
    // PostgreSQL's names of the values that are not numbers (manual, "Floating-Point Types").
    assertThat(java.util.Arrays.copyOfRange(fields, fields.length - 3, fields.length))
        .containsExactly("NaN", "Infinity", "-Infinity");
  }

  private static String text(Reader r) throws IOException {
    StringBuilder sb = new StringBuilder();
    char[] buf = new char[256];
    for (int n; (n = r.read(buf)) > 0; ) sb.append(buf, 0, n);
    return sb.toString();
  }
}
