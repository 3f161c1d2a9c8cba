package strata.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class ValueScaleTest {

  @Test
  void roundsUpToANiceMaximum() {
    // 35 / 5 ticks = 7 -> next nice step 10 -> axis 0..40.
    assertThat(ValueScale.covering(0, 35)).isEqualTo(new ValueScale(0, 40, 10));
    // 12,600 / 5 = 2,520 -> step 5,000 -> axis 0..15,000.
    assertThat(ValueScale.covering(0, 12_600)).isEqualTo(new ValueScale(0, 15_000, 5_000));
  }

  @Test
  void includesZeroAndNegatives() {
    // range -12..30 = 42; 42 / 5 = 8.4 -> step 10 -> -20..30.
    assertThat(ValueScale.covering(-12, 30)).isEqualTo(new ValueScale(-20, 30, 10));
    assertThat(ValueScale.covering(5, 8).min()).isZero();
  }

  @Test
  void allZeroGivesAUnitAxisInsteadOfDividingByZero() {
    ValueScale scale = ValueScale.covering(0, 0);
    assertThat(scale.fraction(0)).isZero();
    assertThat(scale.ticks()).containsExactly(0, 1);
  }

  @Property
  void axisCoversTheDataAndZero(@ForAll @DoubleRange(min = -1e12, max = 1e12) double a,
      @ForAll @DoubleRange(min = -1e12, max = 1e12) double b) {
    ValueScale scale = ValueScale.covering(Math.min(a, b), Math.max(a, b));
    assertThat(scale.min()).isLessThanOrEqualTo(Math.min(0, Math.min(a, b)));
    assertThat(scale.max()).isGreaterThanOrEqualTo(Math.max(0, Math.max(a, b)));
    assertThat(scale.ticks().length).isBetween(2, 12);
    assertThat(scale.fraction(scale.max())).isCloseTo(1, within(1e-9));
  }
}
