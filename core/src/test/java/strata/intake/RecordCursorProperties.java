package strata.intake;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The hand-written record parser must split well-formed CSV exactly as FastCSV, an independent parser, does. */
class RecordCursorProperties {

  @Property(tries = 300)
  void splitsLikeFastCsv(@ForAll("tables") List<List<String>> rows, @ForAll("splits") int split) {
    String text = render(rows);
    List<List<String>> expected = new ArrayList<>();
    for (CsvRecord r : CsvReader.builder().allowExtraFields(true).allowMissingFields(true).ofCsvRecord(text)) {
      if (r.getFieldCount() == 1 && r.getField(0).isEmpty()) continue;
      expected.add(r.getFields());
    }
    assertThat(parseInTwoBlocks(text.getBytes(StandardCharsets.UTF_8), split)).isEqualTo(expected);
  }

  // Rows of one blank cell are left out, and CR only appears in line ends: FastCSV 4.1 drops a record holding a
  // quoted lone CR, where Strata keeps the value; which is right is moot for real exports.

  /** Parses as the block reader does: records of a first block cut anywhere, the rest carried into the second. */
  private static List<List<String>> parseInTwoBlocks(byte[] bytes, int splitPercent) {
    int cut = bytes.length * splitPercent / 100;
    List<List<String>> out = new ArrayList<>();
    RecordCursor first = new RecordCursor(bytes, 0, cut, (byte) ',', false);
    while (first.next(false)) out.add(fields(first));
    RecordCursor rest = new RecordCursor(bytes, first.position(), bytes.length, (byte) ',', false);
    while (rest.next(true)) out.add(fields(rest));
    return out;
  }

  private static List<String> fields(RecordCursor c) {
    List<String> f = new ArrayList<>();
    for (int i = 0; i < c.fieldCount; i++) {
      f.add(c.complex[i] ? new String(c.unquoted(i), StandardCharsets.UTF_8)
          : new String(c.buffer(), c.starts[i], c.ends[i] - c.starts[i], StandardCharsets.UTF_8));
    }
    return f;
  }

  private static String render(List<List<String>> rows) {
    StringBuilder sb = new StringBuilder();
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        if (i > 0) sb.append(',');
        String v = row.get(i);
        boolean quote = v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r") || v.isEmpty() && i == 0;
        sb.append(quote ? '"' + v.replace("\"", "\"\"") + '"' : v);
      }
      sb.append(rows.size() % 2 == 0 ? "\r\n" : "\n");
    }
    return sb.toString();
  }

  @Provide
  Arbitrary<List<List<String>>> tables() {
    Arbitrary<String> cell = Arbitraries.oneOf(
        Arbitraries.strings().withChars("ab1 ,\"\n客户").ofMaxLength(6),
        Arbitraries.strings().alpha().numeric().ofMaxLength(8));
    return Arbitraries.integers().between(1, 5).flatMap(width ->
        cell.list().ofSize(width).filter(r -> !(r.size() == 1 && r.get(0).isBlank())).list().ofMinSize(1).ofMaxSize(12));
  }

  @Provide
  Arbitrary<Integer> splits() {
    return Arbitraries.integers().between(0, 100);
  }
}
