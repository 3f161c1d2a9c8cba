package strata.server.run;

import java.time.LocalDate;

/**
 * Published after a run's snapshot became current (after the publishing transaction committed). Features that follow
 * the snapshot, such as the service tasks, listen for it; the run package knows none of them.
 *
 * @param asOf the run's as-of day
 * @param history a run of an earlier day that builds up history (the demo's quarters): features that act on today,
 *     such as the service tasks, leave it alone and follow the snapshot published after it
 */
public record RunPublished(long runId, LocalDate asOf, int modelVersion, boolean history) {}
