package strata.run;

import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import strata.abc.AbcClassifier;
import strata.cluster.ClusterAnalysis;
import strata.cluster.ClusterFit;
import strata.cluster.ClusterTally;
import strata.identity.IdentityReport;
import strata.intake.FileQuality;
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
import strata.value.CompositeScorer;
import strata.value.CompositeScores;
import strata.value.ValuePotentialMatrix;

/**
 * A part's customers (its buyers, then its prospects) with the scores that need only the first round's context (RFM,
 * segments, ABC, lifecycle, CLV), computed once and kept for the later rounds ({@link PartScoring}), and from the
 * second round on their composite scores. Serializable, so that an engine may keep it between rounds in memory or on
 * disk.
 */
public final class ScoredPart implements java.io.Serializable {
  private static final long serialVersionUID = 1L;
  private final PurchaseColumns part;
  private final PartSide side;
  private final int asOfDay;
  private final String idCharset;
  private final RfmScores rfm;
  private final byte[] classic;
  private final byte[] segment11;
  private final byte[] abc;
  private final byte[] lifecycle;
  private final ClvStage.Result clv;
  /** Null before {@link #withComposite}. */
  private final CompositeScores composite;
  /**
   * The buyers' clusters, described by the part's members alone (their names are the run's); null when the run
   * computes none.
   */
  private final ClusterAnalysis.Result clusters;
  /** The part's members of each cluster counted; null when the run computes no clusters. */
  private final ClusterTally tally;

  private ScoredPart(PurchaseColumns part, PartSide side, int asOfDay, String idCharset, RfmScores rfm,
      byte[] classic, byte[] segment11, byte[] abc, byte[] lifecycle, ClvStage.Result clv, CompositeScores composite,
      ClusterAnalysis.Result clusters, ClusterTally tally) {
    this.part = part;
    this.side = side;
    this.asOfDay = asOfDay;
    this.idCharset = idCharset;
    this.rfm = rfm;
    this.classic = classic;
    this.segment11 = segment11;
    this.abc = abc;
    this.lifecycle = lifecycle;
    this.clv = clv;
    this.composite = composite;
    this.clusters = clusters;
    this.tally = tally;
  }

  /** A part of buyers alone: no customers file, interactions or surveys. */
  public static ScoredPart of(PurchaseColumns part, PartContext c, TierModel model) {
    return of(part, PartSide.NONE, c, model);
  }

  /**
   * Scores a part's customers with the first round's context: everything but the composite score, the matrix and
   * the tiers; each buyer joins its cluster when the run computes them.
   *
   * @param part the part's buyers, frozen at the whole run's split day
   * @param side the part's buyers joined with their profiles and engagement, and its prospects
   */
  public static ScoredPart of(PurchaseColumns part, PartSide side, PartContext c, TierModel model) {
    PartContext.Settings s = c.settings(model);
    RfmScores rfm = rfm(part, c, s.rfm());
    int all = part.size + side.prospects().length;
    ClusterFit.Assigned assigned = c.clusters == null ? null : c.clusters.assign(part, c.asOfDay);
    return new ScoredPart(part, side, c.asOfDay, c.idCharset, rfm, RfmSegments.classic(rfm, c.classicCuts),
        RfmSegments.segment11(rfm), AbcClassifier.classify(part.netCents, c.abcFloors),
        LifecycleRules.classify(Arrays.copyOf(part.firstDay, all), Arrays.copyOf(part.lastDay, all),
            Arrays.copyOf(part.distinctDays, all), c.asOfDay, s.lifecycle(), c.sharedGap),
        ClvStage.predict(c.fits, part, c.asOfDay), null,
        assigned == null ? null : c.clusters.result(assigned.cluster(), assigned.tally()),
        assigned == null ? null : assigned.tally());
  }

  /**
   * The part's members of each cluster counted, to merge into the run's ({@link PartContext#clusters}); null when the
   * run computes no clusters.
   */
  public ClusterTally clusterTally() {
    return tally;
  }

  private static RfmScores rfm(PurchaseColumns p, PartContext c, RfmConfig config) {
    int n = p.size;
    int[] recency = new int[n];
    int[] frequency = new int[n];
    PartCounts.rfmInputs(p, c.asOfDay, recency, frequency);
    if (config.mode() != RfmConfig.Mode.PERCENTILE) return RfmScorer.score(recency, frequency, p.netCents, config);
    byte[] r = new byte[n];
    byte[] f = new byte[n];
    byte[] m = new byte[n];
    for (int i = 0; i < n; i++) {
      r[i] = c.recency.score(recency[i]);
      f[i] = c.frequency.score(frequency[i]);
      m[i] = c.monetary.score(p.netCents[i]);
    }
    return new RfmScores(r, f, m);
  }

  /** The second round: counts the part's composite inputs and its buyers' annual values (prospects have none). */
  public InputCounts inputCounts(TierModel model) {
    PartContext.Settings s = PartContext.Settings.of(model);
    ScoredCustomers scored = customers(null, null);
    Map<String, ValueCounts> inputs = new TreeMap<>();
    for (String name : s.composite().inputNames()) {
      double[] values = CompositeInputs.values(scored, name, s.sizeScores());
      inputs.put(name, values == null ? ValueCounts.EMPTY
          : ValueCounts.ofDoubles(Arrays.stream(values).map(v -> v + 0.0).toArray()));
    }
    double[] annual = new double[part.size];
    for (int i = 0; i < annual.length; i++) annual[i] = scored.annualValue(i);
    return new InputCounts(inputs, ValueCounts.ofDoubles(annual));
  }

  /** The part with its composite scores, ranked by a context of the second round. */
  public ScoredPart withComposite(PartContext c, TierModel model) {
    PartContext.Settings s = c.settings(model);
    ScoredCustomers scored = customers(null, null);
    CompositeScores ranked = CompositeScorer.score(scored.size, (name, lowerIsBetter) -> {
      ValueCounts all = c.inputs.get(name);
      if (all == null || all.total() == 0) return null;
      // Null when none of this part's buyers has the input: they are unknown as in the whole run.
      double[] values = CompositeInputs.values(scored, name, s.sizeScores());
      float[] ranks = new float[scored.size];
      if (values == null) {
        Arrays.fill(ranks, Float.NaN);
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
    return new ScoredPart(part, side, asOfDay, idCharset, rfm, classic, segment11, abc, lifecycle, clv, ranked,
        clusters, tally);
  }

  /** The third round: the part's potential scores (NaN left out). */
  public ValueCounts potentialCounts() {
    double[] potential = new double[composite().potential().length];
    for (int i = 0; i < potential.length; i++) potential[i] = composite().potential()[i];
    return ValueCounts.ofDoubles(potential);
  }

  /**
   * Scores the part's customers with the final context: their rows are those the whole run gives them.
   *
   * @param quality the run's files' quality, as the whole run states it
   * @return the part's customers, with the whole run's notes and no identity report (runs with merges by case are
   *     not scored in parts)
   */
  public RunResult score(PartContext c, TierModel model, int threads, List<FileQuality> quality) {
    ScoredCustomers partial = customers(null, null);
    int n = partial.size;
    double[] value = new double[n];
    double[] potential = new double[n];
    for (int i = 0; i < n; i++) {
      value[i] = i < part.size ? partial.annualValue(i) : Double.NaN; // as the whole run's matrix: prospects unknown
      potential[i] = composite().potential()[i];
    }
    byte[] quadrant = ValuePotentialMatrix.classify(value, potential, c.valueCut, c.potentialCut);
    ScoredCustomers scored = customers(composite, quadrant);
    TierEngine engine = new TierEngine(model);
    scored.tier = engine.assign(n, scored, threads);
    return new RunResult(scored, java.time.LocalDate.ofEpochDay(asOfDay), model, engine, quality, c.notes(model),
        IdentityReport.EMPTY);
  }

  private CompositeScores composite() {
    if (composite == null) throw new IllegalStateException("the part has no composite scores yet (withComposite)");
    return composite;
  }

  private ScoredCustomers customers(CompositeScores composite, byte[] quadrant) {
    ScoredCustomers scored = new ScoredCustomers(asOfDay, part, Charset.forName(idCharset), side.prospects(),
        side.profiles(), side.engagements(), rfm, classic, segment11, abc, lifecycle, composite, quadrant, clv);
    scored.clusters = clusters;
    return scored;
  }
}
