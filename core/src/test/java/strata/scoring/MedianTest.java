package strata.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Medians worked out by hand. Arrays longer than 15 make the selector partition rather than sort a small range. */
class MedianTest {
  private static final double INF = Double.POSITIVE_INFINITY;

  @Test
  void oddCountTakesTheMiddleValue() {
    assertThat(Median.of(new double[] {9, 1, 5, 3, 7})).isEqualTo(5); // 1 3 [5] 7 9
    assertThat(Median.of(new double[] {4.25})).isEqualTo(4.25);
  }

  @Test
  void evenCountTakesTheMeanOfTheMiddleTwo() {
    assertThat(Median.of(new double[] {40, 10, 30, 20})).isEqualTo(25); // 10 [20 30] 40
    assertThat(Median.of(new double[] {1, 2})).isEqualTo(1.5);
  }

  @Test
  void evenCountAmongManyValues() {
    // 0, 1, ..., 99 shuffled: middle two are 49 and 50.
    assertThat(Median.of(shuffled(range(100)))).isEqualTo(49.5);
    // 0, ..., 100: the middle one is 50.
    assertThat(Median.of(shuffled(range(101)))).isEqualTo(50);
  }

  @Test
  void equalValuesGiveThatValue() {
    double[] same = new double[64];
    Arrays.fill(same, 3.5);
    assertThat(Median.of(same)).isEqualTo(3.5);
    assertThat(Median.of(Arrays.copyOf(same, 63))).isEqualTo(3.5);
  }

  @Test
  void noValuesGiveNaN() {
    assertThat(Median.of(new double[0])).isNaN();
  }

  @Test
  void negativeZeroSortsBelowZeroAsInAFullSort() {
    // {0.0, -0.0, -0.0} sorts to -0.0 [-0.0] 0.0; {-0.0, 0.0, 0.0} to -0.0 [0.0] 0.0.
    assertThat(bits(Median.of(new double[] {0.0, -0.0, -0.0}))).isEqualTo(bits(-0.0));
    assertThat(bits(Median.of(new double[] {-0.0, 0.0, 0.0}))).isEqualTo(bits(0.0));
    // Even: (-0.0 + 0.0) / 2 = 0.0, (-0.0 + -0.0) / 2 = -0.0.
    assertThat(bits(Median.of(new double[] {0.0, -0.0}))).isEqualTo(bits(0.0));
    assertThat(bits(Median.of(new double[] {-0.0, 2, -0.0, 0.0, -0.0, 1, -0.0, -0.0}))).isEqualTo(bits(-0.0));
    // Past the selector's small-range cut-off: 21 of -0.0 and 20 of 0.0 put -0.0 at index 20, and the other way round.
    assertThat(bits(Median.of(zeros(21, 20)))).isEqualTo(bits(-0.0));
    assertThat(bits(Median.of(zeros(20, 21)))).isEqualTo(bits(0.0));
    // 20 and 20: indices 19 and 20 hold -0.0 and 0.0, mean 0.0; 22 and 18: both -0.0.
    assertThat(bits(Median.of(zeros(20, 20)))).isEqualTo(bits(0.0));
    assertThat(bits(Median.of(zeros(22, 18)))).isEqualTo(bits(-0.0));
  }

  @Test
  void infinitiesAreOrdinaryValues() {
    assertThat(Median.of(new double[] {INF, -INF, 1})).isEqualTo(1);
    assertThat(Median.of(new double[] {INF, 1})).isEqualTo(INF); // (1 + ∞) / 2
    assertThat(Median.of(new double[] {INF, INF, -INF})).isEqualTo(INF);
    assertThat(Median.of(new double[] {-INF, INF})).isNaN(); // (-∞ + ∞) / 2, as the sort-based median gave
  }

  private static double[] zeros(int negative, int positive) {
    List<Double> values = new ArrayList<>();
    for (int i = 0; i < negative; i++) values.add(-0.0);
    for (int i = 0; i < positive; i++) values.add(0.0);
    Collections.shuffle(values, new Random(7));
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static double[] range(int n) {
    double[] values = new double[n];
    for (int i = 0; i < n; i++) values[i] = i;
    return values;
  }

  private static double[] shuffled(double[] values) {
    Random random = new Random(11);
    for (int i = values.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      double t = values[i];
      values[i] = values[j];
      values[j] = t;
    }
    return values;
  }

  private static long bits(double d) {
    return Double.doubleToRawLongBits(d);
  }
}
