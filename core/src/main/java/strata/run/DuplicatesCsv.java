package strata.run;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import strata.identity.CandidatePair;
import strata.identity.IdentityReport;
import strata.intake.CsvText;

/**
 * Writes duplicates.csv: one row per possible duplicate pair, best first. Its first two columns are what
 * {@code --merge} reads, so a reviewer deletes the rows they reject and passes the file back.
 */
public final class DuplicatesCsv {
  public static final String[] HEADER = {"id_a", "id_b", "score", "reasons", "name_a", "name_b"};

  private DuplicatesCsv() {}

  public static void write(IdentityReport identity, Path file) throws IOException {
    try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        CsvWriter csv = CsvWriter.builder().quoteStrategy(CsvText.QUOTING).lineDelimiter(LineDelimiter.LF).build(out)) {
      out.write('\uFEFF'); // Excel opens UTF-8 as such only with a byte-order mark
      csv.writeRecord(HEADER);
      for (CandidatePair p : identity.candidates()) {
        csv.writeRecord(CsvText.guarded(p.idA()), CsvText.guarded(p.idB()), Double.toString(p.score()),
            p.reasonCodes(), CsvText.guarded(p.nameA()), CsvText.guarded(p.nameB()));
      }
    }
  }
}
