package strata.run;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import strata.abc.AbcClassifier;
import strata.abc.AbcConfig;
import strata.cluster.ClusterAnalysis;
import strata.cluster.ClusterFit;
import strata.cluster.ClusterTally;
import strata.clv.CalibrationData;
import strata.clv.SpendData;
import strata.i18n.Note;
import strata.lifecycle.LifecycleConfig;
import strata.rfm.PercentileRank;
import strata.rfm.RfmConfig;
import strata.rfm.RfmScorer;
import strata.rfm.RfmScores;
import strata.rfm.RfmSegments;
import strata.scoring.ValueCounts;
import strata.tier.TierModel;
import strata.value.CompositeConfig;
import strata.value.MatrixConfig;

/**
 * What scoring one buyer needs of all the others ({@link PartScoring}): rank tables, ABC floors, the gap for one-day
 * buyers, the fits, the clusters' centres, and (from the later rounds) the composite inputs' ranks and the matrix
 * cuts. Small enough to send to every part.
 */
public final class PartContext implements java.io.Serializable {
  private static final long serialVersionUID = 1L;
  final int asOfDay;
  final String idCharset;
  /** R, F and M scores in percentile mode, null in thresholds mode. */
  final PercentileSteps recency;
  final PercentileSteps frequency;
  final PercentileSteps monetary;
  final double[] classicCuts;
  final long[] abcFloors;
  final double sharedGap;
  final ClvStage.Fits fits;
  /** By input name (see {@link InputCounts}); null before the second round. */
  final Map<String, ValueCounts> inputs;
  /** The median of all buyers' annual values; NaN before the second round. */
  final double annualMedian;
  /** NaN before the third round. */
  final double valueCut;
  final double potentialCut;
  /** Null when the run computes no clusters. */
  final ClusterFit clusters;
  private transient Settings settings;

  private PartContext(int asOfDay, String idCharset, PercentileSteps recency, PercentileSteps frequency,
      PercentileSteps monetary, double[] classicCuts, long[] abcFloors, double sharedGap, ClvStage.Fits fits,
      Map<String, ValueCounts> inputs, double annualMedian, double valueCut, double potentialCut, ClusterFit clusters) {
    this.asOfDay = asOfDay;
    this.idCharset = idCharset;
    this.recency = recency;
    this.frequency = frequency;
    this.monetary = monetary;
    this.classicCuts = classicCuts;
    this.abcFloors = abcFloors;
    this.sharedGap = sharedGap;
    this.fits = fits;
    this.inputs = inputs;
    this.annualMedian = annualMedian;
    this.valueCut = valueCut;
    this.potentialCut = potentialCut;
    this.clusters = clusters;
  }

  /**
   * The first round's context: fits the CLV models (and runs the holdout check) and, when the counts hold a sample for
   * them ({@link PartCounts#withClusters}), the clusters on the sampled buyers.
   *
   * @param idCharset the encoding the parts' ids are stored in
   * @param splitDay the run's calibration/holdout split day, -1 for none
   * @throws IllegalArgumentException for a run without buyers
   */
  public static PartContext of(PartCounts all, TierModel model, Charset idCharset, int asOfDay, int splitDay) {
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
    return new PartContext(asOfDay, idCharset.name(), percentile ? PercentileSteps.of(all.recency, true, buckets) : null,
        percentile ? PercentileSteps.of(all.frequency, false, buckets) : null,
        percentile ? PercentileSteps.of(all.monetary, false, buckets) : null, cuts, floors, gap, fits, null, Double.NaN,
        Double.NaN, Double.NaN, all.clusters == null ? null : Predictions.clusterFit(all.clusters, model));
  }

  /** The second round's context: the composite inputs of all buyers. */
  public PartContext withInputs(InputCounts all) {
    return new PartContext(asOfDay, idCharset, recency, frequency, monetary, classicCuts, abcFloors, sharedGap, fits,
        all.inputs, all.annualValue.median(), Double.NaN, Double.NaN, clusters);
  }

  /** The final context: the matrix cuts, from all buyers' annual values and potential scores. */
  public PartContext withPotentials(ValueCounts all, TierModel model) {
    MatrixConfig matrix = settings(model).matrix();
    return new PartContext(asOfDay, idCharset, recency, frequency, monetary, classicCuts, abcFloors, sharedGap, fits,
        inputs, annualMedian, matrix.valueCut().orElse(annualMedian), matrix.potentialCut().orElse(all.median()),
        clusters);
  }

  /**
   * The notes the whole run states about scoring: the fits', the composite inputs nobody has (second round on) and
   * why clusters were not computed.
   */
  public List<Note> notes(TierModel model) {
    List<Note> notes = new ArrayList<>(fits.notes());
    if (inputs != null) {
      List<String> absent = settings(model).composite().inputNames().stream()
          .filter(name -> !inputs.containsKey(name) || inputs.get(name).total() == 0).toList();
      if (!absent.isEmpty()) notes.add(Note.of("composite_inputs_missing", String.join(", ", absent)));
    }
    if (clusters != null) notes.addAll(clusters.notes());
    return notes;
  }

  /**
   * The run's clusters described by the tally of all buyers ({@link ScoredPart#clusterTally}, merged); null when the
   * run computes none.
   */
  public ClusterAnalysis.Result clusters(ClusterTally all) {
    return clusters == null ? null : clusters.result(new int[0], all);
  }

  Settings settings(TierModel model) {
    if (settings == null) settings = Settings.of(model);
    return settings;
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

  /** The mean R, F and M scores of all buyers, from the counts of their values. */
  private static double[] meanScores(PartCounts all, RfmConfig config, boolean percentile, int buckets) {
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
}
