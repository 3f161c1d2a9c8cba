package strata.server.run;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/** A tiering run as the API shows it. */
public record Run(long id, String status, String trigger, LocalDate asOf, Integer modelVersion, Instant startedAt,
    Instant finishedAt, String startedBy, RunNote phase, double progress, Integer customers, String error,
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
        ownCustomers, error == null ? null : HIDDEN_ERROR, ownTierCounts, java.util.List.of(), current);
  }

  private static final String HIDDEN_ERROR = "the run failed; an analyst or admin can see why";
}
