package strata.churn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Every expected value below is worked out by hand in the comment beside it. */
class BinaryMetricsTest {
  static final boolean T = true;
  static final boolean F = false;

  @Test
  void aucCountsPairsWherePositivesScoreHigher() {
    // Positives 0.9 and 0.7, negatives 0.8, 0.6, 0.5: 0.9 beats 3, 0.7 beats 2 of the 6 pairs -> 5/6.
    double[] s = {0.9, 0.8, 0.7, 0.6, 0.5};
    boolean[] y = {T, F, T, F, F};
    assertEquals(5.0 / 6, BinaryMetrics.auc(s, y), 1e-12);
    // Reversed scores: 1 - 5/6.
    assertEquals(1.0 / 6, BinaryMetrics.auc(new double[] {0.1, 0.2, 0.3, 0.4, 0.5}, y), 1e-12);
  }

  @Test
  void tiesCountHalf() {
    // One pair, tied: 1/2. Positives {0.5, 0.9}, negative {0.5}: 0.5 ties (1/2), 0.9 wins (1) -> 1.5/2.
    assertEquals(0.5, BinaryMetrics.auc(new double[] {0.5, 0.5}, new boolean[] {T, F}), 1e-12);
    assertEquals(0.75, BinaryMetrics.auc(new double[] {0.5, 0.5, 0.9}, new boolean[] {T, F, T}), 1e-12);
  }

  @Test
  void averagePrecisionIsTheMeanPrecisionAtEachPositive() {
    // Ranked T F T F F: precision 1/1 at the first positive, 2/3 at the second -> (1 + 2/3) / 2.
    assertEquals(5.0 / 6, BinaryMetrics.prAuc(new double[] {0.9, 0.8, 0.7, 0.6, 0.5}, new boolean[] {T, F, T, F, F}),
        1e-12);
    // Tied pair taken together: one positive among two -> 1/2.
    assertEquals(0.5, BinaryMetrics.prAuc(new double[] {0.3, 0.3}, new boolean[] {T, F}), 1e-12);
    // Perfect ranking -> 1.
    assertEquals(1.0, BinaryMetrics.prAuc(new double[] {3, 2, 1}, new boolean[] {T, T, F}), 1e-12);
  }

  @Test
  void brierIsTheMeanSquaredError() {
    // (1-1)^2 + (0-1)^2 + (0.5-0)^2 = 1.25 over 3.
    assertEquals(1.25 / 3, BinaryMetrics.brier(new double[] {1, 0, 0.5}, new boolean[] {T, T, F}), 1e-12);
  }

  @Test
  void reliabilityBinsByTenths() {
    List<BinaryMetrics.Bin> bins = BinaryMetrics.reliability(new double[] {0.05, 0.15, 0.12, 1.0},
        new boolean[] {F, T, F, T});
    assertEquals(3, bins.size());
    assertEquals(new BinaryMetrics.Bin(0.0, 0.1, 1, 0.05, 0.0), bins.get(0));
    assertEquals(2, bins.get(1).count());
    assertEquals(0.135, bins.get(1).meanPredicted(), 1e-12);
    assertEquals(0.5, bins.get(1).observed(), 1e-12);
    assertEquals(0.9, bins.get(2).from(), 1e-12); // 1.0 falls in the last bin
    assertEquals(1.0, bins.get(2).observed(), 1e-12);
  }

  @Test
  void liftComparesTheTopTenthWithTheWhole() {
    // 20 customers, 6 positive (rate 0.3); the top 2 are both positive (rate 1) -> 1 / 0.3.
    double[] s = new double[20];
    boolean[] y = new boolean[20];
    for (int i = 0; i < 20; i++) s[i] = 20 - i;
    for (int i : new int[] {0, 1, 5, 9, 12, 18}) y[i] = true;
    assertEquals(1 / 0.3, BinaryMetrics.topDecileLift(s, y), 1e-12);
  }

  @Test
  void badInputIsRefusedWithAReason() {
    var single = assertThrows(IllegalArgumentException.class,
        () -> BinaryMetrics.auc(new double[] {1, 2}, new boolean[] {T, T}));
    assertEquals("ranking metrics need both outcomes; all 2 are positive", single.getMessage());
    assertThrows(IllegalArgumentException.class, () -> BinaryMetrics.auc(new double[] {1}, new boolean[] {T, F}));
    assertThrows(IllegalArgumentException.class, () -> BinaryMetrics.prAuc(new double[] {Double.NaN, 1}, new boolean[] {T, F}));
    assertThrows(IllegalArgumentException.class, () -> BinaryMetrics.brier(new double[0], new boolean[0]));
  }
}
