package strata.run;

import java.util.Arrays;
import java.util.stream.IntStream;
import strata.clv.BgNbd;
import strata.clv.GivenAlive;

/**
 * E[Y(90 days) | alive] and the discounted sum of the horizon's expected purchases given alive, per buyer: the formula
 * of {@link strata.clv.CustomerValue#clv} with P(alive) and spend factored out. Both depend on the buyer's x and age
 * in days only, which buyers share heavily (1M buyers, 67k distinct pairs in the 10M-row benchmark), so they are
 * computed once per pair. Pairs are taken in order of x so that one {@link GivenAlive} serves all ages of an x.
 */
final class FuturePurchases {
  /** Pairs per parallel task: a few tasks per x at most, so the per-x set-up is shared. */
  private static final int TASK = 2048;

  /** Per buyer: its pair's index into {@link #next90} and {@link #horizon}. */
  private final int[] pairOf;
  private final double[] next90;
  private final double[] horizon;

  private FuturePurchases(int[] pairOf, double[] next90, double[] horizon) {
    this.pairOf = pairOf;
    this.next90 = next90;
    this.horizon = horizon;
  }

  /**
   * @param x repeat purchases per buyer
   * @param ageDays days from each buyer's first purchase to the as-of date
   * @throws strata.clv.ClvException if the model leaves the expectations undefined
   */
  static FuturePurchases of(BgNbd model, int[] x, int[] ageDays) {
    Pairs pairs = Pairs.of(x, ageDays);
    int count = pairs.x.length;
    double[] next90 = new double[count];
    double[] horizon = new double[count];
    double[] discount = new double[ClvStage.HORIZON.periods() + 1];
    for (int k = 1; k < discount.length; k++) discount[k] = Math.pow(1 + ClvStage.HORIZON.discountRate(), -k);
    IntStream.range(0, (count + TASK - 1) / TASK).parallel().forEach(task -> {
      GivenAlive given = null;
      for (int j = task * TASK; j < Math.min(count, (task + 1) * TASK); j++) {
        if (j == task * TASK || pairs.x[j] != pairs.x[j - 1]) given = model.givenAlive(pairs.x[j]);
        double T = pairs.ageDays[j] / ClvStage.WEEK;
        double sum = 0;
        double previous = 0;
        for (int k = 1; k < discount.length; k++) {
          double cumulative = given.expected(k * ClvStage.HORIZON.periodLength(), T);
          sum += (cumulative - previous) * discount[k];
          previous = cumulative;
        }
        next90[j] = given.expected(90 / ClvStage.WEEK, T);
        horizon[j] = sum * ClvStage.HORIZON.margin();
      }
    });
    return new FuturePurchases(pairs.pairOf, next90, horizon);
  }

  /** E[Y(90 days) | alive] of buyer i. */
  double next90(int i) {
    return next90[pairOf[i]];
  }

  /** Σₖ (E[Y(k·L)] − E[Y((k−1)·L)]) / 1.01ᵏ given alive, times the margin, of buyer i. */
  double horizon(int i) {
    return horizon[pairOf[i]];
  }

  /**
   * The distinct (x, age) pairs, in order of x, and each buyer's pair. Counting sort and a table over ages rather than
   * a sort or a hash map: simple loops that the JIT compiles early, and this runs once per process (in JFR, a parallel
   * sort of the 1M keys took 14 % of a cold CLV phase, more than computing the expectations).
   */
  private record Pairs(int[] x, int[] ageDays, int[] pairOf) {
    static Pairs of(int[] x, int[] ageDays) {
      int n = x.length;
      int maxX = 0;
      int maxAge = 0;
      for (int i = 0; i < n; i++) {
        maxX = Math.max(maxX, x[i]);
        maxAge = Math.max(maxAge, ageDays[i]);
      }
      int[] byX = new int[maxX + 2];
      for (int i = 0; i < n; i++) byX[x[i] + 1]++;
      for (int v = 0; v <= maxX; v++) byX[v + 1] += byX[v];
      int[] order = new int[n];
      for (int i = 0; i < n; i++) order[byX[x[i]]++] = i;
      // Buyers in order of x; a pair is new when its age was not yet seen for this x.
      int[] seenFor = new int[maxAge + 1];
      Arrays.fill(seenFor, -1);
      int[] pairAt = new int[maxAge + 1];
      int[] pairX = new int[n];
      int[] pairAge = new int[n];
      int[] pairOf = new int[n];
      int pairs = 0;
      for (int i : order) {
        int age = ageDays[i];
        if (seenFor[age] != x[i]) {
          seenFor[age] = x[i];
          pairAt[age] = pairs;
          pairX[pairs] = x[i];
          pairAge[pairs++] = age;
        }
        pairOf[i] = pairAt[age];
      }
      return new Pairs(Arrays.copyOf(pairX, pairs), Arrays.copyOf(pairAge, pairs), pairOf);
    }
  }
}
