package strata.demo;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A demo file read back with FastCSV, an independent RFC 4180 parser. FastCSV is strict by default:
 * a row with more or fewer fields than the header makes it throw, so reading a file at all proves
 * every row has the header's field count.
 */
record DemoCsv(List<String> header, List<List<String>> rows) {
  static DemoCsv read(Path file) {
    List<String> header = null;
    List<List<String>> rows = new ArrayList<>();
    try (CsvReader<CsvRecord> reader = CsvReader.builder().detectBomHeader(true)
        .ofCsvRecord(file, StandardCharsets.UTF_8)) {
      for (CsvRecord record : reader) {
        if (header == null) {
          header = record.getFields();
        } else {
          rows.add(record.getFields());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new DemoCsv(header, rows);
  }

  int column(String name) {
    int c = header.indexOf(name);
    if (c < 0) {
      throw new IllegalArgumentException("no column " + name + " in " + header);
    }
    return c;
  }

  List<String> values(String name) {
    int c = column(name);
    return rows.stream().map(r -> r.get(c)).toList();
  }
}
