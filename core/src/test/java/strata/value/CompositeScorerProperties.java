package strata.value;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class CompositeScorerProperties {

  /** Small integers with -1 standing for unknown: many ties and many gaps. */
  private static double[] withGaps(List<Integer> raw) {
    return raw.stream().mapToDouble(v -> v < 0 ? Double.NaN : v).toArray();
  }

  @Property
  void scoresAreWithinZeroToHundredAndNaNOnlyWhereTheMaskSaysSo(
      @ForAll @Size(min = 30, max = 30) List<@IntRange(min = -1, max = 6) Integer> a,
      @ForAll @Size(min = 30, max = 30) List<@IntRange(min = -1, max = 6) Integer> b,
      @ForAll @Size(min = 30, max = 30) List<@IntRange(min = -1, max = 6) Integer> c) {
    Map<String, double[]> inputs = Map.of(
        "monetary", withGaps(a), "recency_days", withGaps(b), "nps", withGaps(c));
    CompositeScores s = CompositeScorer.score(inputs, CompositeConfig.defaults());
    for (int i = 0; i < 30; i++) {
      for (Component comp : Component.values()) {
        float v = s.component(comp)[i];
        assertThat(Float.isNaN(v)).isEqualTo(s.isMissing(i, comp));
        if (!Float.isNaN(v)) {
          assertThat(v).isBetween(0f, 100f);
        }
      }
      assertThat(Float.isNaN(s.score()[i])).isEqualTo(s.missingMask()[i] == 7);
      if (!Float.isNaN(s.score()[i])) {
        assertThat(s.score()[i]).isBetween(0f, 100f);
      }
    }
  }

  @Property
  void withOneInputTheScoreFollowsItsOrderAndTiesShare(
      @ForAll @Size(max = 60) List<@IntRange(min = 0, max = 10) Integer> spend) {
    double[] values = spend.stream().mapToDouble(Integer::doubleValue).toArray();
    CompositeScores s = CompositeScorer.score(Map.of("monetary", values), CompositeConfig.defaults());
    for (int i = 0; i < values.length; i++) {
      for (int j = 0; j < values.length; j++) {
        if (values[i] == values[j]) {
          assertThat(s.score()[i]).isEqualTo(s.score()[j]);
        } else if (values[i] < values[j]) {
          assertThat(s.score()[i]).isLessThan(s.score()[j]);
        }
      }
    }
  }
}
