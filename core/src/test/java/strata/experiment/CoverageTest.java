package strata.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * On simulated experiments with a known true uplift, the 95 % intervals cover it in about 95 % of 1,000 seeded
 * replications. With 1,000 replications the coverage's standard error is sqrt(0.95 · 0.05 / 1000) = 0.7 points, so
 * 93 to 97 % is about ± 3 standard errors around the nominal level.
 */
class CoverageTest {
  private static final int REPLICATIONS = 1000;

  @Test
  void newcombeCoversTheTrueDifferenceOfRepurchaseRates() {
    // A 10 % holdout: 900 treated at 36 %, 100 held out at 30 %: true uplift 6 points.
    SplittableRandom random = new SplittableRandom(20_261_204L);
    int covered = 0;
    for (int r = 0; r < REPLICATIONS; r++) {
      long x1 = bernoulli(random, 900, 0.36);
      long x2 = bernoulli(random, 100, 0.30);
      Interval i = NewcombeDifference.of(x1, 900, x2, 100, 0.95);
      if (i.lower() <= 0.06 && 0.06 <= i.upper()) covered++;
    }
    assertThat(covered / (double) REPLICATIONS).isBetween(0.93, 0.97);
  }

  @Test
  void welchCoversTheTrueDifferenceOfHeavyTailedRevenue() {
    // Revenue per customer log-normal(mu 5, sigma 1) held out, 10 % more for the treated: the true means are
    // exp(5.5) and 1.1 · exp(5.5), so the uplift is 0.1 · exp(5.5) = 24.469. 3,200 treated, 800 held out. An
    // independent NumPy/SciPy simulation of 20,000 replications puts Welch's true coverage here at 94.6 %, but at
    // 94.2 % with only 200 held out (this test at 800/200 measured 92.6 %): skew costs Welch coverage in small
    // groups, which is why the revenue row also carries the bootstrap interval.
    SplittableRandom random = new SplittableRandom(20_261_205L);
    double truth = 0.1 * Math.exp(5.5);
    int covered = 0;
    for (int r = 0; r < REPLICATIONS; r++) {
      Interval i = WelchT.of(Moments.of(revenue(random, 3200, 1.1)), Moments.of(revenue(random, 800, 1.0)), 0.95);
      if (i.lower() <= truth && truth <= i.upper()) covered++;
    }
    assertThat(covered / (double) REPLICATIONS).isBetween(0.93, 0.97);
  }

  @Test
  void npsIntervalsCoverTheTrueDifference() {
    // Treated answer promoter 50 %, passive 30 %, detractor 20 % (NPS +30); held out 40/30/30 (NPS +10): +20 points.
    SplittableRandom random = new SplittableRandom(20_261_206L);
    int covered = 0;
    for (int r = 0; r < REPLICATIONS; r++) {
      Interval i = NpsDifference.of(answers(random, 400, 0.5, 0.2), answers(random, 150, 0.4, 0.3), 0.95);
      if (i.lower() <= 20 && 20 <= i.upper()) covered++;
    }
    assertThat(covered / (double) REPLICATIONS).isBetween(0.93, 0.97);
  }

  @Test
  void theBootstrapCoversTheTrueDifferenceOfHeavyTailedRevenue() {
    // As for Welch, with fewer replications and resamples to keep the test quick: 300 replications have a standard
    // error of 1.3 points, so the band is 91 to 98 %; the percentile bootstrap runs slightly narrow on skewed data.
    SplittableRandom random = new SplittableRandom(20_261_207L);
    double truth = 0.1 * Math.exp(5.5);
    int covered = 0;
    int replications = 300;
    for (int r = 0; r < replications; r++) {
      Interval i = PercentileBootstrap.meanDifference(revenue(random, 800, 1.1), revenue(random, 200, 1.0), 1000,
          random.nextLong(), 0.95);
      if (i.lower() <= truth && truth <= i.upper()) covered++;
    }
    assertThat(covered / (double) replications).isBetween(0.91, 0.98);
  }

  private static long bernoulli(SplittableRandom random, int n, double p) {
    long x = 0;
    for (int i = 0; i < n; i++) if (random.nextDouble() < p) x++;
    return x;
  }

  private static double[] revenue(SplittableRandom random, int n, double lift) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) v[i] = lift * Math.exp(5 + random.nextGaussian());
    return v;
  }

  private static int[] answers(SplittableRandom random, int n, double promoters, double detractors) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      double u = random.nextDouble();
      a[i] = u < promoters ? 9 + random.nextInt(2) : u < 1 - detractors ? 7 + random.nextInt(2) : random.nextInt(7);
    }
    return a;
  }
}
