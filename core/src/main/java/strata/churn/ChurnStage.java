package strata.churn;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import strata.clv.BgNbd;
import strata.clv.CalibrationData;
import strata.clv.ClvException;
import strata.i18n.Note;
import strata.run.ClvStage;
import strata.summary.PurchaseColumns;
import strata.summary.RowOrder;

/**
 * The churn step from two reads of the same transactions: as of a cut-off (features and BG/NBD for training) and as
 * of the as-of date (outcomes after the cut-off, and the customers to score). Customers are matched by id.
 *
 * <p>For the 90-day trend features, freeze each read with its split 90 days before its own as-of day.
 */
public final class ChurnStage {
  private ChurnStage() {}

  /**
   * @param atCut summaries of purchases up to {@code cutDay}
   * @param atAsOf summaries up to {@code asOfDay}; the window is {@code asOfDay - cutDay} days, for the outcome and
   *     for the prediction
   * @param ids charset of the ids of both reads
   */
  public static ChurnResult run(PurchaseColumns atCut, int cutDay, ChurnFeatures.Side sideAtCut,
      PurchaseColumns atAsOf, int asOfDay, ChurnFeatures.Side sideAtAsOf, Charset ids, long seed) {
    if (asOfDay <= cutDay) throw new IllegalArgumentException("the as-of day must follow the cut-off");
    double windowWeeks = (asOfDay - cutDay) / 7.0;
    if (atCut.size == 0 || atAsOf.size == 0) {
      return ChurnResult.notComputed(atAsOf.size, null, null, Note.of("churn_no_buyers_before_cut"));
    }
    Inputs in;
    Note failure = null;
    try {
      in = Inputs.of(atCut, cutDay, sideAtCut, atAsOf, asOfDay, sideAtAsOf, ids, windowWeeks, true);
    } catch (ClvException e) {
      failure = e.reason();
      in = Inputs.of(atCut, cutDay, sideAtCut, atAsOf, asOfDay, sideAtAsOf, ids, windowWeeks, false);
    }
    ChurnResult r = ChurnAnalysis.run(in.train, churned(atCut, atAsOf, cutDay), in.trainBaseline, in.score,
        in.scoreBaseline, seed, byId(atCut, ids));
    if (failure == null) return r;
    var notes = new java.util.ArrayList<>(r.notes());
    notes.add(0, Note.of("churn_without_bgnbd").because(failure));
    return new ChurnResult(r.classifier(), r.baseline(), r.usesClassifier(), r.churnProb(), r.reasonFeature(),
        r.reasonContribution(), r.features(), notes);
  }

  /**
   * The buyers' rows in order of their ids (as text, whatever the encoding they are stored in): the classifier trains
   * on them in this order, so a file run (rows in order of first appearance) and the server (rows by id) train the
   * same model on the same customers.
   */
  static int[] byId(PurchaseColumns p, Charset charset) {
    String[] ids = new String[p.size];
    for (int i = 0; i < p.size; i++) ids[i] = p.customerId(i, charset);
    return RowOrder.byText(ids);
  }

  /** Per customer of {@code atCut}: no purchase after {@code cutDay} in {@code later}. */
  static boolean[] churned(PurchaseColumns atCut, PurchaseColumns later, int cutDay) {
    // ISO-8859-1 maps each byte to one char, so distinct ids stay distinct whatever the file's encoding.
    Map<String, Integer> index = new HashMap<>(later.size * 2);
    for (int i = 0; i < later.size; i++) index.put(later.customerId(i, StandardCharsets.ISO_8859_1), i);
    boolean[] churned = new boolean[atCut.size];
    for (int i = 0; i < atCut.size; i++) {
      Integer j = index.get(atCut.customerId(i, StandardCharsets.ISO_8859_1));
      churned[i] = j == null || later.lastDay[j] <= cutDay;
    }
    return churned;
  }

  /** The classifier's inputs from both reads, with BG/NBD's features and baselines or without them. */
  private record Inputs(ChurnFeatures train, ChurnFeatures score, Baseline trainBaseline, Baseline scoreBaseline) {
    /**
     * @throws ClvException with {@code bgNbd} when BG/NBD cannot be fitted on either read, or cannot predict for its
     *     customers (a + b &lt;= 1 leaves it undefined for those without repeat purchases): both feature sets then go
     *     without it, so that their columns agree
     */
    static Inputs of(PurchaseColumns atCut, int cutDay, ChurnFeatures.Side sideAtCut, PurchaseColumns atAsOf,
        int asOfDay, ChurnFeatures.Side sideAtAsOf, Charset ids, double windowWeeks, boolean bgNbd) {
      BgNbd bgCut = bgNbd ? fit(atCut, cutDay) : null;
      BgNbd bgNow = bgNbd ? fit(atAsOf, asOfDay) : null;
      return new Inputs(ChurnFeatures.of(atCut, cutDay, bgCut, sideAtCut, ids),
          ChurnFeatures.of(atAsOf, asOfDay, bgNow, sideAtAsOf, ids),
          bgNbd ? Baseline.of(bgCut, ClvStage.calibration(atCut, cutDay, 7.0), windowWeeks) : null,
          bgNbd ? Baseline.of(bgNow, ClvStage.calibration(atAsOf, asOfDay, 7.0), windowWeeks) : null);
    }

    /**
     * Fitted on the customers in order of (x, t_x, T): the likelihood's sum, and so the fit's last digits, depend on
     * the order of its terms, and these digits reach the classifier's features; ordered, every engine fits the same.
     */
    private static BgNbd fit(PurchaseColumns p, int day) {
      return BgNbd.fit(ClvStage.sample(ordered(ClvStage.calibration(p, day, 7.0)))).model();
    }

    private static CalibrationData ordered(CalibrationData d) {
      double[][] rows = new double[d.size()][];
      for (int i = 0; i < rows.length; i++) rows[i] = new double[] {d.x()[i], d.tx()[i], d.T()[i]};
      int[] order = RowOrder.lexicographic(rows);
      double[] x = new double[order.length];
      double[] tx = new double[order.length];
      double[] t = new double[order.length];
      for (int k = 0; k < order.length; k++) {
        x[k] = d.x()[order[k]];
        tx[k] = d.tx()[order[k]];
        t[k] = d.T()[order[k]];
      }
      return new CalibrationData(x, tx, t);
    }
  }
}
