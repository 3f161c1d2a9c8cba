package strata.experiment;

/**
 * The difference of two Net Promoter Scores, in points (-200..200), with a Welch interval. Each answer is scored
 * +100 (promoter, 9-10), 0 (passive, 7-8) or -100 (detractor, 0-6), so a group's NPS is the mean of its scores and
 * its variance is 100²·((p+ + p-) - (p+ - p-)²) scaled by n/(n-1), the trinomial variance used for the NPS margin of
 * error (e.g. Rocks, "The margin of error of the Net Promoter Score", 2016). Welch's t then compares the two means;
 * with the few dozen answers a tier usually has, the t quantile is a little wider than the normal one.
 */
public final class NpsDifference {
  private NpsDifference() {}

  /** @param a, b answers 0..10 of each group, at least 2 a group */
  public static Interval of(int[] a, int[] b, double confidence) {
    return WelchT.of(Moments.of(scores(a)), Moments.of(scores(b)), confidence);
  }

  /** @return the NPS of the answers, in points */
  public static double nps(int[] answers) {
    return Moments.of(scores(answers)).mean();
  }

  private static double[] scores(int[] answers) {
    double[] scores = new double[answers.length];
    for (int i = 0; i < answers.length; i++) {
      int x = answers[i];
      if (x < 0 || x > 10) throw new IllegalArgumentException("an NPS answer is 0 to 10, got " + x);
      scores[i] = x >= 9 ? 100 : x >= 7 ? 0 : -100;
    }
    return scores;
  }
}
