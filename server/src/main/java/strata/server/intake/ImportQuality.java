package strata.server.intake;

import java.util.List;
import java.util.Map;

/**
 * What happened to an import's rows: the CLI's file quality (rows read, accepted, rejected by reason, exact repeats,
 * rows after the as-of date) and what storing them did (new, changed, already stored as sent).
 *
 * @param warnings what to check about the rows, in both languages ({@link ImportWarning}; stored as codes and values)
 */
public record ImportQuality(long rows, long accepted, long rejected, Map<String, Long> reasons, long duplicates,
    long afterAsOf, long inserted, long updated, long unchanged, List<ImportWarning> warnings) {

  ImportQuality withWarnings(List<ImportWarning> shown) {
    return new ImportQuality(rows, accepted, rejected, reasons, duplicates, afterAsOf, inserted, updated, unchanged,
        shown);
  }
}
