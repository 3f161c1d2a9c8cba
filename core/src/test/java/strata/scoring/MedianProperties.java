package strata.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.Size;

/** The selection median against the median read off a full sort, compared bit for bit. */
class MedianProperties {

  @Property
  void equalsTheMedianOfAFullSort(@ForAll("doubles") @Size(max = 600) List<Double> values) {
    assertSameAsSorted(values);
  }

  @Property
  void equalsTheMedianOfAFullSortWithManyTies(@ForAll("fewDistinct") @Size(max = 600) List<Double> values) {
    assertSameAsSorted(values);
  }

  private static void assertSameAsSorted(List<Double> values) {
    double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
    double[] sorted = v.clone();
    Arrays.sort(sorted);
    int mid = sorted.length / 2;
    double expected = sorted.length == 0 ? Double.NaN
        : sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    assertThat(Double.doubleToLongBits(Median.of(v))).as("median of %s", values)
        .isEqualTo(Double.doubleToLongBits(expected));
  }

  @Provide
  Arbitrary<List<Double>> doubles() {
    Arbitrary<Double> edges = Arbitraries.of(0.0, -0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
        Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, 1.5, -1.5);
    return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.doubles()), Tuple.of(1, edges)).list();
  }

  /** Long runs of equal values, signed zeros among them: the cases a partition can get wrong. */
  @Provide
  Arbitrary<List<Double>> fewDistinct() {
    return Arbitraries.of(-0.0, 0.0, 1.0, -2.0, 2.5, Double.POSITIVE_INFINITY).list();
  }
}
