package strata.rfm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** The radix ranking against the definition, counted pairwise, over the whole range of each type. */
class RankCountsProperties {

  @Property
  void longsOverTheirWholeRange(@ForAll("wideLongs") @Size(max = 400) List<Long> values) {
    long[] v = values.stream().mapToLong(Long::longValue).toArray();
    long[] keys = new long[v.length];
    for (int i = 0; i < v.length; i++) keys[i] = RankCounts.key(v[i]);
    int[] below = new int[v.length];
    RankCounts.below(keys, RankCounts.identity(v.length), (position, count) -> below[position] = count);
    for (int i = 0; i < v.length; i++) {
      int expected = 0;
      for (long other : v) expected += other < v[i] ? 1 : 0;
      assertThat(below[i]).as("value %d", v[i]).isEqualTo(expected);
    }
  }

  @Property
  void doublesIncludingSignedZerosAndInfinities(@ForAll("doubles") @Size(max = 400) List<Double> values) {
    assertFractionsMatchPairwiseCounts(values);
  }

  @Property
  void wholeNumbersCloseTogetherAsCounted(@ForAll("wholeDoubles") @Size(max = 400) List<Double> values) {
    assertFractionsMatchPairwiseCounts(values);
  }

  private static void assertFractionsMatchPairwiseCounts(List<Double> values) {
    double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
    float[] below = PercentileRank.fractionBelow(v);
    float[] above = PercentileRank.fractionAbove(v);
    int known = (int) values.stream().filter(d -> !d.isNaN()).count();
    for (int i = 0; i < v.length; i++) {
      if (Double.isNaN(v[i])) {
        assertThat(below[i]).isNaN();
        assertThat(above[i]).isNaN();
        continue;
      }
      int lower = 0;
      int higher = 0;
      for (double other : v) {
        lower += other < v[i] ? 1 : 0; // NaN compares false: not counted, as it is not known
        higher += other > v[i] ? 1 : 0;
      }
      assertThat(below[i]).as("value %s", v[i]).isEqualTo((float) ((double) lower / known));
      assertThat(above[i]).as("value %s", v[i]).isEqualTo((float) ((double) higher / known));
    }
  }

  @Property
  void positionsMapCountsBackToTheirOwners(@ForAll @Size(max = 200) List<Integer> values) {
    // Keys given in a shuffled order of positions: each count must land at its own position.
    int n = values.size();
    int[] positions = new int[n];
    long[] keys = new long[n];
    for (int i = 0; i < n; i++) {
      positions[i] = n - 1 - i;
      keys[i] = RankCounts.key((long) values.get(i));
    }
    int[] below = new int[n];
    RankCounts.below(keys, positions, (position, count) -> below[position] = count);
    for (int i = 0; i < n; i++) {
      int expected = 0;
      for (int other : values) expected += other < values.get(i) ? 1 : 0;
      assertThat(below[n - 1 - i]).isEqualTo(expected);
    }
  }

  @Provide
  Arbitrary<List<Long>> wideLongs() {
    Arbitrary<Long> any = Arbitraries.longs();
    Arbitrary<Long> edges = Arbitraries.of(Long.MIN_VALUE, Long.MAX_VALUE, 0L, -1L, 1L, 1L << 33, -(1L << 44));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, any), net.jqwik.api.Tuple.of(1, edges)).list();
  }

  @Provide
  Arbitrary<List<Double>> wholeDoubles() {
    Arbitrary<Double> small = Arbitraries.integers().between(-40, 40).map(Integer::doubleValue);
    Arbitrary<Double> edges = Arbitraries.of(-0.0, Double.NaN, 1e6, -70_000.0);
    return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, small), net.jqwik.api.Tuple.of(1, edges)).list();
  }

  @Provide
  Arbitrary<List<Double>> doubles() {
    Arbitrary<Double> any = Arbitraries.doubles();
    Arbitrary<Double> edges = Arbitraries.of(0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, 1.5, -1.5);
    return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(2, any), net.jqwik.api.Tuple.of(2, edges)).list();
  }
}
