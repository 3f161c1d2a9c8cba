package strata.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static strata.value.Quadrant.CASH_COW;
import static strata.value.Quadrant.MAINTAIN;
import static strata.value.Quadrant.RISING;
import static strata.value.Quadrant.STAR;
import static strata.value.Quadrant.UNKNOWN;

import java.util.Locale;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import strata.scoring.ConfigException;
import strata.scoring.YamlSection;

class ValuePotentialMatrixTest {
  private static final double NAN = Double.NaN;

  private static Quadrant[] quadrants(byte[] ordinals) {
    Quadrant[] q = new Quadrant[ordinals.length];
    for (int i = 0; i < q.length; i++) {
      q[i] = Quadrant.ofOrdinal(ordinals[i]);
    }
    return q;
  }

  @Test
  void medianCutsWithTheMedianItselfCountingAsHigh() {
    // Known values {10, 20, 30, 40}: median (20 + 30) / 2 = 25. Known potentials {5, 1, 3, 9, 7}: median 5.
    double[] value = {10, 20, 30, 40, NAN};
    double[] potential = {5, 1, 3, 9, 7};
    assertThat(ValuePotentialMatrix.cut(value, OptionalDouble.empty())).isEqualTo(25);
    assertThat(ValuePotentialMatrix.cut(potential, OptionalDouble.empty())).isEqualTo(5);
    byte[] q = ValuePotentialMatrix.classify(value, potential, MatrixConfig.defaults());
    // 10 low / 5 high (at the median) -> rising; 20 low / 1 low -> maintain; 30 high / 3 low -> cash cow;
    // 40 high / 9 high -> star; NaN value -> unknown.
    assertThat(quadrants(q)).containsExactly(RISING, MAINTAIN, CASH_COW, STAR, UNKNOWN);
  }

  @Test
  void medianCutSkipsUnknownValuesAndLeavesTheInputAsItWas() {
    // Known {3, 1, 2, 5}: (2 + 3) / 2 = 2.5. Nothing known: no median.
    double[] values = {NAN, 3, 1, NAN, 2, 5};
    assertThat(ValuePotentialMatrix.cut(values, OptionalDouble.empty())).isEqualTo(2.5);
    assertThat(values).containsExactly(NAN, 3, 1, NAN, 2, 5);
    assertThat(ValuePotentialMatrix.cut(new double[] {NAN, NAN}, OptionalDouble.empty())).isNaN();
    assertThat(ValuePotentialMatrix.cut(new double[0], OptionalDouble.empty())).isNaN();
  }

  @Test
  void fixedCutsApplyAsGiven() {
    MatrixConfig config = new MatrixConfig(OptionalDouble.of(50), OptionalDouble.of(50));
    byte[] q = ValuePotentialMatrix.classify(new double[] {50, 49.9, 80}, new double[] {50, 60, NAN}, config);
    assertThat(quadrants(q)).containsExactly(STAR, RISING, UNKNOWN);
  }

  @Test
  void emptyInputGivesEmptyOutput() {
    assertThat(ValuePotentialMatrix.classify(new double[0], new double[0], MatrixConfig.defaults())).isEmpty();
  }

  @Test
  void allUnknownStaysUnknown() {
    byte[] q = ValuePotentialMatrix.classify(new double[] {NAN}, new double[] {NAN}, MatrixConfig.defaults());
    assertThat(quadrants(q)).containsExactly(UNKNOWN);
  }

  @Test
  void rejectsMismatchedLengthsAndInfinity() {
    assertThatThrownBy(() -> ValuePotentialMatrix.classify(new double[2], new double[3], MatrixConfig.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("value and potential must have one entry per customer, got lengths 2 and 3");
    assertThatThrownBy(() -> ValuePotentialMatrix.classify(
            new double[] {1}, new double[] {Double.POSITIVE_INFINITY}, MatrixConfig.defaults()))
        .hasMessage("potential[0] is infinite; use NaN for unknown");
  }

  @Test
  void readsCutsFromYaml() {
    MatrixConfig config = MatrixConfig.fromMap(
        YamlSection.section("scoring:\n  matrix: {value_cut: 60, potential_cut: median}\n", "scoring.matrix"));
    assertThat(config).isEqualTo(new MatrixConfig(OptionalDouble.of(60), OptionalDouble.empty()));
    assertThat(MatrixConfig.fromMap(null)).isEqualTo(MatrixConfig.defaults());
    assertThatThrownBy(() -> MatrixConfig.fromMap(
            YamlSection.section("scoring:\n  matrix: {value_cut: mean}\n", "scoring.matrix")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("scoring.matrix.value_cut must be 'median' or a number, got 'mean'");
    assertThatThrownBy(() -> MatrixConfig.fromMap(
            YamlSection.section("scoring:\n  matrix: {cut: 5}\n", "scoring.matrix")))
        .hasMessage("scoring.matrix.cut is not a known setting (known: potential_cut, value_cut)");
  }

  @Test
  void quadrantsHaveChineseAndEnglishLabels() {
    assertThat(STAR.label(Locale.CHINESE)).isEqualTo("明星客户");
    assertThat(CASH_COW.label(Locale.CHINESE)).isEqualTo("金牛客户");
    assertThat(RISING.label(Locale.CHINESE)).isEqualTo("潜力新星");
    assertThat(MAINTAIN.label(Locale.CHINESE)).isEqualTo("维持客户");
    assertThat(UNKNOWN.code()).isEqualTo("unknown");
    assertThat(CASH_COW.label(Locale.ENGLISH)).isEqualTo("Cash cow");
  }
}
