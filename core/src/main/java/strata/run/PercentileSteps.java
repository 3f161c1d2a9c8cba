package strata.run;

import java.util.Arrays;
import strata.rfm.PercentileRank;
import strata.scoring.ValueCounts;

/**
 * One metric's percentile scores ({@link PercentileRank#score}) as the values where they change: at most one entry per
 * score, where the counts they are decided from hold one per distinct value (a customer each for spend in cents, 16 B
 * a customer sent to every part). The score is monotonic in the value, so a counted value scores as the last step at
 * or below it, exactly as its count of strictly worse values gives.
 */
final class PercentileSteps implements java.io.Serializable {
  private static final long serialVersionUID = 1L;
  /** Ascending values where the score changes, the first counted value first. */
  private final long[] values;
  private final byte[] scores;

  private PercentileSteps(long[] values, byte[] scores) {
    this.values = values;
    this.scores = scores;
  }

  /**
   * @param all every buyer's value, counted
   * @param lowerIsBetter whether worse means larger (recency) rather than smaller
   */
  static PercentileSteps of(ValueCounts all, boolean lowerIsBetter, int buckets) {
    long n = all.total();
    long[] values = new long[buckets];
    byte[] scores = new byte[buckets];
    int steps = 0;
    for (int k = 0; k < all.distinct(); k++) {
      long v = all.value(k);
      byte score = PercentileRank.score(lowerIsBetter ? all.above(v) : all.below(v), n, buckets);
      if (steps > 0 && scores[steps - 1] == score) continue;
      values[steps] = v;
      scores[steps++] = score;
    }
    return new PercentileSteps(Arrays.copyOf(values, steps), Arrays.copyOf(scores, steps));
  }

  /** The score of a value that was counted. */
  byte score(long value) {
    int k = Arrays.binarySearch(values, value);
    return scores[k >= 0 ? k : -k - 2];
  }
}
