package strata.server.run;

import java.time.LocalDate;

/**
 * Published after a run's snapshot became current (after the publishing transaction committed). Features that follow
 * the snapshot, such as the service tasks, listen for it; the run package knows none of them.
 *
 * @param asOf the run's as-of day
 */
public record RunPublished(long runId, LocalDate asOf, int modelVersion) {}
