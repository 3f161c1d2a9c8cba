package strata.churn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.hipparchus.stat.ranking.NaNStrategy;
import org.hipparchus.stat.ranking.NaturalRanking;
import org.hipparchus.stat.ranking.TiesStrategy;

/**
 * How well scores rank and how well probabilities are calibrated against 0/1 outcomes. ROC-AUC comes from Hipparchus'
 * ranks (the Mann-Whitney statistic, ties averaged); average precision, Brier score, the reliability table and lift are
 * short definitions no library in the build offers, so they are written here.
 */
public final class BinaryMetrics {
  private BinaryMetrics() {}

  /** One bin of the reliability table: probabilities in [from, to), their mean and the share of positives. */
  public record Bin(double from, double to, int count, double meanPredicted, double observed) {}

  /**
   * Probability that a random positive scores above a random negative (ties count half).
   *
   * @throws IllegalArgumentException unless both classes occur
   */
  public static double auc(double[] score, boolean[] positive) {
    int pos = positives(score, positive);
    int neg = score.length - pos;
    double[] ranks = new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE).rank(score);
    double sum = 0;
    for (int i = 0; i < ranks.length; i++) if (positive[i]) sum += ranks[i];
    return (sum - pos * (pos + 1.0) / 2) / ((double) pos * neg);
  }

  /**
   * Area under the precision-recall curve as average precision: the mean, over positives, of the precision among all
   * customers scoring at least as high (customers with equal scores are taken together, as one threshold).
   */
  public static double prAuc(double[] score, boolean[] positive) {
    int pos = positives(score, positive);
    Integer[] order = IntStream.range(0, score.length).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> score[i]).reversed());
    double sum = 0;
    int seen = 0;
    int hits = 0;
    for (int k = 0; k < order.length; ) {
      int end = k;
      int newHits = 0;
      while (end < order.length && score[order[end]] == score[order[k]]) {
        if (positive[order[end]]) newHits++;
        end++;
      }
      seen = end;
      hits += newHits;
      sum += newHits * (hits / (double) seen);
      k = end;
    }
    return sum / pos;
  }

  /** Mean squared difference between the probability and the outcome (0 perfect, 0.25 for a constant 0.5). */
  public static double brier(double[] probability, boolean[] positive) {
    check(probability, positive);
    double sum = 0;
    for (int i = 0; i < probability.length; i++) {
      double d = probability[i] - (positive[i] ? 1 : 0);
      sum += d * d;
    }
    return sum / probability.length;
  }

  /** Ten bins of width 0.1 (1.0 falls in the last); empty bins are left out. */
  public static List<Bin> reliability(double[] probability, boolean[] positive) {
    check(probability, positive);
    int[] count = new int[10];
    double[] predicted = new double[10];
    int[] hits = new int[10];
    for (int i = 0; i < probability.length; i++) {
      int b = Math.min(9, Math.max(0, (int) (probability[i] * 10)));
      count[b]++;
      predicted[b] += probability[i];
      if (positive[i]) hits[b]++;
    }
    List<Bin> bins = new ArrayList<>();
    for (int b = 0; b < 10; b++) {
      if (count[b] > 0) bins.add(new Bin(b / 10.0, (b + 1) / 10.0, count[b], predicted[b] / count[b], hits[b] / (double) count[b]));
    }
    return bins;
  }

  /**
   * Share of positives among the top-scoring tenth (at least one customer; ties at the cut broken by input order)
   * divided by the share among all.
   */
  public static double topDecileLift(double[] score, boolean[] positive) {
    int pos = positives(score, positive);
    Integer[] order = IntStream.range(0, score.length).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> score[i]).reversed());
    int top = Math.max(1, score.length / 10);
    int hits = 0;
    for (int k = 0; k < top; k++) if (positive[order[k]]) hits++;
    return (hits / (double) top) / (pos / (double) score.length);
  }

  private static int positives(double[] score, boolean[] positive) {
    check(score, positive);
    int pos = 0;
    for (boolean p : positive) if (p) pos++;
    if (pos == 0 || pos == positive.length) {
      throw new IllegalArgumentException("ranking metrics need both outcomes; all " + positive.length + " are "
          + (pos == 0 ? "negative" : "positive"));
    }
    for (double s : score) {
      if (Double.isNaN(s)) throw new IllegalArgumentException("a score is NaN");
    }
    return pos;
  }

  private static void check(double[] values, boolean[] positive) {
    if (values.length != positive.length) {
      throw new IllegalArgumentException(values.length + " scores for " + positive.length + " outcomes");
    }
    if (values.length == 0) throw new IllegalArgumentException("no customers to evaluate");
  }
}
