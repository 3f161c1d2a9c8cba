package strata.server.intake;

import java.util.List;
import java.util.Map;

/**
 * What happened to an import's rows: the CLI's file quality (rows read, accepted, rejected by reason, exact repeats,
 * rows after the as-of date) and what storing them did (new, changed, already stored as sent).
 */
public record ImportQuality(long rows, long accepted, long rejected, Map<String, Long> reasons, long duplicates,
    long afterAsOf, long inserted, long updated, long unchanged, List<String> warnings) {}
