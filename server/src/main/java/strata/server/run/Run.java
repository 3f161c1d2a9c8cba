package strata.server.run;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/** A tiering run as the API shows it. */
public record Run(long id, String status, String trigger, LocalDate asOf, Integer modelVersion, Instant startedAt,
    Instant finishedAt, String startedBy, String phase, double progress, Integer customers, String error,
    Map<String, Long> tierCounts, java.util.List<String> notes, boolean current) {

  public boolean succeeded() {
    return status.equals("succeeded");
  }
}
