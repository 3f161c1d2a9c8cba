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

  private static String text(Reader r) throws IOException {
    StringBuilder sb = new StringBuilder();
    char[] buf = new char[256];
    for (int n; (n = r.read(buf)) > 0; ) sb.append(buf, 0, n);
    return sb.toString();
  }
}
