package strata.server.intake;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The first rows of an import's rejected.csv for the import page, so a user sees which rows were refused and why
 * without opening a spreadsheet: the line, the reason's code (the page names it in the user's language) and the row
 * as the file had it. The detail column stays in the download: it is English, for whoever fixes the source.
 */
final class RejectedRowsPage {
  /** The most rows one answer shows; the download has them all. */
  static final int MAX = 200;

  record Row(long line, String reason, String raw) {}

  /** @param more whether the file holds rows after those shown */
  record Page(List<Row> rows, boolean more) {}

  private RejectedRowsPage() {}

  static Page read(Path rejectedCsv, int limit) {
    int n = Math.max(1, Math.min(limit, MAX));
    List<Row> rows = new ArrayList<>();
    try (CsvReader<CsvRecord> csv = CsvReader.builder().detectBomHeader(true).allowExtraFields(true)
        .allowMissingFields(true).ofCsvRecord(rejectedCsv, StandardCharsets.UTF_8)) {
      boolean header = true;
      for (CsvRecord r : csv) {
        if (header) {
          header = false;
          continue;
        }
        if (rows.size() == n) return new Page(rows, true);
        // file, line, reason, detail, raw (RejectedRowsWriter)
        rows.add(new Row(Long.parseLong(r.getField(1)), r.getField(2), r.getFieldCount() > 4 ? r.getField(4) : ""));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + rejectedCsv, e);
    }
    return new Page(rows, false);
  }
}
