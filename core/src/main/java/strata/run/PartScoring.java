package strata.run;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import strata.abc.AbcClassifier;
import strata.abc.AbcConfig;
import strata.clv.CalibrationData;
import strata.clv.SpendData;
import strata.i18n.Note;
import strata.identity.IdentityReport;
import strata.intake.FileQuality;
import strata.lifecycle.LifecycleConfig;
import strata.lifecycle.LifecycleRules;
import strata.rfm.PercentileRank;
import strata.rfm.RfmConfig;
import strata.rfm.RfmScorer;
import strata.rfm.RfmScores;
import strata.rfm.RfmSegments;
import strata.scoring.ValueCounts;
import strata.summary.PurchaseColumns;
import strata.tier.TierEngine;
import strata.tier.TierModel;
import strata.value.CompositeConfig;
import strata.value.CompositeScorer;
import strata.value.CompositeScores;
import strata.value.MatrixConfig;
import strata.value.ValuePotentialMatrix;

/**
 * A run's buyers scored in parts, for an engine whose machine cannot hold them all (Spark's driver): each part is
 * scored with {@link ScoringRun#score}'s own methods and the whole run's {@link Context}, so every customer gets the
 * row the whole run gives. The context is built from statistics that parts count and merge, in three rounds as the
 * methods depend on each other: {@link Counts} (values of recency, frequency and spend, repeat gaps, the fits'
 * samples), then {@link InputCounts} (the composite inputs, which include CLV), then the potential scores (the
 * matrix's median). Each holds one entry per distinct value or sampled buyer, never one per buyer of the run.
 *
 * <p>Runs with profiles or engagement, predictions (churn, clusters, product preference), a tier history, ids merged
 * by case, or outlier amounts to compare need every customer at once and are not scored in parts ({@link #applies}).
 */
public final class PartScoring {
  private PartScoring() {}

  /**
   * Whether a run of these inputs and model may be scored in parts: none of what needs every customer at once.
   *
   * @param outlierRows amount outliers the transactions' quality found
   */
  public static boolean applies(RunInputs in, TierModel model, Predictions predictions, long outlierRows) {
    return in.customers() == null && in.interactions() == null && in.surveys() == null && !in.merges().caseIds()
        && !predictions.churnFor(model) && !predictions.clustersFor(model) && !predictions.productsFor(model)
        && outlierRows == 0;
  }

  /**
   * Where a part's buyers stand in the whole run, which the fits' evenly spread samples are taken by.
   *
   * @param index each buyer's position among all buyers in order of first appearance
   * @param indexUpToSplit its position among the buyers who bought up to the split day, -1 for the others
   * @param buyers the run's buyers
   * @param buyersUpToSplit the run's buyers who bought up to the split day
   */
  public record Positions(long[] index, long[] indexUpToSplit, long buyers, long buyersUpToSplit) {
    /** The positions of the rows {@code rows} of the whole run's buyers {@code all}. */
    public static Positions of(PurchaseColumns all, int[] rows) {
      long[] upToSplit = new long[all.size];
      long bought = 0;
      for (int i = 0; i < all.size; i++) {
        upToSplit[i] = all.daysUpToSplit != null && all.daysUpToSplit[i] > 0 ? bought++ : -1;
      }
      long[] index = new long[rows.length];
      long[] partUpToSplit = new long[rows.length];
      for (int k = 0; k < rows.length; k++) {
        index[k] = rows[k];
        partUpToSplit[k] = upToSplit[rows[k]];
      }
      return new Positions(index, partUpToSplit, all.size, bought);
    }
  }

  /** The first round: what RFM, ABC, lifecycle and the CLV fits need of all buyers. */
  public static final class Counts implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private final long buyers;
    private final int minRepeats;
    private final ValueCounts recency;
    private final ValueCounts frequency;
    private final ValueCounts monetary;
    private final ValueCounts repeatGaps;
    /** Sampled buyers for the fits: index, x, tx, T, spend x, mean spend. */
    private final List<double[]> fitRows;
    /** Sampled buyers up to the split for the holdout check: index, x, tx, T, purchase days after. */
    private final List<double[]> holdoutRows;

    private Counts(long buyers, int minRepeats, ValueCounts recency, ValueCounts frequency, ValueCounts monetary,
        ValueCounts repeatGaps, List<double[]> fitRows, List<double[]> holdoutRows) {
      this.buyers = buyers;
      this.minRepeats = minRepeats;
      this.recency = recency;
      this.frequency = frequency;
      this.monetary = monetary;
      this.repeatGaps = repeatGaps;
      this.fitRows = fitRows;
      this.holdoutRows = holdoutRows;
    }

    /** Both parts' counts together. */
    public Counts merge(Counts other) {
      List<double[]> fits = new ArrayList<>(fitRows);
      fits.addAll(other.fitRows);
      List<double[]> holdouts = new ArrayList<>(holdoutRows);
      holdouts.addAll(other.holdoutRows);
      return new Counts(buyers + other.buyers, Math.min(minRepeats, other.minRepeats), recency.merge(other.recency),
          frequency.merge(other.frequency), monetary.merge(other.monetary), repeatGaps.merge(other.repeatGaps), fits,
          holdouts);
    }

    public long buyers() {
      return buyers;
    }
  }

  /**
   * Counts a part's buyers.
   *
   * @param part the part's buyers, frozen at the whole run's split day
   */
  public static Counts counts(PurchaseColumns part, Positions at, int asOfDay) {
    int n = part.size;
    long[] recency = new long[n];
    long[] frequency = new long[n];
    int minRepeats = Integer.MAX_VALUE;
    int[] rfmRecency = new int[n];
    int[] rfmFrequency = new int[n];
    rfmInputs(part, asOfDay, rfmRecency, rfmFrequency);
    for (int i = 0; i < n; i++) {
      recency[i] = rfmRecency[i];
      frequency[i] = rfmFrequency[i];
      minRepeats = Math.min(minRepeats, part.distinctDays[i] - 1);
    }
    CalibrationData data = n == 0 ? null : ClvStage.calibration(part, asOfDay);
    SpendData spend = n == 0 ? null : ClvStage.spend(part);
    long step = ClvStage.step(at.buyers());
    long stepUpToSplit = ClvStage.step(at.buyersUpToSplit());
    List<double[]> fitRows = new ArrayList<>();
    List<double[]> holdoutRows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (at.index()[i] % step == 0) {
        fitRows.add(new double[] {at.index()[i], data.x()[i], data.tx()[i], data.T()[i], spend.x()[i],
            spend.meanSpend()[i]});
      }
      long k = at.indexUpToSplit()[i];
      if (k >= 0 && k % stepUpToSplit == 0) {
        double[] row = ClvStage.holdoutRow(part, i);
        holdoutRows.add(new double[] {k, row[0], row[1], row[2], row[3]});
      }
    }
    return new Counts(n, minRepeats, ValueCounts.of(recency), ValueCounts.of(frequency),
        ValueCounts.of(part.netCents.clone()),
        ValueCounts.ofDoubles(LifecycleRules.repeatGaps(part.firstDay, part.lastDay, part.distinctDays)), fitRows,
        holdoutRows);
  }

  /** RFM's recency and frequency as {@link ScoringRun#rfm} takes them. */
  private static void rfmInputs(PurchaseColumns p, int asOfDay, int[] recency, int[] frequency) {
    for (int i = 0; i < p.size; i++) {
      recency[i] = asOfDay - p.lastDay[i];
      frequency[i] = (int) Math.min(Integer.MAX_VALUE, p.orders[i]);
    }
  }

  /** The second round: each composite input's values and the annual values (the matrix's value axis). */
  public static final class InputCounts implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    /** By input name; values with -0.0 counted as 0.0, as the ranks take them. */
    private final Map<String, ValueCounts> inputs;
    private final ValueCounts annualValue;

    private InputCounts(Map<String, ValueCounts> inputs, ValueCounts annualValue) {
      this.inputs = inputs;
      this.annualValue = annualValue;
    }

    public InputCounts merge(InputCounts other) {
      Map<String, ValueCounts> merged = new java.util.TreeMap<>(inputs);
      other.inputs.forEach((name, counts) -> merged.merge(name, counts, ValueCounts::merge));
      return new InputCounts(merged, annualValue.merge(other.annualValue));
    }
  }

  /** Counts a part's composite inputs, with a context of the first round. */
  public static InputCounts inputCounts(PurchaseColumns part, Context context, TierModel model) {
    ScoredCustomers partial = partial(part, context, model);
    Map<String, ValueCounts> inputs = new java.util.TreeMap<>();
    for (String name : context.settings(model).composite().inputNames()) {
      double[] values = CompositeInputs.values(partial, name, context.settings(model).sizeScores());
      inputs.put(name, values == null ? ValueCounts.EMPTY
          : ValueCounts.ofDoubles(java.util.Arrays.stream(values).map(v -> v + 0.0).toArray()));
    }
    double[] annual = new double[part.size];
    for (int i = 0; i < annual.length; i++) annual[i] = partial.annualValue(i);
    return new InputCounts(inputs, ValueCounts.ofDoubles(annual));
  }

  /** The third round: a part's potential scores (NaN left out), with a context of the second. */
  public static ValueCounts potentialCounts(PurchaseColumns part, Context context, TierModel model) {
    CompositeScores composite = composite(partial(part, context, model), context, model);
    double[] potential = new double[part.size];
    for (int i = 0; i < potential.length; i++) potential[i] = composite.potential()[i];
    return ValueCounts.ofDoubles(potential);
  }

  /** A run's scoring settings, read from its model. */
  record Settings(RfmConfig rfm, AbcConfig abc, LifecycleConfig lifecycle, CompositeConfig composite,
      MatrixConfig matrix, Map<String, Double> sizeScores) {
    static Settings of(TierModel model) {
      return new Settings(RfmConfig.fromMap(model.scoringSection("rfm")),
          AbcConfig.fromMap(model.scoringSection("abc")),
          LifecycleConfig.fromMap(model.scoringSection("lifecycle")),
          CompositeConfig.fromMap(model.scoringSection("composite")),
          MatrixConfig.fromMap(model.scoringSection("matrix")),
          ScoringRun.SizeScores.fromMap(model.scoringSection("size_scores")));
    }
  }

  /**
   * What scoring one buyer needs of all the others: rank tables, ABC floors, the gap for one-day buyers, the fits,
   * and (from the later rounds) the composite inputs' ranks and the matrix cuts. Small enough to send to every part.
   */
  public static final class Context implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    final int asOfDay;
    final String idCharset;
    final long buyers;
    final ValueCounts recency;
    final ValueCounts frequency;
    final ValueCounts monetary;
    final double[] classicCuts;
    final long[] abcFloors;
    final double sharedGap;
    final ClvStage.Fits fits;
    /** Null before the second round. */
    final InputCounts inputs;
    /** NaN before the third round. */
    final double valueCut;
    final double potentialCut;
    private transient Settings settings;

    private Context(int asOfDay, String idCharset, long buyers, ValueCounts recency, ValueCounts frequency, ValueCounts monetary,
        double[] classicCuts, long[] abcFloors, double sharedGap, ClvStage.Fits fits, InputCounts inputs,
        double valueCut, double potentialCut) {
      this.asOfDay = asOfDay;
      this.idCharset = idCharset;
      this.buyers = buyers;
      this.recency = recency;
      this.frequency = frequency;
      this.monetary = monetary;
      this.classicCuts = classicCuts;
      this.abcFloors = abcFloors;
      this.sharedGap = sharedGap;
      this.fits = fits;
      this.inputs = inputs;
      this.valueCut = valueCut;
      this.potentialCut = potentialCut;
    }

    /**
     * The first round's context: fits the CLV models (and runs the holdout check) on the sampled buyers.
     *
     * @param idCharset the encoding the parts' ids are stored in
     * @param splitDay the run's calibration/holdout split day, -1 for none
     * @throws IllegalArgumentException for a run without buyers
     */
    public static Context of(Counts all, TierModel model, java.nio.charset.Charset idCharset, int asOfDay,
        int splitDay) {
      if (all.buyers == 0) throw new IllegalArgumentException("a run scored in parts needs buyers");
      Settings s = Settings.of(model);
      CompositeInputs.check(s.composite().inputNames()); // on the driver, before any part is scored
      int buckets = s.rfm().buckets();
      boolean percentile = s.rfm().mode() == RfmConfig.Mode.PERCENTILE;
      double[] cuts = s.rfm().segmentCut().isPresent()
          ? RfmSegments.highCuts(new RfmScores(new byte[0], new byte[0], new byte[0]), s.rfm().segmentCut())
          : meanScores(all, s.rfm(), percentile, buckets);
      long[] floors = AbcClassifier.floors(visit -> {
        for (int k = all.monetary.distinct() - 1; k >= 0 && all.monetary.value(k) > 0; k--) {
          if (!visit.group(all.monetary.value(k), all.monetary.count(k))) return;
        }
      }, s.abc());
      double gap = s.lifecycle().mode() == LifecycleConfig.Mode.RELATIVE ? all.repeatGaps.median() : Double.NaN;
      ClvStage.Fits fits = ClvStage.fit(calibration(all.fitRows), () -> spend(all.fitRows), all.minRepeats,
          () -> splitDay < 0 ? null : holdout(all.holdoutRows, (asOfDay - splitDay) / ClvStage.WEEK));
      return new Context(asOfDay, idCharset.name(), all.buyers, all.recency, all.frequency, all.monetary, cuts, floors, gap, fits, null,
          Double.NaN, Double.NaN);
    }

    /** The second round's context: the composite inputs of all buyers. */
    public Context withInputs(InputCounts all) {
      return new Context(asOfDay, idCharset, buyers, recency, frequency, monetary, classicCuts, abcFloors, sharedGap, fits, all,
          Double.NaN, Double.NaN);
    }

    /** The final context: the matrix cuts, from all buyers' annual values and potential scores. */
    public Context withPotentials(ValueCounts all, TierModel model) {
      MatrixConfig matrix = settings(model).matrix();
      return new Context(asOfDay, idCharset, buyers, recency, frequency, monetary, classicCuts, abcFloors, sharedGap, fits,
          inputs, matrix.valueCut().orElse(inputs.annualValue.median()),
          matrix.potentialCut().orElse(all.median()));
    }

    /**
     * The notes the whole run states about scoring: the fits', and the composite inputs nobody has (second round
     * on).
     */
    public List<Note> notes(TierModel model) {
      List<Note> notes = new ArrayList<>(fits.notes());
      if (inputs != null) {
        List<String> absent = settings(model).composite().inputNames().stream()
            .filter(name -> !inputs.inputs.containsKey(name) || inputs.inputs.get(name).total() == 0).toList();
        if (!absent.isEmpty()) notes.add(Note.of("composite_inputs_missing", String.join(", ", absent)));
      }
      return notes;
    }

    Settings settings(TierModel model) {
      if (settings == null) settings = Settings.of(model);
      return settings;
    }
  }

  /** The mean R, F and M scores of all buyers, from the counts of their values. */
  private static double[] meanScores(Counts all, RfmConfig config, boolean percentile, int buckets) {
    double[] means = new double[3];
    ValueCounts[] dims = {all.recency, all.frequency, all.monetary};
    for (int d = 0; d < 3; d++) {
      ValueCounts c = dims[d];
      long sum = 0;
      for (int k = 0; k < c.distinct(); k++) {
        long v = c.value(k);
        int score;
        if (percentile) {
          score = PercentileRank.score(d == 0 ? c.above(v) : c.below(v), all.buyers, buckets);
        } else {
          score = thresholdScore(d, v, config);
        }
        sum += score * c.count(k);
      }
      means[d] = (double) sum / all.buyers;
    }
    return means;
  }

  /** One value's score in thresholds mode, by the scorer itself. */
  private static int thresholdScore(int dimension, long value, RfmConfig config) {
    int[] r = {dimension == 0 ? (int) value : 0};
    int[] f = {dimension == 1 ? (int) value : 0};
    long[] m = {dimension == 2 ? value : 0};
    RfmScores s = RfmScorer.score(r, f, m, config);
    return (dimension == 0 ? s.r() : dimension == 1 ? s.f() : s.m())[0];
  }

  private static CalibrationData calibration(List<double[]> fitRows) {
    List<double[]> rows = sorted(fitRows);
    return new CalibrationData(column(rows, 1), column(rows, 2), column(rows, 3));
  }

  private static SpendData spend(List<double[]> fitRows) {
    List<double[]> rows = sorted(fitRows);
    return new SpendData(column(rows, 4), column(rows, 5));
  }

  private static ClvStage.Holdout holdout(List<double[]> holdoutRows, double weeks) {
    List<double[]> rows = sorted(holdoutRows);
    return ClvStage.holdout(column(rows, 1), column(rows, 2), column(rows, 3), column(rows, 4), weeks);
  }

  /** Rows in the order of the buyers they came from, the order the whole run's sample has. */
  private static List<double[]> sorted(List<double[]> rows) {
    List<double[]> out = new ArrayList<>(rows);
    out.sort(Comparator.comparingDouble(r -> r[0]));
    return out;
  }

  private static double[] column(List<double[]> rows, int c) {
    return rows.stream().mapToDouble(r -> r[c]).toArray();
  }

  /** Everything but the composite score, the matrix and the tiers. */
  private static ScoredCustomers partial(PurchaseColumns p, Context c, TierModel model) {
    Settings s = c.settings(model);
    RfmScores rfm = rfm(p, c, s.rfm());
    byte[] classic = RfmSegments.classic(rfm, c.classicCuts);
    byte[] segment11 = RfmSegments.segment11(rfm);
    byte[] abc = AbcClassifier.classify(p.netCents, c.abcFloors);
    byte[] lifecycle = LifecycleRules.classify(p.firstDay, p.lastDay, p.distinctDays, c.asOfDay, s.lifecycle(),
        c.sharedGap);
    ClvStage.Result clv = ClvStage.predict(c.fits, p, c.asOfDay);
    return new ScoredCustomers(c.asOfDay, p, java.nio.charset.Charset.forName(c.idCharset), new String[0], null, null, rfm,
        classic, segment11, abc, lifecycle, null, null, clv);
  }

  private static RfmScores rfm(PurchaseColumns p, Context c, RfmConfig config) {
    int n = p.size;
    int[] recency = new int[n];
    int[] frequency = new int[n];
    rfmInputs(p, c.asOfDay, recency, frequency);
    if (config.mode() != RfmConfig.Mode.PERCENTILE) return RfmScorer.score(recency, frequency, p.netCents, config);
    int buckets = config.buckets();
    byte[] r = new byte[n];
    byte[] f = new byte[n];
    byte[] m = new byte[n];
    for (int i = 0; i < n; i++) {
      r[i] = PercentileRank.score(c.recency.above(recency[i]), c.buyers, buckets);
      f[i] = PercentileRank.score(c.frequency.below(frequency[i]), c.buyers, buckets);
      m[i] = PercentileRank.score(c.monetary.below(p.netCents[i]), c.buyers, buckets);
    }
    return new RfmScores(r, f, m);
  }

  private static CompositeScores composite(ScoredCustomers partial, Context c, TierModel model) {
    Settings s = c.settings(model);
    return CompositeScorer.score(partial.size, (name, lowerIsBetter) -> {
      ValueCounts all = c.inputs.inputs.get(name);
      if (all == null || all.total() == 0) return null;
      // Null when none of this part's buyers has the input: they are unknown as in the whole run.
      double[] values = CompositeInputs.values(partial, name, s.sizeScores());
      float[] ranks = new float[partial.size];
      if (values == null) {
        java.util.Arrays.fill(ranks, Float.NaN);
        return ranks;
      }
      for (int i = 0; i < values.length; i++) {
        double v = values[i];
        long key = ValueCounts.key(v + 0.0);
        ranks[i] = Double.isNaN(v) ? Float.NaN
            : PercentileRank.fraction(lowerIsBetter ? all.above(key) : all.below(key), all.total());
      }
      return ranks;
    }, s.composite());
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

  /**
   * Scores a part's buyers with the final context: their rows are those the whole run gives them.
   *
   * @param quality the run's files' quality, as the whole run states it
   * @return the part's customers, with the whole run's notes and no identity report (runs with merges by case are
   *     not scored in parts)
   */
  public static RunResult score(PurchaseColumns part, Context context, TierModel model, int threads,
      List<FileQuality> quality) {
    ScoredCustomers partial = partial(part, context, model);
    CompositeScores composite = composite(partial, context, model);
    int n = part.size;
    double[] value = new double[n];
    double[] potential = new double[n];
    for (int i = 0; i < n; i++) {
      value[i] = partial.annualValue(i);
      potential[i] = composite.potential()[i];
    }
    byte[] quadrant = ValuePotentialMatrix.classify(value, potential, context.valueCut, context.potentialCut);
    ScoredCustomers scored = new ScoredCustomers(context.asOfDay, part, partial.idCharset, new String[0], null, null,
        partial.rfm, partial.classicSegment, partial.segment11, partial.abc, partial.lifecycle, composite, quadrant,
        partial.clv);
    TierEngine engine = new TierEngine(model);
    scored.tier = engine.assign(n, scored, threads);
    return new RunResult(scored, java.time.LocalDate.ofEpochDay(context.asOfDay), model, engine, quality,
        context.notes(model), IdentityReport.EMPTY);
  }
}
