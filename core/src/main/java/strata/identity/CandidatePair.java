package strata.identity;

import java.util.List;

/**
 * Two customer records that may be one customer, for a person to accept or reject.
 *
 * @param idA the record that comes first in the customers file (the one that survives a merge)
 * @param score 0..1, see {@link MatchReason#score}
 * @param nameA, nameB the names in the customers file, for the reviewer
 */
public record CandidatePair(String idA, String idB, double score, List<MatchReason> reasons, String nameA,
    String nameB) {

  /** The reason codes joined by {@code |}, as in duplicates.csv. */
  public String reasonCodes() {
    StringBuilder sb = new StringBuilder();
    for (MatchReason r : reasons) sb.append(sb.isEmpty() ? "" : "|").append(r.code());
    return sb.toString();
  }
}
