package strata.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Fits on data where nearly every customer has the same dropout chance give a and b in the thousands (seen on Strata's
 * demo data: a = 9886, b = 167041); the conditional expectation must stay finite there.
 */
class BgNbdLargeShapeTest {
  @Test
  void expectationIsFiniteAndBoundedForHugeDropoutShapes() {
    BgNbd model = new BgNbd(0.637, 8.96, 9886.3, 167041.6);
    double t = 90 / 7.0;
    for (double[] c : new double[][] {{0, 0, 50}, {3, 40, 150}, {30, 150, 156}}) {
      double given = model.expectedGivenAlive(t, c[0], c[2]);
      // Alive, purchases follow a Poisson process with mean rate (r + x) / (alpha + T) given the history; dropping
      // out can only lower the count, so that rate times t bounds the expectation.
      double bound = (0.637 + c[0]) / (8.96 + c[2]) * t;
      assertThat(given).isFinite().isPositive().isLessThanOrEqualTo(bound);
      assertThat(model.expectedPurchases(t, c[0], c[1], c[2])).isFinite().isNotNegative();
    }
  }

  @Test
  void seriesAndClosedFormAgreeWhereTheSwitchHappens() {
    // z = t / (alpha + T + t) = 13 / 50, so (a - 1)·(-ln(1 - z)) crosses 30 between a = 100 and a = 101.
    double t = 13;
    double T = 29;
    double alpha = 8;
    double below = new BgNbd(0.6, alpha, 100.0, 1500.0).expectedGivenAlive(t, 2, T);
    double above = new BgNbd(0.6, alpha, 101.0, 1500.0).expectedGivenAlive(t, 2, T);
    assertThat(above).isCloseTo(below, within(below * 0.01));
  }
}
