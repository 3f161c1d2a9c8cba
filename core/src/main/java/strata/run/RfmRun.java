package strata.run;

import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import strata.i18n.Note;
import strata.identity.IdMerges;
import strata.intake.FileQuality;
import strata.intake.Rejection;
import strata.rfm.RfmConfig;
import strata.rfm.RfmScores;
import strata.summary.PurchaseColumns;
import strata.tier.TierModel;

/**
 * A file run that computes RFM alone ({@link RunScope#RFM}): the transactions through the same intake as
 * {@link ScoringRun} (encodings, rejections, duplicates, as-of, merges, outliers), then the three percentile scores of
 * the default definition (5 levels, {@code 1 + floor(5 × customers strictly worse / n)}, ties share a score). No tier
 * model, ABC, lifecycle, CLV, composite score or tiers.
 */
public final class RfmRun {
  private static final CompletableFuture<TierModel> NO_MODEL = CompletableFuture.completedFuture(null);

  private RfmRun() {}

  /**
   * @param columns buyers' summaries in order of first appearance
   * @param idCharset the encoding the ids are stored in
   * @param quality the transactions file's quality
   */
  public record Result(PurchaseColumns columns, Charset idCharset, RfmScores scores, LocalDate asOf,
      FileQuality quality) {
    /** Days from customer {@code i}'s last purchase to the as-of date. */
    public int recencyDays(int i) {
      return (int) asOf.toEpochDay() - columns.lastDay[i];
    }
  }

  /**
   * @param rejects receives every rejected row, in line order
   * @throws strata.intake.IntakeException for unusable input
   */
  public static Result run(RunInputs in, Consumer<Rejection> rejects, Progress progress) {
    ScoringRun.Summaries tx = ScoringRun.intake(in, NO_MODEL, rejects, progress, false);
    PurchaseColumns p = tx.columns();
    if (in.merges().caseIds()) {
      IdMerges accepted = IdMerges.of(in.merges().acceptedPairs(), List.of());
      List<List<String>> variants = IdentityStage.caseVariants(null, accepted, p, tx.idCharset());
      if (!variants.isEmpty()) {
        // As in a whole run: the groups are known once every id has been read, so the file is read again merged.
        progress.phase(Note.of("phase_merging_case_ids"));
        p = ScoringRun.read(in, IdMerges.of(in.merges().acceptedPairs(), variants),
            ScoringRun.excludedFrom(tx.quality()), NO_MODEL, progress, tx.asOf());
      }
    }
    progress.phase(Note.of("phase_scoring"));
    RfmScores scores = ScoringRun.rfm(p, (int) tx.asOf().toEpochDay(), RfmConfig.defaults());
    return new Result(p, tx.idCharset(), scores, tx.asOf(), tx.quality());
  }
}
