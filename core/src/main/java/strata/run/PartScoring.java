package strata.run;

import java.util.List;
import strata.i18n.Note;
import strata.identity.IdentityReport;
import strata.tier.TierModel;

/**
 * A run's buyers scored in parts, for an engine whose machine cannot hold them all (Spark's driver): each part is
 * scored with {@link ScoringRun#score}'s own methods and the whole run's {@link PartContext}, so every customer gets
 * the row the whole run gives. The context is built from statistics that parts count and merge, in three rounds as
 * the methods depend on each other:
 *
 * <ol>
 *   <li>{@link PartCounts}: values of recency, frequency and spend, repeat gaps, the fits' samples; merged into the
 *       first context ({@link PartContext#of}), with which each part is scored once ({@link ScoredPart#of}: RFM,
 *       ABC, lifecycle, CLV);
 *   <li>{@link InputCounts} ({@link ScoredPart#inputCounts}): the composite inputs, which include CLV; with the
 *       second context ({@link PartContext#withInputs}) each part gets its composite scores
 *       ({@link ScoredPart#withComposite});
 *   <li>the potential scores ({@link ScoredPart#potentialCounts}), whose median the final context holds
 *       ({@link PartContext#withPotentials}), with which each part is tiered ({@link ScoredPart#score}).
 * </ol>
 *
 * Each statistic holds one entry per distinct value or sampled buyer, never one per buyer of the run.
 *
 * <p>Runs with profiles or engagement, predictions (churn, clusters, product preference), a tier history or ids merged
 * by case need every customer at once and are not scored in parts ({@link #applies}). Outlier amounts are not among
 * them: the engine scores the other way in parts too and compares the tiers customer by customer
 * ({@link OutlierTiers.Changes}).
 */
public final class PartScoring {
  private PartScoring() {}

  /**
   * Whether a run of these inputs and model may be scored in parts: none of what needs every customer at once.
   */
  public static boolean applies(RunInputs in, TierModel model, Predictions predictions) {
    return in.customers() == null && in.interactions() == null && in.surveys() == null && !in.merges().caseIds()
        && !predictions.churnFor(model) && !predictions.clustersFor(model) && !predictions.productsFor(model);
  }

  /**
   * The identity report and notes of a run scored in parts, which {@link #applies} only without a customers file or
   * merges by case: the accepted merges and the groups of ids that differ only by case.
   *
   * @param caseVariants as {@link strata.identity.IdMerges#caseVariants(List)} finds them among all buyers' ids
   * @param notes receives the notes the whole run states before scoring
   */
  public static IdentityReport identity(RunInputs in, List<List<String>> caseVariants, List<Note> notes) {
    return IdentityStage.report(null, strata.identity.IdMerges.of(in.merges().acceptedPairs(), List.of()),
        caseVariants, false, null, null, notes);
  }
}
