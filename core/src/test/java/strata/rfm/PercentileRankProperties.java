package strata.rfm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Provide;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class PercentileRankProperties {

  // Small value ranges on purpose: they produce many ties.

  @Property
  void scoresStayWithinOneToBuckets(
      @ForAll @Size(max = 300) List<@LongRange(min = -20, max = 20) Long> values,
      @ForAll @IntRange(min = 1, max = 10) int buckets) {
    long[] v = toArray(values);
    for (byte s : PercentileRank.higherIsBetter(v, buckets)) {
      assertThat((int) s).isBetween(1, buckets);
    }
    for (byte s : PercentileRank.lowerIsBetter(v, buckets)) {
      assertThat((int) s).isBetween(1, buckets);
    }
  }

  @Property
  void matchesABruteForceCount(
      @ForAll @Size(max = 200) List<@LongRange(min = -20, max = 20) Long> values,
      @ForAll @IntRange(min = 1, max = 10) int buckets) {
    // Independent oracle: the definition, counted pairwise in O(n^2).
    assertPairwiseCounts(toArray(values), buckets);
  }

  @Property
  void matchesABruteForceCountOverTheWholeRange(
      @ForAll @Size(max = 200) List<@From("wideLongs") Long> values, @ForAll @IntRange(min = 1, max = 10) int buckets) {
    // Values far apart are sorted, close ones counted: both against the pairwise definition.
    assertPairwiseCounts(toArray(values), buckets);
  }

  private static void assertPairwiseCounts(long[] v, int buckets) {
    byte[] higher = PercentileRank.higherIsBetter(v, buckets);
    byte[] lower = PercentileRank.lowerIsBetter(v, buckets);
    for (int i = 0; i < v.length; i++) {
      int below = 0;
      int above = 0;
      for (long other : v) {
        below += other < v[i] ? 1 : 0;
        above += other > v[i] ? 1 : 0;
      }
      assertThat((int) higher[i]).isEqualTo(1 + buckets * below / v.length);
      assertThat((int) lower[i]).isEqualTo(1 + buckets * above / v.length);
    }
  }

  @Provide
  Arbitrary<Long> wideLongs() {
    return Arbitraries.oneOf(Arbitraries.longs(), Arbitraries.of(Long.MIN_VALUE, Long.MAX_VALUE, 0L, 65_535L, 65_536L),
        Arbitraries.longs().between(-100_000, 100_000));
  }

  @Property
  void equalValuesShareAScoreAndLargerValuesNeverScoreLower(
      @ForAll @Size(max = 200) List<@LongRange(min = -20, max = 20) Long> values,
      @ForAll @IntRange(min = 1, max = 10) int buckets) {
    long[] v = toArray(values);
    byte[] higher = PercentileRank.higherIsBetter(v, buckets);
    byte[] lower = PercentileRank.lowerIsBetter(v, buckets);
    for (int i = 0; i < v.length; i++) {
      for (int j = 0; j < v.length; j++) {
        if (v[i] == v[j]) {
          assertThat(higher[i]).isEqualTo(higher[j]);
          assertThat(lower[i]).isEqualTo(lower[j]);
        } else if (v[i] < v[j]) {
          assertThat(higher[i]).isLessThanOrEqualTo(higher[j]);
          assertThat(lower[i]).isGreaterThanOrEqualTo(lower[j]);
        }
      }
    }
  }

  @Property
  void shufflingCustomersShufflesTheirScores(
      @ForAll @Size(max = 200) List<@LongRange(min = -20, max = 20) Long> values,
      @ForAll @IntRange(min = 1, max = 10) int buckets,
      @ForAll long seed) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      order.add(i);
    }
    Collections.shuffle(order, new Random(seed));
    long[] v = toArray(values);
    long[] shuffled = new long[v.length];
    for (int i = 0; i < v.length; i++) {
      shuffled[i] = v[order.get(i)];
    }
    byte[] scores = PercentileRank.higherIsBetter(v, buckets);
    byte[] shuffledScores = PercentileRank.higherIsBetter(shuffled, buckets);
    for (int i = 0; i < v.length; i++) {
      assertThat(shuffledScores[i]).isEqualTo(scores[order.get(i)]);
    }
  }

  @Property
  void fractionsAreInUnitIntervalAndTiesShare(
      @ForAll @Size(max = 200) List<@DoubleRange(min = -5, max = 5) Double> values) {
    double[] v = new double[values.size()];
    for (int i = 0; i < v.length; i++) {
      // Rounded to halves so ties are common; every third one unknown.
      v[i] = i % 3 == 2 ? Double.NaN : Math.rint(values.get(i) * 2) / 2;
    }
    float[] below = PercentileRank.fractionBelow(v);
    float[] above = PercentileRank.fractionAbove(v);
    for (int i = 0; i < v.length; i++) {
      if (Double.isNaN(v[i])) {
        assertThat(below[i]).isNaN();
        assertThat(above[i]).isNaN();
        continue;
      }
      assertThat(below[i]).isBetween(0f, 1f).isLessThan(1f);
      assertThat(above[i]).isBetween(0f, 1f).isLessThan(1f);
      for (int j = 0; j < v.length; j++) {
        if (v[i] == v[j]) {
          assertThat(below[i]).isEqualTo(below[j]);
        } else if (v[i] < v[j]) {
          assertThat(below[i]).isLessThan(below[j]);
          assertThat(above[i]).isGreaterThan(above[j]);
        }
      }
    }
  }

  private static long[] toArray(List<Long> values) {
    return values.stream().mapToLong(Long::longValue).toArray();
  }
}
