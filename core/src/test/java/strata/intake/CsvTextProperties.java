package strata.intake;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.StringWriter;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** FastCSV with {@link CsvText#guarded} and {@link CsvText#QUOTING} writes a cell as the hand-written hot path does. */
class CsvTextProperties {
  @Property(tries = 500)
  void fastCsvWritesTheSameCellAsAppendText(@ForAll String s) throws Exception {
    // The cell sits second in its row: FastCSV also quotes a first cell starting with #.
    StringWriter text = new StringWriter();
    CsvWriter.builder().quoteStrategy(CsvText.QUOTING).lineDelimiter(LineDelimiter.LF).build(text)
        .writeRecord("x", CsvText.guarded(s)).close();
    StringBuilder expected = new StringBuilder("x,");
    CsvText.appendText(expected, s);
    assertThat(text.toString()).isEqualTo(expected.append('\n').toString());
  }

  @Property(tries = 500)
  void aGuardedCellReadsBackAsTheGuardedText(@ForAll String s) {
    StringBuilder line = new StringBuilder("x,");
    CsvText.appendText(line, s);
    var fields = CsvReader.builder().ofCsvRecord(line.toString()).stream().findFirst().orElseThrow().getFields();
    assertThat(fields).containsExactly("x", CsvText.guarded(s));
  }

  @Example
  void guardsFormulasWithAnApostropheAndQuotes() {
    StringBuilder sb = new StringBuilder();
    CsvText.appendText(sb, "=HYPERLINK(\"x\")");
    assertThat(sb).hasToString("\"'=HYPERLINK(\"\"x\"\")\"");
    assertThat(CsvText.guarded("-5")).isEqualTo("'-5");
    assertThat(CsvText.guarded("5-")).isEqualTo("5-");
  }
}
