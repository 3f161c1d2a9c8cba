package strata.value;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class ValuePotentialMatrixProperties {

  @Property
  void moreValueNeverMovesACustomerFromHighToLowValue(
      @ForAll @Size(min = 1, max = 50) List<@IntRange(min = 0, max = 9) Integer> values,
      @ForAll @Size(min = 50, max = 50) List<@IntRange(min = 0, max = 9) Integer> potentials) {
    double[] v = values.stream().mapToDouble(Integer::doubleValue).toArray();
    double[] p = potentials.subList(0, v.length).stream().mapToDouble(Integer::doubleValue).toArray();
    byte[] q = ValuePotentialMatrix.classify(v, p, MatrixConfig.defaults());
    for (int i = 0; i < v.length; i++) {
      for (int j = 0; j < v.length; j++) {
        boolean highI = q[i] <= Quadrant.CASH_COW.ordinal();
        boolean highJ = q[j] <= Quadrant.CASH_COW.ordinal();
        if (v[i] >= v[j] && highJ) {
          assertThat(highI).isTrue();
        }
        if (v[i] == v[j] && p[i] == p[j]) {
          assertThat(q[i]).isEqualTo(q[j]);
        }
      }
    }
  }
}
