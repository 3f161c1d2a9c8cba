package strata.run;

import java.util.List;
import java.util.Map;
import strata.i18n.Note;
import strata.identity.IdMerges;
import strata.identity.IdentityReport;
import strata.identity.UnknownPurchasers;
import strata.intake.CustomerProfile;
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
 * <p>A run's profiles and engagement join each part's customers ({@link PartSide}): the engine routes each entry to
 * the part of its buyer, and the entries without one (the prospects) to parts of their own. Clusters are fitted on a
 * sample the parts take and merge ({@link PartCounts#withClusters}), and each part's buyers join them. Runs with the
 * churn classifier or product preference, a tier history or ids merged by case need every customer at once and are
 * not scored in parts ({@link #applies}). Outlier amounts are not among them: the engine scores the other way in parts too
 * and compares the tiers customer by customer ({@link OutlierTiers.Changes}).
 */
public final class PartScoring {
  private PartScoring() {}

  /**
   * Whether a run of these inputs and model may be scored in parts: none of what needs every customer at once.
   */
  public static boolean applies(RunInputs in, TierModel model, Predictions predictions) {
    return !in.merges().caseIds() && !predictions.churnFor(model) && !predictions.productsFor(model);
  }

  /**
   * The side files' profiles and engagement by surviving id, as the whole run joins them: a merged id's profile goes
   * (or moves to a survivor without one), its interactions and answers add to the survivor's.
   */
  public static ScoringRun.Side merged(ScoringRun.Side side, RunInputs in) {
    IdMerges merges = IdMerges.of(in.merges().acceptedPairs(), List.of());
    return new ScoringRun.Side(IdentityStage.mergeProfiles(side.profiles(), merges),
        IdentityStage.mergeEngagement(side.engagement(), merges), side.quality());
  }

  /**
   * The identity report and notes of a run scored in parts, which {@link #applies} only without merges by case: the
   * accepted merges, the groups of ids that differ only by case and, with a customers file, the duplicate candidates
   * among its profiles and the buyers missing from it.
   *
   * @param profiles the customers file's profiles as read (null without one)
   * @param caseVariants as {@link IdMerges#caseVariants(List)} finds them among the customers file's ids (resolved),
   *     then the other buyers' ids in their order
   * @param unknown the buyers without a profile, the first {@link #EXAMPLES} in their order (none without a customers
   *     file)
   * @param notes receives the notes the whole run states before scoring
   */
  public static IdentityReport identity(RunInputs in, Map<String, CustomerProfile> profiles,
      List<List<String>> caseVariants, UnknownPurchasers unknown, List<Note> notes) {
    return IdentityStage.report(profiles, IdMerges.of(in.merges().acceptedPairs(), List.of()), caseVariants, false,
        unknown, notes);
  }

  /**
   * The customers file's ids resolved by the accepted merges, once each, in the file's order (empty without a
   * customers file): the ids the run groups by case first.
   */
  public static List<String> listed(Map<String, CustomerProfile> profiles, RunInputs in) {
    return profiles == null ? List.of()
        : IdentityStage.listed(profiles, IdMerges.of(in.merges().acceptedPairs(), List.of()));
  }

  /**
   * The groups of ids that differ only by case, as the whole run finds them: the listed ids ({@link #listed}) first,
   * then the buyers not listed in their order; an engine may pass only the ids that share a folded id with another.
   */
  public static List<List<String>> caseVariants(List<String> listed, List<String> buyers) {
    return IdentityStage.caseVariants(listed, buyers);
  }

  /** The buyers without a profile a run names as examples. */
  public static final int EXAMPLES = IdentityStage.EXAMPLES;

  /** The note of a run whose interactions or answers name ids that are neither buyers nor prospects. */
  public static void unknownEngagement(long entries, List<Note> notes) {
    if (entries > 0) notes.add(Note.of("unknown_engagement_ids", entries));
  }
}
