package strata.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompositeScorerTest {
  private static final double NAN = Double.NaN;

  @Test
  void missingInputsAndComponentsAreReweightedAndReported() {
    Map<String, double[]> inputs = new LinkedHashMap<>();
    inputs.put("monetary", new double[] {100, 200, 300, NAN});
    inputs.put("frequency", new double[] {1, 1, 5, 2});
    inputs.put("recency_days", new double[] {10, 50, NAN, 30});
    CompositeScores s = CompositeScorer.score(inputs, CompositeConfig.defaults());

    // Hand calculation:
    // monetary, 3 known: strictly below 0, 1, 2 of 3 -> 0, 33.33, 66.67, NaN.
    // frequency, 4 known: below 0, 0, 3, 2 of 4 -> 0, 0, 75, 50.
    // historical = mean of the present ones: 0, 16.67, 70.83, 50 (customer 3: frequency only).
    assertThat(s.historical()[0]).isEqualTo(0f);
    assertThat(s.historical()[1]).isCloseTo(16.6667f, within(1e-3f));
    assertThat(s.historical()[2]).isCloseTo(70.8333f, within(1e-3f));
    assertThat(s.historical()[3]).isEqualTo(50f);
    // recency lower-is-better, 3 known: strictly higher 2, 0, -, 1 of 3 -> 66.67, 0, NaN, 33.33.
    // purchase_rate absent, so potential = recency alone.
    assertThat(s.potential()[0]).isCloseTo(66.6667f, within(1e-3f));
    assertThat(s.potential()[1]).isEqualTo(0f);
    assertThat(s.potential()[2]).isNaN();
    assertThat(s.potential()[3]).isCloseTo(33.3333f, within(1e-3f));
    // strategic inputs all absent.
    for (float v : s.strategic()) {
      assertThat(v).isNaN();
    }
    // Composite re-weighted over present components (40/40 -> halves, or historical alone):
    // (0 + 66.67)/2 = 33.33; (16.67 + 0)/2 = 8.33; 70.83; (50 + 33.33)/2 = 41.67.
    assertThat(s.score()[0]).isCloseTo(33.3333f, within(1e-3f));
    assertThat(s.score()[1]).isCloseTo(8.3333f, within(1e-3f));
    assertThat(s.score()[2]).isCloseTo(70.8333f, within(1e-3f));
    assertThat(s.score()[3]).isCloseTo(41.6667f, within(1e-3f));
    // Bits: 4 = strategic missing; 6 = potential and strategic missing.
    assertThat(s.missingMask()).containsExactly(4, 4, 6, 4);
    assertThat(s.isMissing(2, Component.POTENTIAL)).isTrue();
    assertThat(s.absentInputs()).containsExactly("clv", "purchase_rate", "size_score", "nps");
  }

  @Test
  void allThreeComponentsCombineByTheirWeights() {
    Map<String, double[]> inputs = Map.of(
        "monetary", new double[] {1, 2},
        "frequency", new double[] {1, 2},
        "recency_days", new double[] {5, 1},
        "purchase_rate", new double[] {0.1, 0.2},
        "size_score", new double[] {3, 1},
        "nps", new double[] {9, NAN});
    CompositeScores s = CompositeScorer.score(inputs, CompositeConfig.defaults());
    // Customer 0: H (0+0)/2 = 0; P (0+0)/2 = 0; S (size 50 + nps 0)/2 = 25 -> (0 + 0 + 20*25)/100 = 5.
    // Customer 1: H 50; P (recency 50 + rate 50)/2 = 50; S size 0, nps missing -> 0
    //             -> (40*50 + 40*50 + 0)/100 = 40.
    assertThat(s.score()).containsExactly(5f, 40f);
    assertThat(s.missingMask()).containsExactly(0, 0);
    assertThat(s.absentInputs()).containsExactly("clv"); // the test gives every input but CLV
  }

  @Test
  void noComponentPresentGivesNaNWithEveryBitSet() {
    CompositeScores s = CompositeScorer.score(Map.of("unused", new double[] {1}), CompositeConfig.defaults());
    assertThat(s.score()[0]).isNaN();
    assertThat(s.missingMask()).containsExactly(7);
  }

  @Test
  void emptyArraysGiveEmptyResults() {
    CompositeScores s = CompositeScorer.score(Map.of("monetary", new double[0]), CompositeConfig.defaults());
    assertThat(s.score()).isEmpty();
    assertThat(s.missingMask()).isEmpty();
  }

  @Test
  void rejectsNoInputsNullsAndDifferentLengths() {
    assertThatThrownBy(() -> CompositeScorer.score(Map.of(), CompositeConfig.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the composite score needs at least one input; none was given");
    Map<String, double[]> uneven = new LinkedHashMap<>();
    uneven.put("monetary", new double[4]);
    uneven.put("frequency", new double[3]);
    assertThatThrownBy(() -> CompositeScorer.score(uneven, CompositeConfig.defaults()))
        .hasMessage("input 'frequency' has 3 values but 'monetary' has 4; every input needs one value per customer");
    Map<String, double[]> withNull = new LinkedHashMap<>();
    withNull.put("nps", null);
    assertThatThrownBy(() -> CompositeScorer.score(withNull, CompositeConfig.defaults()))
        .hasMessage("input 'nps' has no values (null)");
  }

  @Test
  void onlyRelativeWeightsMatter() {
    Map<String, double[]> inputs = Map.of("monetary", new double[] {1, 2, 3}, "recency_days", new double[] {9, 1, 5});
    CompositeConfig tenths = new CompositeConfig(
        Map.of(Component.HISTORICAL, 4.0, Component.POTENTIAL, 4.0, Component.STRATEGIC, 2.0),
        CompositeConfig.defaults().inputs());
    assertThat(CompositeScorer.score(inputs, tenths).score())
        .containsExactly(CompositeScorer.score(inputs, CompositeConfig.defaults()).score());
  }

  @Test
  void componentsHaveLabels() {
    assertThat(Component.HISTORICAL.label(Locale.CHINESE)).isEqualTo("历史价值");
    assertThat(Component.STRATEGIC.label(Locale.ENGLISH)).isEqualTo("Strategic value");
    assertThat(List.of(Component.values())).extracting(Component::bit).containsExactly(1, 2, 4);
  }
}
