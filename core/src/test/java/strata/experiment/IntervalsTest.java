package strata.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Every expected value is published or computed independently (SciPy 1.17, noted at each test), never by this code. */
class IntervalsTest {
  private static void interval(Interval i, double estimate, double lower, double upper, double tolerance) {
    assertThat(i.estimate()).isCloseTo(estimate, within(tolerance));
    assertThat(i.lower()).isCloseTo(lower, within(tolerance));
    assertThat(i.upper()).isCloseTo(upper, within(tolerance));
  }

  @Test
  void wilsonReproducesNewcombesSingleProportionExamples() {
    // Newcombe 1998, Stat Med 17:857, Table I, method 3 (score interval without continuity correction).
    interval(WilsonInterval.of(81, 263, 0.95), 81 / 263.0, 0.2553, 0.3662, 5e-5);
    interval(WilsonInterval.of(15, 148, 0.95), 15 / 148.0, 0.0624, 0.1605, 5e-5);
    interval(WilsonInterval.of(0, 20, 0.95), 0, 0, 0.1611, 5e-5);
    interval(WilsonInterval.of(1, 29, 0.95), 1 / 29.0, 0.0061, 0.1718, 5e-5);
  }

  @Test
  void newcombeReproducesThePublishedDifferencesOfMethodTen() {
    // Newcombe 1998, Stat Med 17:873, Table II, method 10 (hybrid score without continuity correction).
    interval(NewcombeDifference.of(56, 70, 48, 80, 0.95), 0.2, 0.0524, 0.3339, 5e-5);
    interval(NewcombeDifference.of(9, 10, 3, 10, 0.95), 0.6, 0.1705, 0.8090, 5e-5);
    interval(NewcombeDifference.of(5, 56, 0, 29, 0.95), 5 / 56.0, -0.0381, 0.1926, 5e-5);
    interval(NewcombeDifference.of(0, 10, 0, 20, 0.95), 0, -0.1611, 0.2775, 5e-5);
    interval(NewcombeDifference.of(10, 10, 0, 10, 0.95), 1, 0.6075, 1.0, 5e-5);
  }

  @Test
  void welchMatchesAHandCalculation() {
    // x = 1..5 (mean 3, s² 2.5), y = 2, 4, ..., 12 (mean 7, s² 14): se² = 2.5/5 + 14/6 = 2.8333, df = 2.8333² /
    // (0.5²/4 + 2.3333²/5) = 6.9723, t(0.975, 6.9723) = 2.3663; -4 ± 3.9835. SciPy ttest_ind(equal_var=False)
    // .confidence_interval(): (-7.983469, -0.016531).
    Interval i = WelchT.of(Moments.of(new double[] {1, 2, 3, 4, 5}), Moments.of(new double[] {2, 4, 6, 8, 10, 12}), 0.95);
    interval(i, -4, -7.983469, -0.016531, 1e-5);
    assertThat(i.excludesZero()).isTrue();
  }

  @Test
  void npsDifferenceIsWelchOnPromoterAndDetractorScores() {
    // a: promoters 10, 9, 9, 10, 9; passives 8, 7; detractors 3, 2, 6: (5 - 3) / 10 = +20 points.
    // b: promoters 9, 10; passives 8, 7; detractors 3, 2, 5, 6: (2 - 4) / 8 = -25 points.
    // SciPy Welch on the ±100/0 scores: (-45.903067, 135.903067).
    int[] a = {10, 9, 9, 8, 7, 3, 2, 10, 9, 6};
    int[] b = {8, 7, 3, 2, 9, 5, 6, 10};
    assertThat(NpsDifference.nps(a)).isEqualTo(20);
    assertThat(NpsDifference.nps(b)).isEqualTo(-25);
    interval(NpsDifference.of(a, b, 0.95), 45, -45.903067, 135.903067, 1e-5);
    assertThatThrownBy(() -> NpsDifference.of(new int[] {11, 3}, b, 0.95)).hasMessage("an NPS answer is 0 to 10, got 11");
  }

  @Test
  void differenceInDifferencesComparesEachGroupsChanges() {
    // Touched changes 2, 3, 3 (mean 2.6667), untouched 1, 0, 0 (mean 0.3333): 2.3333. SciPy Welch on the changes:
    // (1.024505, 3.642162).
    Interval i = DifferenceInDifferences.of(new double[] {1, 2, 3}, new double[] {3, 5, 6}, new double[] {1, 1, 2},
        new double[] {2, 1, 2}, 0.95);
    interval(i, 7 / 3.0, 1.024505, 3.642162, 1e-5);
    assertThatThrownBy(() -> DifferenceInDifferences.of(new double[] {1, 2}, new double[] {1}, new double[] {1, 2},
        new double[] {1, 2}, 0.95)).hasMessage("before and after need one value per customer each, got 2 and 1");
  }

  @Test
  void minimumDetectableEffectSolvesTheTwoProportionSampleSizeFormula() {
    // z(0.975) + z(0.8) = 1.959964 + 0.841621 = 2.801585. The textbook case 50 % against 60 %: n = 2.801585² ·
    // (0.5 · 0.5 + 0.6 · 0.4) / 0.1² = 384.6 a group (the usual table entry, 385), so 385 a group detect just under ten
    // points, and ten points need just over 384.6.
    assertThat(MinimumDetectableEffect.proportions(0.5, 385, 385, 0.05, 0.8)).isCloseTo(0.099948, within(1e-6));
    assertThat(MinimumDetectableEffect.proportions(0.5, 384, 384, 0.05, 0.8)).isGreaterThan(0.1);
    // 65 % against 85 %: n = 7.848879 · (0.2275 + 0.1275) / 0.04 = 69.66, so 70 a group detect at most 20 points.
    assertThat(MinimumDetectableEffect.proportions(0.65, 70, 70, 0.05, 0.8)).isLessThan(0.2).isGreaterThan(0.199);
    // 10,000 customers, 10 % held out, baseline 0.2: δ = 2.801585 · sqrt(0.16 / 1000 + (0.2 + δ)(0.8 − δ) / 9000),
    // solved by bisection in Python: 0.0376005.
    assertThat(MinimumDetectableEffect.forShare(0.2, 10_000, 0.1, 0.05, 0.8)).isCloseTo(0.0376005, within(1e-6));
    // Two customers a group at 90 %: not even a rise to 100 % would show.
    assertThat(MinimumDetectableEffect.proportions(0.9, 2, 2, 0.05, 0.8)).isNaN();
    assertThatThrownBy(() -> MinimumDetectableEffect.proportions(0, 10, 10, 0.05, 0.8)).hasMessageContaining("baseline");
    assertThatThrownBy(() -> MinimumDetectableEffect.forShare(0.2, 4, 0.1, 0.05, 0.8))
        .hasMessage("each group needs at least one customer");
  }

  @Test
  void standardizedMeanDifferenceUsesThePooledStandardDeviation() {
    // (10 - 9) / sqrt((4 + 2) / 2) = 0.57735
    assertThat(Balance.standardizedMeanDifference(new Moments(50, 10, 4), new Moments(50, 9, 2)))
        .isCloseTo(0.57735, within(1e-5));
    assertThat(Balance.standardizedMeanDifference(new Moments(5, 1, 0), new Moments(5, 1, 0))).isZero();
  }

  @Test
  void theBootstrapIsReproducibleAndAgreesWithWelchOnALargeNormalSample() {
    java.util.SplittableRandom r = new java.util.SplittableRandom(7);
    double[] a = new double[2000];
    double[] b = new double[1000];
    for (int i = 0; i < a.length; i++) a[i] = 100 + 20 * r.nextGaussian();
    for (int i = 0; i < b.length; i++) b[i] = 95 + 30 * r.nextGaussian();
    Interval boot = PercentileBootstrap.meanDifference(a, b, 2000, 42, 0.95);
    assertThat(PercentileBootstrap.meanDifference(a, b, 2000, 42, 0.95)).isEqualTo(boot);
    Interval welch = WelchT.of(Moments.of(a), Moments.of(b), 0.95);
    // For a normal mean difference both estimate the same interval; the bootstrap's Monte Carlo error at B = 2,000
    // is a few percent of the width.
    double width = welch.upper() - welch.lower();
    assertThat(boot.estimate()).isEqualTo(welch.estimate());
    assertThat(boot.lower()).isCloseTo(welch.lower(), within(0.05 * width));
    assertThat(boot.upper()).isCloseTo(welch.upper(), within(0.05 * width));
  }

  @Test
  void badInputIsRejectedWithAClearMessage() {
    assertThatThrownBy(() -> WilsonInterval.of(5, 3, 0.95)).hasMessage("need 0 <= x <= n and n >= 1, got x=5, n=3");
    assertThatThrownBy(() -> WilsonInterval.of(0, 0, 0.95)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> WilsonInterval.of(1, 2, 1.5)).hasMessage("confidence must be in (0, 1), got 1.5");
    assertThatThrownBy(() -> WelchT.of(new Moments(1, 0, 0), new Moments(5, 0, 1), 0.95))
        .hasMessage("Welch's interval needs at least 2 values a group");
    assertThatThrownBy(() -> Moments.of(new double[] {1, Double.NaN})).hasMessage("values must be finite numbers, got NaN");
    assertThatThrownBy(() -> PercentileBootstrap.meanDifference(new double[] {1, 2}, new double[] {1, 2}, 10, 1, 0.95))
        .hasMessage("use at least 100 resamples, got 10");
    assertThat(WelchT.of(new Moments(3, 5, 0), new Moments(3, 2, 0), 0.95)).isEqualTo(new Interval(3, 3, 3));
  }
}
