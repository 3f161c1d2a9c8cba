package strata.identity;

import java.util.List;

/**
 * What the user asked to merge in a run.
 *
 * @param acceptedPairs {id_a, id_b} pairs accepted by a person (e.g. from a reviewed duplicates.csv)
 * @param caseIds merge ids that differ only by case (c1 and C1); reported either way
 */
public record MergeOptions(List<String[]> acceptedPairs, boolean caseIds) {
  public static final MergeOptions NONE = new MergeOptions(List.of(), false);
}
