package strata.rfm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PercentileRankTest {

  @Test
  void higherValuesScoreHigherAndTiesShareTheirScore() {
    // Hand count, n = 5, buckets = 5: customers strictly below each value are 0, 1, 1, 3, 4,
    // so scores are 1 + floor(5 * below / 5) = 1, 2, 2, 4, 5.
    byte[] scores = PercentileRank.higherIsBetter(new long[] {10, 20, 20, 30, 40}, 5);
    assertThat(scores).containsExactly(1, 2, 2, 4, 5);
  }

  @Test
  void lowerValuesScoreHigherWhenLowerIsBetter() {
    // Strictly larger values: 4, 2, 2, 1, 0 -> 1 + floor(5 * larger / 5) = 5, 3, 3, 2, 1.
    byte[] scores = PercentileRank.lowerIsBetter(new long[] {10, 20, 20, 30, 40}, 5);
    assertThat(scores).containsExactly(5, 3, 3, 2, 1);
  }

  @Test
  void tenDistinctValuesFillFiveBucketsTwoByTwo() {
    // below = 0..9, 1 + floor(5 * below / 10) = 1,1,2,2,3,3,4,4,5,5.
    long[] values = {7, 1, 9, 3, 5, 2, 10, 4, 8, 6};
    byte[] scores = PercentileRank.higherIsBetter(values, 5);
    assertThat(scores).containsExactly(4, 1, 5, 2, 3, 1, 5, 2, 4, 3);
  }

  @Test
  void intOverloadsAgreeWithLongOnes() {
    assertThat(PercentileRank.higherIsBetter(new int[] {3, 1, 2, 2}, 4)).containsExactly(4, 1, 2, 2);
    // Strictly larger: 0, 3, 1, 1 -> 1 + floor(4 * larger / 4) = 1, 4, 2, 2.
    assertThat(PercentileRank.lowerIsBetter(new int[] {3, 1, 2, 2}, 4)).containsExactly(1, 4, 2, 2);
  }

  @Test
  void everyoneEqualGetsTheLowestScore() {
    // Nobody is strictly lower (or higher), so every customer has 0 "better-than" customers.
    assertThat(PercentileRank.higherIsBetter(new long[] {5, 5, 5}, 5)).containsExactly(1, 1, 1);
    assertThat(PercentileRank.lowerIsBetter(new long[] {5, 5, 5}, 5)).containsExactly(1, 1, 1);
  }

  @Test
  void extremeValuesDoNotOverflow() {
    long[] values = {Long.MAX_VALUE, Long.MIN_VALUE, 0};
    assertThat(PercentileRank.higherIsBetter(values, 3)).containsExactly(3, 1, 2);
    assertThat(PercentileRank.lowerIsBetter(values, 3)).containsExactly(1, 3, 2);
  }

  @Test
  void emptyInputGivesEmptyOutput() {
    assertThat(PercentileRank.higherIsBetter(new long[0], 5)).isEmpty();
    assertThat(PercentileRank.lowerIsBetter(new int[0], 5)).isEmpty();
    assertThat(PercentileRank.fractionBelow(new double[0])).isEmpty();
  }

  @Test
  void rejectsBucketCountsOutsideTheByteRange() {
    assertThatThrownBy(() -> PercentileRank.higherIsBetter(new long[] {1}, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("buckets must be between 1 and 100, got 0");
    assertThatThrownBy(() -> PercentileRank.lowerIsBetter(new long[] {1}, 101))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void fractionBelowCountsOnlyKnownValuesAndKeepsNaN() {
    // Known values 3, 1, 3, 2 (n = 4): strictly below 3 are two (1, 2) -> 0.5; below 1 none; below 2 one.
    float[] below = PercentileRank.fractionBelow(new double[] {3, Double.NaN, 1, 3, 2});
    assertThat(below[0]).isEqualTo(0.5f);
    assertThat(below[1]).isNaN();
    assertThat(below[2]).isEqualTo(0f);
    assertThat(below[3]).isEqualTo(0.5f);
    assertThat(below[4]).isEqualTo(0.25f);
  }

  @Test
  void fractionAboveMirrorsFractionBelow() {
    // Strictly above: 3 -> none, 1 -> three, 2 -> two, of four known values.
    float[] above = PercentileRank.fractionAbove(new double[] {3, Double.NaN, 1, 3, 2});
    assertThat(above[0]).isEqualTo(0f);
    assertThat(above[1]).isNaN();
    assertThat(above[2]).isEqualTo(0.75f);
    assertThat(above[4]).isEqualTo(0.5f);
  }

  @Test
  void negativeZeroTiesWithZero() {
    float[] below = PercentileRank.fractionBelow(new double[] {-0.0, 0.0, 1.0});
    assertThat(below).containsExactly(0f, 0f, 2f / 3f);
  }

  @Test
  void allNaNStaysNaN() {
    float[] below = PercentileRank.fractionBelow(new double[] {Double.NaN, Double.NaN});
    assertThat(below[0]).isNaN();
    assertThat(below[1]).isNaN();
  }

  @Test
  void infinitiesRankAtTheEnds() {
    float[] below =
        PercentileRank.fractionBelow(new double[] {Double.POSITIVE_INFINITY, 0, Double.NEGATIVE_INFINITY});
    assertThat(below).containsExactly(2f / 3f, 1f / 3f, 0f);
  }
}
