package strata.rfm;

import java.util.Arrays;
import java.util.List;

/** Turns per-customer recency, frequency and spend into R, F and M scores. */
public final class RfmScorer {
  private RfmScorer() {}

  /**
   * Scores every customer. Percentile mode uses {@link PercentileRank} (ties share a score);
   * thresholds mode uses the configured bounds.
   *
   * @param recencyDays days from the last purchase to the as-of date, per customer (not negative)
   * @param frequency purchases (or distinct purchase days) per customer, not negative
   * @param monetaryCents total spend per customer in cents; may be zero or negative after refunds
   * @return scores with one entry per customer; empty arrays for empty input
   * @throws IllegalArgumentException if the arrays differ in length or a recency or frequency is negative
   */
  public static RfmScores score(int[] recencyDays, int[] frequency, long[] monetaryCents, RfmConfig config) {
    checkInput(recencyDays, frequency, monetaryCents);
    if (config.mode() == RfmConfig.Mode.PERCENTILE) {
      int buckets = config.buckets();
      // The three rankings are independent single-threaded sorts: run them side by side.
      var r = java.util.concurrent.CompletableFuture.supplyAsync(
          () -> PercentileRank.lowerIsBetter(recencyDays, buckets));
      var f = java.util.concurrent.CompletableFuture.supplyAsync(
          () -> PercentileRank.higherIsBetter(frequency, buckets));
      byte[] m = PercentileRank.higherIsBetter(monetaryCents, buckets);
      return new RfmScores(r.join(), f.join(), m);
    }
    return new RfmScores(
        recencyByLimits(recencyDays, config.recencyDayLimits()),
        countBoundsReached(frequency, config.frequencyBounds()),
        countBoundsReached(monetaryCents, config.monetaryBoundsCents()));
  }

  private static void checkInput(int[] recencyDays, int[] frequency, long[] monetaryCents) {
    if (recencyDays.length != frequency.length || recencyDays.length != monetaryCents.length) {
      throw new IllegalArgumentException(
          "recencyDays, frequency and monetaryCents must have one entry per customer, got lengths "
              + recencyDays.length + ", " + frequency.length + ", " + monetaryCents.length);
    }
    for (int i = 0; i < recencyDays.length; i++) {
      if (recencyDays[i] < 0) {
        throw new IllegalArgumentException(
            "recencyDays[" + i + "] is " + recencyDays[i]
                + ": a purchase after the as-of date? Recency must not be negative");
      }
      if (frequency[i] < 0) {
        throw new IllegalArgumentException("frequency[" + i + "] is " + frequency[i] + ": must not be negative");
      }
    }
  }

  /** R = k+1 if days ≤ limit[0], k if ≤ limit[1], ..., 1 beyond the last of k limits. */
  private static byte[] recencyByLimits(int[] days, List<Integer> limits) {
    int[] bounds = limits.stream().mapToInt(Integer::intValue).toArray();
    byte[] scores = new byte[days.length];
    for (int i = 0; i < days.length; i++) {
      int within = 0;
      while (within < bounds.length && days[i] > bounds[within]) {
        within++;
      }
      scores[i] = (byte) (bounds.length + 1 - within);
    }
    return scores;
  }

  private static byte[] countBoundsReached(int[] values, List<Integer> lowerBounds) {
    return countBoundsReached(Arrays.stream(values).asLongStream().toArray(),
        lowerBounds.stream().map(Integer::longValue).toList());
  }

  private static byte[] countBoundsReached(long[] values, List<Long> lowerBounds) {
    long[] bounds = lowerBounds.stream().mapToLong(Long::longValue).toArray();
    byte[] scores = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      int reached = 0;
      while (reached < bounds.length && values[i] >= bounds[reached]) {
        reached++;
      }
      scores[i] = (byte) (1 + reached);
    }
    return scores;
  }
}
