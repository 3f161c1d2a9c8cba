package strata.rfm;

import java.util.OptionalDouble;

/** Names customers by their R, F and M scores: the classic eight segments and the named scheme. */
public final class RfmSegments {
  /**
   * Named segment rules in priority order: {R lower, R upper, F lower, F upper, M lower, M upper}.
   *
   * <p>Source: the example ranges published with the R package {@code rfm} 0.3.0 (R. Hebbali),
   * {@code rfm_segment()} help page, https://search.r-project.org/CRAN/refmans/rfm/html/rfm_segment.html,
   * and vignette "RFM - Introduction" (rsquaredacademy/rfm, R/rfm-segment.R). That package has no
   * built-in defaults (with {@code segment_names = NULL} every customer is "Others") and no
   * "Hibernating"; we adopt its current published example. Overlaps are resolved as its code does:
   * a customer takes the FIRST rule in this order whose three ranges all contain the scores (later
   * rules never overwrite), and customers matching no rule are "Others".
   *
   * <p>Strata addition: {@link RfmSegment11#HIBERNATING} comes last, after all published rules, so
   * it changes no published assignment; it only names customers with R ≤ 2 that the published table
   * leaves unmatched (for example R=2, F=5, M=1: bought often and little, but long ago). The older
   * example of rfm 0.2.x was not used because, under first-match, three of its ten segments
   * (New Customers, Promising, Can't Lose Them) can never be reached.
   */
  private static final int[][] RULES = {
    {5, 5, 5, 5, 5, 5}, // Champions
    {3, 5, 3, 5, 2, 5}, // Potential Loyalist
    {2, 4, 2, 4, 2, 4}, // Loyal Customers
    {3, 4, 1, 3, 3, 5}, // Promising
    {4, 5, 1, 3, 1, 5}, // New Customers
    {1, 2, 3, 4, 4, 5}, // Can't Lose Them
    {1, 2, 2, 5, 4, 5}, // At Risk
    {1, 3, 3, 5, 3, 5}, // Need Attention
    {2, 3, 1, 3, 1, 4}, // About To Sleep
    {1, 1, 1, 5, 1, 5}, // Lost
    {1, 2, 1, 5, 1, 5}, // Hibernating (Strata addition, see above)
  };

  private static final RfmSegment11[] RULE_SEGMENTS = {
    RfmSegment11.CHAMPIONS,
    RfmSegment11.POTENTIAL_LOYALIST,
    RfmSegment11.LOYAL_CUSTOMERS,
    RfmSegment11.PROMISING,
    RfmSegment11.NEW_CUSTOMERS,
    RfmSegment11.CANT_LOSE_THEM,
    RfmSegment11.AT_RISK,
    RfmSegment11.NEED_ATTENTION,
    RfmSegment11.ABOUT_TO_SLEEP,
    RfmSegment11.LOST,
    RfmSegment11.HIBERNATING,
  };

  /** Segment ordinal for every (R, F, M) in 1..5, at index (R-1)*25 + (F-1)*5 + (M-1). */
  private static final byte[] TABLE = buildTable();

  private RfmSegments() {}

  /**
   * The named segment for one customer.
   *
   * @param r recency score, 1..5
   * @param f frequency score, 1..5
   * @param m monetary score, 1..5
   * @throws IllegalArgumentException if a score is outside 1..5 (the scheme is defined on five levels)
   */
  public static RfmSegment11 segment11(int r, int f, int m) {
    if (r < 1 || r > 5 || f < 1 || f > 5 || m < 1 || m > 5) {
      throw new IllegalArgumentException(
          "the named RFM segments need scores 1..5 (buckets: 5), got R=" + r + " F=" + f + " M=" + m);
    }
    return RfmSegment11.ofOrdinal(TABLE[(r - 1) * 25 + (f - 1) * 5 + (m - 1)]);
  }

  /**
   * Named segments for all customers.
   *
   * @return per customer the {@link RfmSegment11} ordinal
   * @throws IllegalArgumentException if any score is outside 1..5, naming the customer index
   */
  public static byte[] segment11(RfmScores scores) {
    byte[] r = scores.r();
    byte[] f = scores.f();
    byte[] m = scores.m();
    byte[] segments = new byte[r.length];
    for (int i = 0; i < r.length; i++) {
      if (r[i] < 1 || r[i] > 5 || f[i] < 1 || f[i] > 5 || m[i] < 1 || m[i] > 5) {
        throw new IllegalArgumentException(
            "the named RFM segments need scores 1..5 (buckets: 5), customer " + i + " has R=" + r[i]
                + " F=" + f[i] + " M=" + m[i]);
      }
      segments[i] = TABLE[(r[i] - 1) * 25 + (f[i] - 1) * 5 + (m[i] - 1)];
    }
    return segments;
  }

  /**
   * The classic eight segments. A dimension is "high" when its score is strictly greater than its
   * cut: the mean score of that dimension over all customers given, or the fixed {@code cut}.
   *
   * @param cut empty: cut each dimension at its mean score
   * @return per customer the {@link ClassicSegment} ordinal; empty for no customers
   */
  public static byte[] classic(RfmScores scores, OptionalDouble cut) {
    return classic(scores, highCuts(scores, cut));
  }

  /**
   * As {@link #classic(RfmScores, OptionalDouble)} with the cuts given: for a part of a run's customers, the cuts of
   * the whole run.
   *
   * @param cuts {R cut, F cut, M cut}, as {@link #highCuts} returns them
   */
  public static byte[] classic(RfmScores scores, double[] cuts) {
    byte[] r = scores.r();
    byte[] f = scores.f();
    byte[] m = scores.m();
    byte[] segments = new byte[r.length];
    for (int i = 0; i < r.length; i++) {
      segments[i] = (byte) ClassicSegment.of(r[i] > cuts[0], f[i] > cuts[1], m[i] > cuts[2]).ordinal();
    }
    return segments;
  }

  /** As {@link #classic(RfmScores, OptionalDouble)} with the cut from the config. */
  public static byte[] classic(RfmScores scores, RfmConfig config) {
    return classic(scores, config.segmentCut());
  }

  /**
   * The cuts {@link #classic} uses, so a report can state them: {R cut, F cut, M cut}.
   *
   * @return the fixed cut three times, or the mean scores; NaN means for no customers
   */
  public static double[] highCuts(RfmScores scores, OptionalDouble cut) {
    if (cut.isPresent()) {
      double c = cut.getAsDouble();
      return new double[] {c, c, c};
    }
    return new double[] {mean(scores.r()), mean(scores.f()), mean(scores.m())};
  }

  private static double mean(byte[] scores) {
    long sum = 0;
    for (byte s : scores) {
      sum += s;
    }
    return (double) sum / scores.length;
  }

  private static byte[] buildTable() {
    byte[] table = new byte[125];
    for (int r = 1; r <= 5; r++) {
      for (int f = 1; f <= 5; f++) {
        for (int m = 1; m <= 5; m++) {
          table[(r - 1) * 25 + (f - 1) * 5 + (m - 1)] = (byte) firstMatch(r, f, m).ordinal();
        }
      }
    }
    return table;
  }

  private static RfmSegment11 firstMatch(int r, int f, int m) {
    for (int i = 0; i < RULES.length; i++) {
      int[] rule = RULES[i];
      if (r >= rule[0] && r <= rule[1] && f >= rule[2] && f <= rule[3] && m >= rule[4] && m <= rule[5]) {
        return RULE_SEGMENTS[i];
      }
    }
    return RfmSegment11.OTHERS;
  }
}
