package strata.lifecycle;

import strata.scoring.Median;

/**
 * Assigns lifecycle stages from purchase dates.
 *
 * <p>Defaults ({@link LifecycleConfig#defaults()}): a customer with no purchase is potential; one
 * whose first purchase is at most 90 days before the as-of date is new; otherwise, with recency =
 * days since the last purchase and g = the customer's typical gap between purchase days, active
 * while recency ≤ max(90, 2g), dormant while recency ≤ max(365, 4g), churned beyond. A customer who
 * bought on only one day has no gap of their own and is measured with the median gap of the repeat
 * customers; if there are no repeat customers, the day thresholds apply alone.
 */
public final class LifecycleRules {
  private LifecycleRules() {}

  /**
   * Stages for all customers, including those who never bought.
   *
   * @param firstDay epoch day of the first purchase (ignored where distinctDays is 0)
   * @param lastDay epoch day of the last purchase (ignored where distinctDays is 0)
   * @param distinctDays number of distinct days with a purchase; 0 = never bought
   * @param asOfDay epoch day the stages are computed for
   * @return per customer the {@link LifecycleStage} ordinal; empty for empty input
   * @throws IllegalArgumentException if the arrays differ in length or a customer's dates are
   *     impossible (after the as-of day, last before first, fewer days between first and last
   *     than distinct purchase days), naming the customer index
   */
  public static byte[] classify(
      int[] firstDay, int[] lastDay, int[] distinctDays, int asOfDay, LifecycleConfig config) {
    double sharedGap = config.mode() == LifecycleConfig.Mode.RELATIVE
        ? medianRepeatGap(firstDay, lastDay, distinctDays)
        : Double.NaN;
    return classify(firstDay, lastDay, distinctDays, asOfDay, config, sharedGap);
  }

  /**
   * As {@link #classify(int[], int[], int[], int, LifecycleConfig)} with the gap for one-day buyers given: for a part
   * of a run's customers, the median of the whole run's ({@link #medianRepeatGap}; NaN for none).
   */
  public static byte[] classify(int[] firstDay, int[] lastDay, int[] distinctDays, int asOfDay,
      LifecycleConfig config, double sharedGap) {
    checkInput(firstDay, lastDay, distinctDays, asOfDay);
    byte[] stages = new byte[firstDay.length];
    for (int i = 0; i < stages.length; i++) {
      stages[i] = (byte) stage(firstDay[i], lastDay[i], distinctDays[i], asOfDay, sharedGap, config).ordinal();
    }
    return stages;
  }

  /**
   * Median typical gap of customers with two or more purchase days, where a customer's gap is
   * (last − first) / (distinctDays − 1) days. Lets reports state the gap used for one-day buyers.
   *
   * @return the median in days, or NaN if no customer bought on two or more days
   */
  public static double medianRepeatGap(int[] firstDay, int[] lastDay, int[] distinctDays) {
    return Median.of(repeatGaps(firstDay, lastDay, distinctDays));
  }

  /** The typical gap of each customer with two or more purchase days, in days, in customer order. */
  public static double[] repeatGaps(int[] firstDay, int[] lastDay, int[] distinctDays) {
    int repeat = 0;
    for (int d : distinctDays) {
      repeat += d >= 2 ? 1 : 0;
    }
    double[] gaps = new double[repeat];
    int k = 0;
    for (int i = 0; i < distinctDays.length; i++) {
      if (distinctDays[i] >= 2) {
        gaps[k++] = ownGap(firstDay[i], lastDay[i], distinctDays[i]);
      }
    }
    return gaps;
  }

  private static LifecycleStage stage(
      int first, int last, int distinct, int asOf, double sharedGap, LifecycleConfig config) {
    if (distinct == 0) {
      return LifecycleStage.POTENTIAL;
    }
    if ((long) asOf - first <= config.newDays()) {
      return LifecycleStage.NEW;
    }
    long recency = (long) asOf - last;
    double dormantAfter = config.dormantDays();
    double churnedAfter = config.churnedDays();
    if (config.mode() == LifecycleConfig.Mode.RELATIVE) {
      double gap = distinct >= 2 ? ownGap(first, last, distinct) : sharedGap;
      if (!Double.isNaN(gap)) {
        dormantAfter = Math.max(dormantAfter, config.dormantGaps() * gap);
        churnedAfter = Math.max(churnedAfter, config.churnedGaps() * gap);
      }
    }
    if (recency <= dormantAfter) {
      return LifecycleStage.ACTIVE;
    }
    return recency <= churnedAfter ? LifecycleStage.DORMANT : LifecycleStage.CHURNED;
  }

  private static double ownGap(int first, int last, int distinct) {
    return ((double) last - first) / (distinct - 1);
  }

  private static void checkInput(int[] firstDay, int[] lastDay, int[] distinctDays, int asOfDay) {
    if (firstDay.length != lastDay.length || firstDay.length != distinctDays.length) {
      throw new IllegalArgumentException(
          "firstDay, lastDay and distinctDays must have one entry per customer, got lengths "
              + firstDay.length + ", " + lastDay.length + ", " + distinctDays.length);
    }
    for (int i = 0; i < firstDay.length; i++) {
      int distinct = distinctDays[i];
      if (distinct < 0) {
        throw new IllegalArgumentException("distinctDays[" + i + "] is " + distinct + ": must not be negative");
      }
      if (distinct == 0) {
        continue;
      }
      if (lastDay[i] > asOfDay) {
        throw new IllegalArgumentException(
            "customer " + i + ": last purchase day " + lastDay[i] + " is after the as-of day " + asOfDay);
      }
      if (firstDay[i] > lastDay[i]) {
        throw new IllegalArgumentException(
            "customer " + i + ": first purchase day " + firstDay[i] + " is after the last " + lastDay[i]);
      }
      if (distinct == 1 && firstDay[i] != lastDay[i]) {
        throw new IllegalArgumentException(
            "customer " + i + ": bought on one day only, but first day " + firstDay[i] + " and last day "
                + lastDay[i] + " differ");
      }
      if ((long) lastDay[i] - firstDay[i] < distinct - 1L) {
        throw new IllegalArgumentException(
            "customer " + i + ": " + distinct + " distinct purchase days do not fit between day "
                + firstDay[i] + " and day " + lastDay[i]);
      }
    }
  }
}
