package strata.churn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PlattScalingTest {
  private static final double HIGH = 1 / (1 + Math.exp(-1)); // logit 1
  private static final double LOW = 1 / (1 + Math.exp(1)); // logit -1

  /**
   * Two distinct classifier outputs: the two-parameter fit is then exact, each output mapped to the mean of its
   * customers' smoothed targets. By hand: 8 positives and 8 negatives give targets 9/10 and 1/10; at logit 1, 6 of 10
   * positive: (6·0.9 + 4·0.1) / 10 = 0.58; at logit −1, 2 of 6: (2·0.9 + 4·0.1) / 6 = 0.36667. Then a + b =
   * −logit(0.58) = −0.322773 and −a + b = −logit(0.36667) = 0.546544: a = −0.434658, b = 0.111886.
   */
  @Test
  void twoOutputsMapToTheirSmoothedOutcomeRates() {
    double[] q = new double[16];
    boolean[] y = new boolean[16];
    for (int i = 0; i < 16; i++) {
      q[i] = i < 10 ? HIGH : LOW;
      y[i] = i < 6 || i == 10 || i == 11;
    }
    PlattScaling p = PlattScaling.fit(q, y);
    assertThat(p.a()).isCloseTo(-0.434658, within(1e-5));
    assertThat(p.b()).isCloseTo(0.111886, within(1e-5));
    assertThat(p.apply(HIGH)).isCloseTo(0.58, within(1e-6));
    assertThat(p.apply(LOW)).isCloseTo(2.2 / 6, within(1e-6));
    assertThat(p.customers()).isEqualTo(16);
  }

  /**
   * A classifier overconfident and biased by construction: the true probability is σ(x), it reports σ(2.5x + 1). So
   * logit(q) = 2.5x + 1 and the truth is σ((logit(q) − 1) / 2.5): a = −0.4, b = 0.4. Fitted on one sample, the
   * calibrated probabilities have a lower Brier score than the reported ones on another.
   */
  @Test
  void undoesAKnownMiscalibration() {
    double[][] fitQ = new double[1][];
    boolean[][] fitY = new boolean[1][];
    sample(new Random(11), 20_000, fitQ, fitY);
    PlattScaling p = PlattScaling.fit(fitQ[0], fitY[0]);
    assertThat(p.a()).isCloseTo(-0.4, within(0.03));
    assertThat(p.b()).isCloseTo(0.4, within(0.05));
    double[][] q = new double[1][];
    boolean[][] y = new boolean[1][];
    sample(new Random(12), 20_000, q, y);
    double before = BinaryMetrics.brier(q[0], y[0]);
    double after = BinaryMetrics.brier(p.apply(q[0]), y[0]);
    assertThat(after).as("before %s", before).isLessThan(before - 0.01);
  }

  @Test
  void wellCalibratedProbabilitiesStayAsTheyAre() {
    Random r = new Random(5);
    int n = 20_000;
    double[] q = new double[n];
    boolean[] y = new boolean[n];
    for (int i = 0; i < n; i++) {
      q[i] = r.nextDouble();
      y[i] = r.nextDouble() < q[i];
    }
    PlattScaling p = PlattScaling.fit(q, y);
    // Already calibrated: the truth is a = −1, b = 0, the identity, which the fit must come close to.
    for (double v : new double[] {0.1, 0.5, 0.9}) assertThat(p.apply(v)).isCloseTo(v, within(0.05));
  }

  private static void sample(Random r, int n, double[][] q, boolean[][] y) {
    q[0] = new double[n];
    y[0] = new boolean[n];
    for (int i = 0; i < n; i++) {
      double x = r.nextGaussian() * 1.5;
      q[0][i] = 1 / (1 + Math.exp(-(2.5 * x + 1)));
      y[0][i] = r.nextDouble() < 1 / (1 + Math.exp(-x));
    }
  }
}
