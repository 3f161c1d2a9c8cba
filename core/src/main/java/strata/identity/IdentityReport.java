package strata.identity;

import java.util.List;
import java.util.Map;

/**
 * What a run found and did about customer identity.
 *
 * @param candidates possible duplicate customer records not merged in this run, best first
 * @param commonKeys e-mails, phones or names shared by too many records to suggest pairs
 * @param caseVariants groups of ids that differ only by case, first id first
 * @param caseIdsMerged whether those groups were merged in this run
 * @param merged every merged id and the id it was merged into
 * @param unknownCustomers purchasing ids missing from the customers file (0 without one); scored without a profile
 * @param unknownExamples the first few of them
 */
public record IdentityReport(List<CandidatePair> candidates, List<DuplicateCandidates.CommonKey> commonKeys,
    List<List<String>> caseVariants, boolean caseIdsMerged, Map<String, String> merged, long unknownCustomers,
    List<String> unknownExamples) {
  public static final IdentityReport EMPTY =
      new IdentityReport(List.of(), List.of(), List.of(), false, Map.of(), 0, List.of());
}
