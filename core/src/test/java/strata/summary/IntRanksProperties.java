package strata.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.Size;

/** The radix ranks against a stable full sort of the indices by key (List.sort is a stable merge sort). */
class IntRanksProperties {

  @Property
  void ranksAreTheIndicesPlacesInAStableSort(@ForAll("ints") @Size(max = 600) List<Integer> values) {
    int[] keys = values.stream().mapToInt(Integer::intValue).toArray();
    assertThat(IntRanks.of(keys)).containsExactly(stableSortRanks(keys));
  }

  @Property
  void distinctLinesNearTheTopOfTheIntRange(@ForAll("topLines") @Size(max = 600) List<Integer> values) {
    int[] keys = values.stream().distinct().mapToInt(Integer::intValue).toArray();
    assertThat(IntRanks.of(keys)).containsExactly(stableSortRanks(keys));
  }

  @Example
  void handWorkedRanks() {
    // Sorted: -7 (index 2), 0 (3), 5 (0), 5 (4), MAX (1): equal 5s keep index order.
    assertThat(IntRanks.of(new int[] {5, Integer.MAX_VALUE, -7, 0, 5})).containsExactly(2, 4, 0, 1, 3);
    assertThat(IntRanks.of(new int[] {Integer.MIN_VALUE, -1, 0, Integer.MAX_VALUE})).containsExactly(0, 1, 2, 3);
    assertThat(IntRanks.of(new int[] {42})).containsExactly(0);
    assertThat(IntRanks.of(new int[] {9, 9, 9})).containsExactly(0, 1, 2);
    assertThat(IntRanks.of(new int[0])).isEmpty();
  }

  private static int[] stableSortRanks(int[] keys) {
    List<Integer> indices = new ArrayList<>();
    for (int i = 0; i < keys.length; i++) indices.add(i);
    indices.sort(Comparator.comparingInt(i -> keys[i]));
    int[] ranks = new int[keys.length];
    for (int r = 0; r < keys.length; r++) ranks[indices.get(r)] = r;
    return ranks;
  }

  /** Whole range, with many repeats and the extremes, so every digit and the sign are exercised. */
  @Provide
  Arbitrary<List<Integer>> ints() {
    Arbitrary<Integer> edges = Arbitraries.of(Integer.MIN_VALUE, Integer.MAX_VALUE, 0, -1, 1, 2047, 2048, 1 << 22);
    return Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.integers()), Tuple.of(2, Arbitraries.integers().between(0, 40)), Tuple.of(1, edges))
        .list();
  }

  /** Line numbers just below 2^31, where the top digit is nearly all ones. */
  @Provide
  Arbitrary<List<Integer>> topLines() {
    return Arbitraries.integers().between(Integer.MAX_VALUE - 5000, Integer.MAX_VALUE).list();
  }
}
