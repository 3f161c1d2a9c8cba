package strata.identity;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import strata.intake.CsvText;
import strata.intake.IntakeException;

/**
 * The accepted pairs of a {@code --merge} file: UTF-8 CSV whose first two columns are id_a and id_b. duplicates.csv
 * itself qualifies, so a reviewer deletes the rows they reject and passes the rest; its header row is skipped.
 */
public final class MergeFile {
  private MergeFile() {}

  /** @throws IntakeException naming the line of a row without two ids, or of a pair of one id with itself */
  public static List<String[]> read(Path file) {
    List<String[]> pairs = new ArrayList<>();
    String name = file.getFileName().toString();
    try (CsvReader<CsvRecord> csv = CsvReader.builder().allowExtraFields(true).allowMissingFields(true)
        .ofCsvRecord(file, StandardCharsets.UTF_8)) {
      for (CsvRecord r : csv) {
        long line = r.getStartingLineNumber();
        if (r.getFieldCount() == 1 && r.getField(0).isBlank()) continue;
        String a = r.getFieldCount() > 0 ? id(r.getField(0), line) : "";
        String b = r.getFieldCount() > 1 ? id(r.getField(1), line) : "";
        if (line == 1 && a.equalsIgnoreCase("id_a") && b.equalsIgnoreCase("id_b")) continue;
        if (a.isEmpty() || b.isEmpty()) {
          throw new IntakeException(IntakeException.MERGE_NOT_A_PAIR, name, line, String.join(",", r.getFields()));
        }
        if (a.equals(b)) throw new IntakeException(IntakeException.MERGE_WITH_ITSELF, name, line, a);
        pairs.add(new String[] {a, b});
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    } catch (de.siegmar.fastcsv.reader.CsvParseException e) {
      throw new IntakeException(IntakeException.NOT_CSV, name, e.getMessage());
    }
    return pairs;
  }

  /** A cell as an id: a spreadsheet's byte-order mark and duplicates.csv's formula guard removed, spaces trimmed. */
  private static String id(String cell, long line) {
    String s = line == 1 && cell.startsWith("\uFEFF") ? cell.substring(1) : cell;
    return CsvText.unguarded(s.strip());
  }
}
