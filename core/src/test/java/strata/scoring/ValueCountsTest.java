package strata.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Counts merged from parts against counting the whole array by brute force, and medians against {@link Median}. */
class ValueCountsTest {
  @Test
  void mergedPartsCountBelowAndAboveAsTheWholeArrayDoes() {
    Random random = new Random(3);
    long[] all = random.longs(2_000, -20, 20).toArray();
    ValueCounts merged = ValueCounts.EMPTY;
    for (int from = 0; from < all.length; from += 300) {
      merged = merged.merge(ValueCounts.of(Arrays.copyOfRange(all, from, Math.min(all.length, from + 300))));
    }
    assertThat(merged.total()).isEqualTo(all.length);
    for (long v = -22; v <= 22; v++) {
      long value = v;
      assertThat(merged.below(v)).isEqualTo(Arrays.stream(all).filter(x -> x < value).count());
      assertThat(merged.above(v)).isEqualTo(Arrays.stream(all).filter(x -> x > value).count());
    }
  }

  @Test
  void medianOfCountedDoublesIsMediansOwn() {
    Random random = new Random(4);
    for (int n = 1; n < 60; n++) {
      double[] values = new double[n];
      for (int i = 0; i < n; i++) {
        values[i] = switch (random.nextInt(4)) {
          case 0 -> -0.0;
          case 1 -> 0.0;
          default -> random.nextInt(7) - 3.5;
        };
      }
      ValueCounts halves = ValueCounts.ofDoubles(Arrays.copyOf(values, n / 2))
          .merge(ValueCounts.ofDoubles(Arrays.copyOfRange(values, n / 2, n)));
      assertThat(Double.doubleToRawLongBits(halves.median()))
          .isEqualTo(Double.doubleToRawLongBits(Median.of(values.clone())));
    }
    assertThat(ValueCounts.ofDoubles(new double[] {Double.NaN}).median()).isNaN();
  }
}
