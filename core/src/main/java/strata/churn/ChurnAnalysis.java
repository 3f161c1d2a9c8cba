package strata.churn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import strata.i18n.Note;

/**
 * Trains the churn classifier time-honestly and scores with it: features as of a cut-off, outcome "no purchase in the
 * window after it"; 30 % of the customers (of each outcome) are held out to compare it with the BG/NBD baseline, 15 %
 * calibrate its probabilities (Platt scaling), the trees trained on the rest then score the customers as of the as-of
 * date and the calibration maps their probabilities.
 */
public final class ChurnAnalysis {
  static final int MIN_CUSTOMERS = 50;
  static final int MIN_PER_OUTCOME = 10;
  /** Held-out share in tenths (integer arithmetic: 0.3 × 1000 in doubles rounds up to 301). */
  static final int HELD_OUT_TENTHS = 3;
  /**
   * Share of each outcome, in hundredths, set aside to calibrate the probabilities: boosted trees' probabilities are
   * typically pushed towards 0 and 1 (Niculescu-Mizil and Caruana 2005); two Platt parameters need few customers, so
   * the trees keep most of the rest to learn from.
   */
  static final int CALIBRATION_PERCENT = 15;

  private ChurnAnalysis() {}

  /**
   * @param train features as of the cut-off
   * @param churned per training row: no purchase in the window after the cut-off
   * @param trainBaseline BG/NBD's prediction for that window, per training row
   * @param score features as of the as-of date (same columns as {@code train})
   * @param scoreBaseline BG/NBD's prediction for the next window, per scored row; used when the classifier loses
   * @return without a classifier to compare (too few customers or outcomes, features that never vary, training
   *     failed) {@code churnProb} is NaN for everyone: the baseline was not shown to rank churners any better than
   *     chance on these customers, and a filled column would read as a prediction the run could not check
   */
  public static ChurnResult run(ChurnFeatures train, boolean[] churned, Baseline trainBaseline, ChurnFeatures score,
      Baseline scoreBaseline, long seed) {
    return run(train, churned, trainBaseline, score, scoreBaseline, seed,
        IntStream.range(0, churned.length).toArray());
  }

  /**
   * As above, with the training rows taken in {@code order} (a permutation of them): the split and the booster's row
   * sampling follow the order rows are given in, so engines that read the same customers in different orders give
   * them the same probabilities when they pass the same order (ChurnStage: by customer id).
   */
  public static ChurnResult run(ChurnFeatures train, boolean[] churned, Baseline trainBaseline, ChurnFeatures score,
      Baseline scoreBaseline, long seed, int[] order) {
    if (!train.names.equals(score.names)) throw new IllegalArgumentException("training and scoring features differ");
    int[][] split;
    try {
      split = split(churned, order, seed);
    } catch (ChurnException e) {
      return ChurnResult.notComputed(score.rows, null, null, e.note());
    }
    int[] fit = split[0];
    int[] held = split[1];
    int[] calibration = split[2];
    boolean[] heldChurned = new boolean[held.length];
    for (int k = 0; k < held.length; k++) heldChurned[k] = churned[held[k]];
    Evaluation base = trainBaseline == null ? null : baseline(trainBaseline, held, heldChurned);
    Booster booster;
    try {
      requireVarying(train, fit);
      booster = Booster.train(train, fit, churned, seed);
    } catch (ChurnException e) {
      return ChurnResult.notComputed(score.rows, base, null, e.note());
    }
    try {
      PlattScaling platt = calibrate(booster, train, calibration, churned);
      double[] p = booster.predict(train, held);
      Evaluation classifier = Evaluation.calibrated(p, platt.apply(p), platt, heldChurned);
      List<Note> notes = new ArrayList<>();
      if (base != null && classifier.auc() <= base.auc()) {
        notes.add(Note.of("churn_baseline_wins", String.format(Locale.ROOT, "%.3f", classifier.auc()),
            String.format(Locale.ROOT, "%.3f", base.auc())));
        float[] fallback = scoreBaseline == null ? null : floats(scoreBaseline.probabilityNone());
        ChurnResult r = ChurnResult.notComputed(score.rows, base, fallback, notes.get(0));
        return new ChurnResult(classifier, base, false, r.churnProb(), r.reasonFeature(), r.reasonContribution(),
            train.names, notes);
      }
      int[] all = IntStream.range(0, score.rows).toArray();
      double[] prob = platt.apply(booster.predict(score, all));
      float[][] contrib = booster.contributions(score, all);
      int[] reasonFeature = new int[score.rows * ChurnResult.REASONS];
      float[] reasonContribution = new float[score.rows * ChurnResult.REASONS];
      for (int i = 0; i < score.rows; i++) top(contrib[i], score.columns(), i, reasonFeature, reasonContribution);
      return new ChurnResult(classifier, base, true, floats(prob), reasonFeature, reasonContribution, train.names, notes);
    } finally {
      booster.dispose();
    }
  }

  private static PlattScaling calibrate(Booster booster, ChurnFeatures train, int[] rows, boolean[] churned) {
    boolean[] outcome = new boolean[rows.length];
    for (int k = 0; k < rows.length; k++) outcome[k] = churned[rows[k]];
    return PlattScaling.fit(booster.predict(train, rows), outcome);
  }

  private static Evaluation baseline(Baseline b, int[] held, boolean[] heldChurned) {
    double[] score = new double[held.length];
    double[] prob = new double[held.length];
    for (int k = 0; k < held.length; k++) {
      score[k] = -b.expected()[held[k]];
      prob[k] = b.probabilityNone()[held[k]];
    }
    for (int k = 0; k < held.length; k++) {
      if (!Double.isFinite(score[k]) || !Double.isFinite(prob[k])) return null;
    }
    return Evaluation.of(score, prob, heldChurned);
  }

  /**
   * Training, held-out and calibration rows: each outcome shuffled with the seed, the first 30 % of it held out, the
   * next 15 % (of the outcome) set aside for calibration.
   */
  static int[][] split(boolean[] churned, long seed) {
    return split(churned, IntStream.range(0, churned.length).toArray(), seed);
  }

  /** As above, the rows enumerated and returned in {@code order}. */
  static int[][] split(boolean[] churned, int[] order, long seed) {
    int n = churned.length;
    int c = 0;
    for (boolean b : churned) if (b) c++;
    if (n < MIN_CUSTOMERS) {
      throw new ChurnException(Note.of("churn_too_few", n, MIN_CUSTOMERS));
    }
    if (c < MIN_PER_OUTCOME || n - c < MIN_PER_OUTCOME) {
      throw new ChurnException(Note.of("churn_outcomes_too_few", c, n, MIN_PER_OUTCOME));
    }
    SplittableRandom random = new SplittableRandom(seed);
    List<Integer> fit = new ArrayList<>();
    List<Integer> held = new ArrayList<>();
    List<Integer> calibration = new ArrayList<>();
    for (boolean outcome : new boolean[] {true, false}) {
      int[] rows = Arrays.stream(order).filter(i -> churned[i] == outcome).toArray();
      for (int i = rows.length - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int t = rows[i];
        rows[i] = rows[j];
        rows[j] = t;
      }
      int h = (rows.length * HELD_OUT_TENTHS + 9) / 10;
      int end = h + (rows.length * CALIBRATION_PERCENT + 99) / 100;
      for (int k = 0; k < rows.length; k++) (k < h ? held : k < end ? calibration : fit).add(rows[k]);
    }
    int[] rank = new int[n];
    for (int k = 0; k < n; k++) rank[order[k]] = k;
    return new int[][] {inOrder(fit, rank), inOrder(held, rank), inOrder(calibration, rank)};
  }

  private static int[] inOrder(List<Integer> rows, int[] rank) {
    return rows.stream().sorted(java.util.Comparator.comparingInt(r -> rank[r])).mapToInt(Integer::intValue).toArray();
  }

  private static void requireVarying(ChurnFeatures f, int[] rows) {
    for (int j = 0; j < f.columns(); j++) {
      float first = f.get(rows[0], j);
      for (int row : rows) {
        float v = f.get(row, j);
        if (!(v == first || (Float.isNaN(v) && Float.isNaN(first)))) return;
      }
    }
    throw new ChurnException(Note.of("churn_no_variation"));
  }

  /** The three largest positive contributions of one row (the bias, last, is not a reason). */
  private static void top(float[] contrib, int features, int i, int[] feature, float[] value) {
    int base = i * ChurnResult.REASONS;
    for (int k = 0; k < ChurnResult.REASONS; k++) {
      int best = -1;
      for (int j = 0; j < features; j++) {
        if (contrib[j] > 0 && (best < 0 || contrib[j] > contrib[best]) && !taken(feature, base, k, j)) best = j;
      }
      feature[base + k] = best;
      value[base + k] = best < 0 ? 0 : contrib[best];
    }
  }

  private static boolean taken(int[] feature, int base, int k, int j) {
    for (int q = 0; q < k; q++) if (feature[base + q] == j) return true;
    return false;
  }

  private static float[] floats(double[] v) {
    float[] f = new float[v.length];
    for (int i = 0; i < v.length; i++) f[i] = (float) v[i];
    return f;
  }
}
