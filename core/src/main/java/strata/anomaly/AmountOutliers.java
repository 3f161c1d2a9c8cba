package strata.anomaly;

import java.util.Arrays;

/**
 * Order amounts far outside both the catalogue's usual range and the customer's own: the robust rule of issue 18
 * (a ¥99,999,999 order that turns a customer into the top account).
 *
 * <p>The rule works on the natural log of positive amounts (order values are roughly log-normal, so a ratio to the
 * usual order is what matters) with the modified z-score of Iglewicz and Hoaglin (1993), "How to Detect and Handle
 * Outliers": z = (x − median) / (1.4826 · MAD), MAD the median absolute deviation; 1.4826 makes it estimate σ for
 * normal data. A row is an outlier when
 * <ul>
 *   <li>its catalogue z exceeds {@link #CATALOGUE_Z} = 5 (with a log-spread of 1 that is about 150 times the median
 *       order; the catalogue mixes small customers and large accounts, hence the cut-off above the usual 3.5), and
 *   <li>its customer has fewer than {@link #MIN_OWN_ROWS} positive rows, or its z among them exceeds
 *       {@link #OWN_Z} = 3.5 (Iglewicz and Hoaglin's recommended cut-off): a large account's regular large orders
 *       are not outliers.
 * </ul>
 * Refunds and zero amounts are never flagged: they lower monetary value, they cannot inflate it. A spread (1.4826 ·
 * MAD) below {@link #MIN_SPREAD} (all amounts nearly equal, e.g. one fixed price) is raised to it: an outlier is then
 * at least e^(5 · 0.5) ≈ 12 times the usual amount, never a double order.
 */
public final class AmountOutliers {
  private AmountOutliers() {}

  public static final double CATALOGUE_Z = 5;
  public static final double OWN_Z = 3.5;
  public static final int MIN_OWN_ROWS = 4;
  /** In log units. */
  public static final double MIN_SPREAD = 0.5;
  private static final double NORMAL_MAD = 1.4826;

  /** Where usual amounts lie, in log units: median and spread (1.4826 · MAD, at least {@link #MIN_SPREAD}). */
  public record Reference(double median, double spread) {
    /** The reference of the positive amounts among {@code cents[0, n)}, or null when there is none. */
    public static Reference of(long[] cents, int n) {
      double[] logs = logs(cents, n);
      if (logs.length == 0) return null;
      double median = AmountOutliers.median(logs);
      double[] deviations = new double[logs.length];
      for (int i = 0; i < logs.length; i++) deviations[i] = Math.abs(logs[i] - median);
      return new Reference(median, Math.max(MIN_SPREAD, NORMAL_MAD * AmountOutliers.median(deviations)));
    }

    /** The modified z-score of an amount; −∞ for refunds and zero. */
    public double z(long cents) {
      return cents <= 0 ? Double.NEGATIVE_INFINITY : (Math.log(cents) - median) / spread;
    }
  }

  /**
   * Which of one customer's rows are outliers.
   *
   * @param cents the customer's rows' amounts in cents, in any order
   * @param catalogue the reference of the whole file
   * @return per row, true for an outlier
   */
  public static boolean[] flag(long[] cents, Reference catalogue) {
    boolean[] out = new boolean[cents.length];
    Reference own = null;
    boolean ownKnown = positives(cents) >= MIN_OWN_ROWS;
    for (int i = 0; i < cents.length; i++) {
      if (catalogue.z(cents[i]) <= CATALOGUE_Z) continue;
      if (ownKnown && own == null) own = Reference.of(cents, cents.length);
      out[i] = !ownKnown || own.z(cents[i]) > OWN_Z;
    }
    return out;
  }

  private static int positives(long[] cents) {
    int n = 0;
    for (long c : cents) if (c > 0) n++;
    return n;
  }

  private static double[] logs(long[] cents, int n) {
    double[] logs = new double[n];
    int k = 0;
    for (int i = 0; i < n; i++) if (cents[i] > 0) logs[k++] = Math.log(cents[i]);
    return Arrays.copyOf(logs, k);
  }

  /** Sorts a copy: the arrays here are one customer's rows or a sample, small enough to sort. */
  static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    int m = v.length / 2;
    return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
  }
}
