package strata.server.run;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * A tiering run as the API shows it. {@code error}, like {@code phase} and {@code notes}, is a stable code and its
 * sentence in zh and en (no code for runs that failed before failures had codes).
 */
public record Run(long id, String status, String trigger, LocalDate asOf, Integer modelVersion, Instant startedAt,
    Instant finishedAt, String startedBy, RunNote phase, double progress, Integer customers, RunNote error,
    Map<String, Long> tierCounts, java.util.List<RunNote> notes, boolean current) {

  public boolean succeeded() {
    return status.equals("succeeded");
  }

  /**
   * This run as a sales user sees it: its figures over their own customers, and neither notes nor the error's text,
   * which describe the whole data set (counts of unknown ids, fit failures over everyone, a failing customer's id).
   */
  Run scopedTo(Integer ownCustomers, Map<String, Long> ownTierCounts) {
    return new Run(id, status, trigger, asOf, modelVersion, startedAt, finishedAt, startedBy, phase, progress,
        ownCustomers, error == null ? null : RunFailure.hidden(), ownTierCounts, java.util.List.of(), current);
  }
}
