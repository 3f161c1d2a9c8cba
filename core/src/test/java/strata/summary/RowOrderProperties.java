package strata.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/** The packed primitive orders equal a stable sort of boxed indices with a comparator (the independent method). */
class RowOrderProperties {
  @Property
  void textOrderIsAStableSortById(@ForAll @Size(max = 60) List<@StringLength(max = 3) String> ids) {
    String[] keys = ids.toArray(String[]::new);
    int[] expected = IntStream.range(0, keys.length).boxed().sorted(Comparator.comparing(i -> keys[i]))
        .mapToInt(Integer::intValue).toArray();
    assertThat(RowOrder.byText(keys)).containsExactly(expected);
  }

  @Property
  void lexicographicOrderIsAStableSortByColumns(
      @ForAll @Size(max = 60) List<@Size(3) List<@IntRange(min = -2, max = 2) Integer>> small,
      @ForAll @DoubleRange(min = -1, max = 1) double scale) {
    // Few distinct values, so that ties on the first columns are common; -0.0 and 0.0 both occur when scale is 0.
    double[][] rows = small.stream().map(r -> r.stream().mapToDouble(v -> v * scale).toArray()).toArray(double[][]::new);
    int[] expected = IntStream.range(0, rows.length).boxed()
        .sorted(Comparator.<Integer>comparingDouble(i -> rows[i][0]).thenComparingDouble(i -> rows[i][1])
            .thenComparingDouble(i -> rows[i][2]))
        .mapToInt(Integer::intValue).toArray();
    assertThat(RowOrder.lexicographic(rows)).containsExactly(expected);
  }
}
