package strata.run;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import strata.abc.AbcClassifier;
import strata.abc.AbcConfig;
import strata.asof.AsOfPolicy;
import strata.i18n.Note;
import strata.identity.IdMerges;
import strata.identity.IdentityReport;
import strata.intake.AmountOutliers;
import strata.intake.CustomerProfile;
import strata.intake.Engagement;
import strata.intake.FileKind;
import strata.intake.FileQuality;
import strata.intake.FormatSniffer;
import strata.intake.RejectReason;
import strata.intake.Rejection;
import strata.intake.SideFiles;
import strata.intake.TransactionIntake;
import strata.lifecycle.LifecycleConfig;
import strata.lifecycle.LifecycleRules;
import strata.rfm.RfmConfig;
import strata.rfm.RfmScorer;
import strata.rfm.RfmScores;
import strata.rfm.RfmSegments;
import strata.summary.PurchaseColumns;
import strata.summary.StripePatch;
import strata.tier.Metric;
import strata.tier.TierEngine;
import strata.tier.TierModel;
import strata.value.CompositeConfig;
import strata.value.CompositeScorer;
import strata.value.CompositeScores;
import strata.value.MatrixConfig;
import strata.value.ValuePotentialMatrix;

/** One scoring run: read the files, summarise, score every method, assign tiers. */
public final class ScoringRun {
  private ScoringRun() {}

  /**
   * @param rejects receives every rejected row of every file, file by file in line order
   * @throws strata.intake.IntakeException for unusable input, {@link strata.tier.TierModelException} or
   *     {@link strata.scoring.ConfigException} for a bad model
   */
  public static RunResult run(RunInputs in, TierModel model, Consumer<Rejection> rejects, Progress progress) {
    return run(in, CompletableFuture.completedFuture(model), rejects, progress);
  }

  /**
   * As {@link #run(RunInputs, TierModel, Consumer, Progress)}, with the model still loading: compiling its conditions
   * takes about half a second, so the intake starts at once and stops at its next block should the model fail (a typo
   * in the model must not wait for a long intake).
   */
  public static RunResult run(RunInputs in, CompletableFuture<TierModel> loading, Consumer<Rejection> rejects,
      Progress progress) {
    return run(in, loading, rejects, progress, Predictions.NONE);
  }

  /** As above, with the optional predictions asked for (they also run when the model reads their variables). */
  public static RunResult run(RunInputs in, CompletableFuture<TierModel> loading, Consumer<Rejection> rejects,
      Progress progress, Predictions predictions) {
    CompletableFuture<TierModel> checked = loading.thenApply(m -> {
      checkScoringSettings(m);
      return m;
    });
    failIfBroken(checked);

    Summaries tx = intake(in, checked, rejects, progress, true);
    return afterIntake(in, tx, checked, rejects, progress, new FileRereads(in, checked, progress), predictions);
  }

  /**
   * Reads and summarises the transactions with the accepted merges, leaving outlier amounts out (by a second read)
   * when the inputs ask for it; frozen at {@link #splitDay}.
   *
   * @param withoutOutliers also summarise the customers with outlier amounts without those rows, when the run keeps
   *     them (for the check of the tiers they change)
   */
  static Summaries intake(RunInputs in, CompletableFuture<TierModel> checked, Consumer<Rejection> rejects,
      Progress progress, boolean withoutOutliers) {
    progress.phase(Note.of("phase_reading", in.transactions().getFileName()));
    IdMerges merges = IdMerges.of(in.merges().acceptedPairs(), List.of());
    TransactionIntake.Result tx = transactions(in, merges.merged(), Long.MAX_VALUE, in.asOf(), checked, rejects,
        progress, (first, last) -> ClvStage.splitDay(first, asOfDay(in, last)),
        withoutOutliers && !in.excludeOutliers());
    FileQuality txQuality = tx.quality();
    AmountOutliers outliers = txQuality.amountOutliers();
    if (in.excludeOutliers() && outliers != null && outliers.rows() > 0) {
      // The threshold is known once every amount has been read; the file is read again leaving those rows out, and
      // they go to the rejects (the other rejections were reported the first time).
      progress.phase(Note.of("phase_outliers"));
      tx = transactions(in, merges, outliers.thresholdCents(), checked, r -> {
        if (r.reason() == RejectReason.AMOUNT_OUTLIER) rejects.accept(r);
      }, progress);
      txQuality = excludedQuality(tx.quality(), outliers);
    }
    LocalDate asOf = LocalDate.ofEpochDay(asOfDay(in, tx.lastDay()));
    progress.phase(Note.of("phase_ordering"));
    int split = ClvStage.splitDay(tx.firstDay(), (int) asOf.toEpochDay());
    PurchaseColumns p = tx.table().freeze(split, tx.withoutOutliers());
    return new Summaries(p, tx.charset(), txQuality, asOf, new AtomicReference<>(tx.withoutOutliers()));
  }

  static PurchaseColumns read(RunInputs in, IdMerges merges, long outlierCents,
      CompletableFuture<TierModel> checked, Progress progress, LocalDate asOf) {
    return new FileRereads(in, checked, progress).summaries(merges.merged(), outlierCents, asOf,
        Rereads.runSplit((int) asOf.toEpochDay()));
  }

  /**
   * The quality of a read that left the outlier amounts out ({@code --outliers exclude}): the first read's judgement,
   * marked excluded, with a warning saying so.
   *
   * @param secondRead the quality of the read that left them out
   * @param outliers the first read's judgement
   */
  public static FileQuality excludedQuality(FileQuality secondRead, AmountOutliers outliers) {
    return secondRead.withOutliers(outliers.asExcluded(), Note.of("quality_outliers_left_out", outliers.rows(),
        BigDecimal.valueOf(outliers.thresholdCents(), 2).toPlainString()));
  }

  /**
   * Transactions summarised by some engine (this JVM's intake, or a cluster's): what the rest of a run starts from.
   *
   * @param columns buyers' summaries in order of first appearance, frozen at {@link #splitDay}
   * @param idCharset the encoding the ids are stored in
   * @param quality the transactions file's quality
   * @param withoutOutliers when the engine built them beside the run's, the summaries of the customers with outlier
   *     amounts without those rows, to apply to {@code columns} (taken once by the run); empty when the run is to read
   *     them again
   */
  public record Summaries(PurchaseColumns columns, java.nio.charset.Charset idCharset, FileQuality quality,
      LocalDate asOf, AtomicReference<StripePatch> withoutOutliers) {
    public Summaries(PurchaseColumns columns, java.nio.charset.Charset idCharset, FileQuality quality,
        LocalDate asOf) {
      this(columns, idCharset, quality, asOf, new AtomicReference<>());
    }
  }

  /**
   * The part of a file run after the transactions are summarised (side files, identity checks, predictions, scoring,
   * tiers), for an engine that summarised them elsewhere.
   *
   * @param reads how the engine reads the transactions again (see {@link Rereads}): to merge ids that differ only by
   *     case, score the other way with outlier amounts, train the churn classifier and read product preference; null
   *     when it cannot, which refuses {@code in.merges().caseIds()} when such ids exist and leaves those out
   */
  public static RunResult run(RunInputs in, Summaries tx, TierModel model, Consumer<Rejection> rejects,
      Progress progress, Rereads reads, Predictions predictions) {
    checkScoringSettings(model);
    return afterIntake(in, tx, CompletableFuture.completedFuture(model), rejects, progress, reads, predictions);
  }

  /**
   * @param reads the transactions read again; null when the engine cannot (no case merges, predictions that read
   *     the file again, or comparison of the tiers with and without outlier amounts)
   */
  private static RunResult afterIntake(RunInputs in, Summaries tx, CompletableFuture<TierModel> checked,
      Consumer<Rejection> rejects, Progress progress, Rereads reads, Predictions predictions) {
    List<FileQuality> quality = new ArrayList<>();
    List<Note> notes = new ArrayList<>();
    quality.add(tx.quality());
    IdMerges merges = IdMerges.of(in.merges().acceptedPairs(), List.of());
    Side side = side(in, rejects, progress);
    quality.addAll(side.quality());
    Map<String, Engagement> engagement = side.engagement();
    PurchaseColumns p = tx.columns();
    Map<String, CustomerProfile> profiles = side.profiles();
    progress.phase(Note.of("phase_checking_ids"));
    List<List<String>> caseVariants = IdentityStage.caseVariants(profiles, merges, p, tx.idCharset());
    if (in.merges().caseIds() && !caseVariants.isEmpty()) {
      if (reads == null) {
        throw new strata.intake.IntakeException(strata.intake.IntakeException.CASE_MERGE_UNAVAILABLE, caseVariants.size());
      }
      // The groups are known only once every id has been read; the file is read again with them merged (the rows'
      // rejections were reported the first time).
      merges = IdMerges.of(in.merges().acceptedPairs(), caseVariants);
      progress.phase(Note.of("phase_merging_case_ids"));
      p = reads.summaries(merges.merged(), excludedFrom(tx.quality()), tx.asOf(),
          Rereads.runSplit((int) tx.asOf().toEpochDay()));
    }
    IdentityReport identity = IdentityStage.report(profiles, merges, caseVariants, in.merges().caseIds(), p,
        tx.idCharset(), notes);
    TierModel model = Futures.join(checked);
    Map<String, CustomerProfile> merged = IdentityStage.mergeProfiles(profiles, merges);
    strata.churn.ChurnResult churn = null;
    long outlierCents = excludedFrom(tx.quality());
    int asOfDay = (int) tx.asOf().toEpochDay();
    // The classifier reads the transactions again as of its cut-off: only an engine that can re-read them trains it.
    if (predictions.churnFor(model) && reads != null) {
      progress.phase(Note.of("phase_churn"));
      churn = Predictions.churn(in, reads, merges.merged(), outlierCents, tx.idCharset(), p, asOfDay, merged);
    }
    strata.product.ProductPreferences products = null;
    // Like the classifier, product preference reads the transactions again.
    var bought = predictions.productsFor(model) && reads != null
        ? reads.products(merges.merged(), outlierCents, asOfDay) : null;
    if (bought != null) {
      progress.phase(Note.of("phase_products"));
      products = Predictions.products(bought, p, tx.idCharset(), model, notes);
    }
    Map<String, Engagement> mergedEngagement = IdentityStage.mergeEngagement(engagement, merges);
    AmountOutliers outliers = tx.quality().amountOutliers();
    // Scored before the run so that only its tiers are held while the run scores.
    OutlierTiers.OtherWay otherWay = null;
    if (outliers != null && outliers.rows() > 0) {
      StripePatch patch = tx.withoutOutliers().getAndSet(null);
      // Not after ids were merged by case (p was read again), nor when the run left the outliers out. The patch's
      // stripes are frozen at the run's split day, where a read without an outlier on the file's first day may split
      // later: that moves only the CLV holdout check, a diagnostic no tier condition reads.
      PurchaseColumns otherColumns = patch == null || p != tx.columns() || outliers.excluded() ? null
          : patch.applyTo(p);
      if (otherColumns == null && reads != null) {
        // The transactions are read once more the other way (kept or left out) to list the tiers the outliers change.
        long otherCents = outliers.excluded() ? Long.MAX_VALUE : outliers.thresholdCents();
        otherColumns = reads.summaries(merges.merged(), otherCents, tx.asOf(), Rereads.runSplit(asOfDay));
      }
      if (otherColumns != null) {
        progress.phase(Note.of("phase_outlier_tiers"));
        otherWay = new OutlierTiers.OtherWay(tiers(otherColumns, tx.idCharset(), merged, mergedEngagement,
            tx.asOf(), model, in.threads(), churn, products), p.ids());
      }
    }
    RunResult result = score(p, tx.idCharset(), merged, mergedEngagement, tx.asOf(), model, in.threads(), quality,
        notes, progress, Map.of(), predictions, churn, products);
    List<FileQuality> outQuality = result.quality();
    List<Note> outNotes = result.notes();
    if (otherWay != null) {
      AmountOutliers o = OutlierTiers.compare(outliers, result.customers(), otherWay, model);
      outQuality = outQuality.stream().map(f -> f == tx.quality() ? f.withAmountOutliers(o) : f).toList();
      Note changed = OutlierTiers.note(o);
      if (changed != null) {
        outNotes = new ArrayList<>(outNotes);
        outNotes.add(changed);
      }
    }
    return new RunResult(result.customers(), result.asOf(), result.model(), result.engine(), outQuality, outNotes,
        identity);
  }

  /**
   * What the side files say, as read: the customers file's profiles (null without one) in its order, and the
   * interactions and survey answers merged per customer id (empty without them); {@code quality} is each side file's,
   * customers first.
   */
  public record Side(Map<String, CustomerProfile> profiles, Map<String, Engagement> engagement,
      List<FileQuality> quality) {}

  /**
   * Reads the run's side files with their rejections, after the transactions' (each file's rows in line order).
   *
   * @throws strata.intake.IntakeException for an unusable side file
   */
  public static Side side(RunInputs in, Consumer<Rejection> rejects, Progress progress) {
    FormatSniffer.Hints hints = sideHints(in);
    List<FileQuality> quality = new ArrayList<>();
    Map<String, CustomerProfile> profiles = null;
    if (in.customers() != null) {
      progress.phase(Note.of("phase_reading", in.customers().getFileName()));
      SideFiles.Customers customers = SideFiles.customers(in.customers(), hints, in.columnMap(), rejects,
          in.tempDir());
      quality.add(customers.quality());
      profiles = customers.profiles();
    }
    return new Side(profiles, engagement(in, hints, rejects, progress, quality), quality);
  }

  /**
   * Checks the side files' encodings and columns as the run reads them, without reading their rows: for an engine
   * that reads the transactions for long before it reaches them.
   *
   * @throws strata.intake.IntakeException the error the run would give for the first bad side file
   */
  public static void checkSideFiles(RunInputs in) {
    FormatSniffer.Hints hints = sideHints(in);
    if (in.customers() != null) SideFiles.checkHeader(in.customers(), FileKind.CUSTOMERS, hints, in.columnMap());
    if (in.interactions() != null) {
      SideFiles.checkHeader(in.interactions(), FileKind.INTERACTIONS, hints, in.columnMap());
    }
    if (in.surveys() != null) SideFiles.checkHeader(in.surveys(), FileKind.SURVEYS, hints, in.columnMap());
  }

  /** Side files take the run's encoding and date format; delimiter and columns are the transactions' only. */
  private static FormatSniffer.Hints sideHints(RunInputs in) {
    return new FormatSniffer.Hints(in.charset(), null, null, in.transactionHints().dateFormat());
  }

  static TransactionIntake.Result transactions(RunInputs in, IdMerges merges, long outlierCents,
      CompletableFuture<TierModel> checked, Consumer<Rejection> rejects, Progress progress) {
    return transactions(in, merges.merged(), outlierCents, in.asOf(), checked, rejects, progress,
        (first, last) -> ClvStage.splitDay(first, asOfDay(in, last)), false);
  }

  /**
   * @param splitDay (first day, last day) of the read to the split day its table is frozen at
   * @param withoutOutliers also build the table without the outlier amounts (see {@link TransactionIntake.Result})
   */
  static TransactionIntake.Result transactions(RunInputs in, Map<String, String> mergedIds, long outlierCents,
      LocalDate asOf, CompletableFuture<TierModel> checked, Consumer<Rejection> rejects, Progress progress,
      java.util.function.IntBinaryOperator splitDay, boolean withoutOutliers) {
    long total = size(in.transactions());
    TransactionIntake.Options options = new TransactionIntake.Options(withCharset(in), in.columnMap(), asOf,
        in.threads(), in.tempDir(), mergedIds).withOutlierCents(outlierCents);
    if (withoutOutliers) options = options.withoutOutliersToo();
    return TransactionIntake.read(in.transactions(), options, rejects, done -> {
      failIfBroken(checked);
      progress.bytes(done, total);
    }, progress::phase, splitDay);
  }

  /** The threshold a run left outlier amounts out from, or Long.MAX_VALUE when it kept them. */
  static long excludedFrom(FileQuality transactions) {
    AmountOutliers o = transactions.amountOutliers();
    return o != null && o.excluded() ? o.thresholdCents() : Long.MAX_VALUE;
  }

  private static int asOfDay(RunInputs in, int lastDay) {
    return (int) AsOfPolicy.resolve(in.asOf(), lastDay).toEpochDay();
  }

  private static void failIfBroken(CompletableFuture<TierModel> model) {
    if (model.isCompletedExceptionally()) Futures.join(model);
  }

  /**
   * Scores frozen summaries: the part of a run after intake, shared by the file run and the server (which keeps
   * summaries up to date as data arrives and never re-reads the history). Clusters are computed here when asked for
   * or read by the model; the churn prediction is given (see {@link Predictions#churn(PurchaseColumns, Map,
   * PurchaseColumns, Map, Map, java.nio.charset.Charset, PurchaseColumns, int)}).
   *
   * @param p buyers' summaries, frozen with {@link #splitDay} so the CLV holdout check can run
   * @param profiles customers by id (null when there are none); ids without purchases become prospects
   * @param engagement interactions and survey answers by customer id
   * @param notes run notes so far; scoring adds its own
   * @param downgradeRisk by customer id, each customer's {@code downgrade_risk} from the tier history (see
   *     {@link strata.forecast.TierForecast#downgradeRisk}: the risk of the customer's tier in the previous snapshot,
   *     as the current tier is what the rules decide); customers not in it have none
   * @param churn the churn prediction for the buyers of {@code p}, null when not computed
   * @param products product preference of the buyers of {@code p} (the server reads it from its purchase table: see
   *     {@link Predictions#products(Map, PurchaseColumns, java.nio.charset.Charset, TierModel, List)}), null when not
   *     computed
   */
  public static RunResult score(PurchaseColumns p, java.nio.charset.Charset idCharset,
      Map<String, CustomerProfile> profiles, Map<String, Engagement> engagement, LocalDate asOf, TierModel model,
      int threads, List<FileQuality> quality, List<Note> notes, Progress progress,
      Map<String, Double> downgradeRisk, Predictions predictions, strata.churn.ChurnResult churn,
      strata.product.ProductPreferences products) {
    return score(p, idCharset, profiles, engagement, asOf, model, threads, quality, notes, progress, downgradeRisk,
        predictions, churn, products, false);
  }

  /**
   * The tiers of {@code p} as {@link #score} assigns them, computing only what the model's conditions read besides
   * RFM, ABC and lifecycle: no CLV fits unless a condition reads a CLV metric or the composite, no composite or value
   * quadrant unless one reads them, no clusters unless one reads them. For the other way of a run's outliers, whose
   * tiers alone are compared.
   */
  static ScoredCustomers tiers(PurchaseColumns p, java.nio.charset.Charset idCharset,
      Map<String, CustomerProfile> profiles, Map<String, Engagement> engagement, LocalDate asOf, TierModel model,
      int threads, strata.churn.ChurnResult churn, strata.product.ProductPreferences products) {
    return score(p, idCharset, profiles, engagement, asOf, model, threads, List.of(), new ArrayList<>(),
        Progress.NONE, Map.of(), Predictions.NONE, churn, products, true).customers();
  }

  private static RunResult score(PurchaseColumns p, java.nio.charset.Charset idCharset,
      Map<String, CustomerProfile> profiles, Map<String, Engagement> engagement, LocalDate asOf, TierModel model,
      int threads, List<FileQuality> quality, List<Note> notes, Progress progress,
      Map<String, Double> downgradeRisk, Predictions predictions, strata.churn.ChurnResult churn,
      strata.product.ProductPreferences products, boolean tiersOnly) {
    java.util.Set<Metric> read = readBy(model);
    boolean composite = !tiersOnly || read.stream().anyMatch(COMPOSITE_METRICS::contains);
    boolean clvFits = composite || read.stream().anyMatch(CLV_METRICS::contains);
    RfmConfig rfmConfig = RfmConfig.fromMap(model.scoringSection("rfm"));
    AbcConfig abcConfig = AbcConfig.fromMap(model.scoringSection("abc"));
    LifecycleConfig lifecycleConfig = LifecycleConfig.fromMap(model.scoringSection("lifecycle"));
    CompositeConfig compositeConfig = CompositeConfig.fromMap(model.scoringSection("composite"));
    MatrixConfig matrixConfig = MatrixConfig.fromMap(model.scoringSection("matrix"));
    Map<String, Double> sizeScores = SizeScores.fromMap(model.scoringSection("size_scores"));
    progress.phase(Note.of("phase_scoring"));
    int asOfDay = (int) asOf.toEpochDay();
    int n = p.size;
    PartSide join = PartSide.of(p, idCharset, profiles, engagement, asOf);
    PartScoring.unknownEngagement(join.unknownEngagement(), notes);
    String[] prospects = join.prospects();
    CustomerProfile[] joinedProfiles = join.profiles();
    Engagement[] engagements = join.engagements();
    int all = n + prospects.length;

    RfmScores rfm = rfm(p, asOfDay, rfmConfig);
    byte[] classic = RfmSegments.classic(rfm, rfmConfig);
    byte[] segment11 = RfmSegments.segment11(rfm);
    byte[] abc = AbcClassifier.classify(p.netCents, abcConfig);
    byte[] lifecycle = LifecycleRules.classify(extend(p.firstDay, all), extend(p.lastDay, all),
        extend(p.distinctDays, all), asOfDay, lifecycleConfig);

    ClvStage.Result clv = null;
    if (clvFits) {
      progress.phase(Note.of("phase_clv"));
      clv = ClvStage.run(p, asOfDay);
      notes.addAll(clv.notes());
    }
    ScoredCustomers partial = new ScoredCustomers(asOfDay, p, idCharset, prospects, joinedProfiles, engagements, rfm,
        classic, segment11, abc, lifecycle, null, null, clv);
    ScoredCustomers scored = composite ? withComposite(partial, all, n, compositeConfig, matrixConfig, sizeScores,
        notes, progress) : partial;

    if (!downgradeRisk.isEmpty()) {
      scored.downgradeRisk = new float[all];
      for (int i = 0; i < all; i++) {
        Double risk = downgradeRisk.get(scored.customerId(i));
        scored.downgradeRisk[i] = risk == null ? Float.NaN : risk.floatValue();
      }
    }
    if (predictions.clustersFor(model)) {
      progress.phase(Note.of("phase_clusters"));
      scored.clusters = Predictions.clusters(p, idCharset, asOfDay, model);
      notes.addAll(scored.clusters.notes());
    }
    scored.churn = churn;
    scored.products = products;
    if (churn != null) notes.addAll(churn.notes());
    progress.phase(Note.of("phase_tiers"));
    TierEngine engine = new TierEngine(model);
    scored.tier = engine.assign(all, scored, threads);
    return new RunResult(scored, asOf, model, engine, quality, notes, IdentityReport.EMPTY);
  }

  /** The customers with their composite scores and value quadrants. */
  private static ScoredCustomers withComposite(ScoredCustomers partial, int all, int n, CompositeConfig compositeConfig,
      MatrixConfig matrixConfig, Map<String, Double> sizeScores, List<Note> notes, Progress progress) {
    progress.phase(Note.of("phase_composite"));
    CompositeInputs.check(compositeConfig.inputNames());
    CompositeScores composite = CompositeScorer.score(all,
        name -> CompositeInputs.values(partial, name, sizeScores), compositeConfig);
    if (!composite.absentInputs().isEmpty()) {
      notes.add(Note.of("composite_inputs_missing", String.join(", ", composite.absentInputs())));
    }
    float[] potential = composite.potential();
    byte[] quadrant = ValuePotentialMatrix.classify(all, i -> i < n ? partial.annualValue(i) : Double.NaN,
        i -> potential[i], matrixConfig);
    return new ScoredCustomers(partial.asOfDay, partial.purchases, partial.idCharset, partial.prospectIds,
        partial.profiles, partial.engagements, partial.rfm, partial.classicSegment, partial.segment11, partial.abc,
        partial.lifecycle, composite, quadrant, partial.clv);
  }

  /** The metrics the model's tier conditions read. */
  private static java.util.Set<Metric> readBy(TierModel model) {
    java.util.Set<Metric> read = java.util.EnumSet.noneOf(Metric.class);
    for (strata.tier.TierRule t : model.tiers()) read.addAll(t.reads());
    return read;
  }

  private static final java.util.Set<Metric> COMPOSITE_METRICS = java.util.EnumSet.of(Metric.COMPOSITE_SCORE,
      Metric.HISTORICAL_SCORE, Metric.POTENTIAL_SCORE, Metric.STRATEGIC_SCORE, Metric.VALUE_QUADRANT);
  private static final java.util.Set<Metric> CLV_METRICS = java.util.EnumSet.of(Metric.CLV, Metric.P_ALIVE,
      Metric.CHURN_RISK, Metric.EXPECTED_PURCHASES_90D);

  /** The calibration/holdout split day for a run over purchases from {@code firstDay}, or -1 for none. */
  public static int splitDay(int firstDay, int asOfDay) {
    return ClvStage.splitDay(firstDay, asOfDay);
  }

  /** Reads every scoring setting of the model, throwing {@link strata.scoring.ConfigException} for a bad one. */
  public static void checkScoringSettings(TierModel model) {
    RfmConfig.fromMap(model.scoringSection("rfm"));
    AbcConfig.fromMap(model.scoringSection("abc"));
    LifecycleConfig.fromMap(model.scoringSection("lifecycle"));
    CompositeConfig.fromMap(model.scoringSection("composite"));
    MatrixConfig.fromMap(model.scoringSection("matrix"));
    SizeScores.fromMap(model.scoringSection("size_scores"));
  }

  /** Interactions and survey answers, merged per customer id. */
  private static Map<String, Engagement> engagement(RunInputs in, FormatSniffer.Hints hints,
      Consumer<Rejection> rejects, Progress progress, List<FileQuality> quality) {
    Map<String, Engagement> engagement = new HashMap<>();
    for (var file : new java.nio.file.Path[] {in.interactions(), in.surveys()}) {
      if (file == null) continue;
      progress.phase(Note.of("phase_reading", file.getFileName()));
      SideFiles.Engagements e = file == in.interactions()
          ? SideFiles.interactions(file, hints, in.columnMap(), rejects, in.tempDir())
          : SideFiles.surveys(file, hints, in.columnMap(), rejects, in.tempDir());
      quality.add(e.quality());
      e.byCustomer().forEach((id, v) -> engagement.merge(id, v, Engagement::merge));
    }
    return engagement;
  }

  static RfmScores rfm(PurchaseColumns p, int asOfDay, RfmConfig config) {
    int[] recency = new int[p.size];
    int[] frequency = new int[p.size];
    for (int i = 0; i < p.size; i++) {
      recency[i] = asOfDay - p.lastDay[i];
      frequency[i] = (int) Math.min(Integer.MAX_VALUE, p.orders[i]);
    }
    return RfmScorer.score(recency, frequency, p.netCents, config);
  }

  static FormatSniffer.Hints withCharset(RunInputs in) {
    FormatSniffer.Hints h = in.transactionHints();
    return in.charset() == null ? h : new FormatSniffer.Hints(in.charset(), h.delimiter(), h.columns(), h.dateFormat());
  }

  /** The array grown to {@code size} with zeros: prospects have no purchase days. */
  private static int[] extend(int[] a, int size) {
    return a.length == size ? a : java.util.Arrays.copyOf(a, size);
  }

  private static long size(java.nio.file.Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return -1;
    }
  }

  /** Numbers for company sizes in the strategic component; configurable as {@code scoring.size_scores}. */
  static final class SizeScores {
    static Map<String, Double> fromMap(Map<String, Object> map) {
      Map<String, Double> scores = new LinkedHashMap<>();
      if (map.isEmpty()) {
        for (String s : new String[] {"大型", "large", "enterprise"}) scores.put(s, 100.0);
        for (String s : new String[] {"中型", "medium", "mid"}) scores.put(s, 70.0);
        for (String s : new String[] {"小型", "small"}) scores.put(s, 40.0);
        for (String s : new String[] {"微型", "micro", "个人", "individual"}) scores.put(s, 20.0);
        return scores;
      }
      map.forEach((k, v) -> scores.put(k.toLowerCase(Locale.ROOT),
          strata.scoring.ConfigSection.toDouble("scoring.size_scores." + k, v, 0, 1e9)));
      return scores;
    }
  }
}
