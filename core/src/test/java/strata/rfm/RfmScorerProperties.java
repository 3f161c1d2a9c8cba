package strata.rfm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class RfmScorerProperties {
  private static final RfmConfig THRESHOLDS =
      RfmConfig.thresholds(List.of(30, 90, 180, 365), List.of(2, 3, 5, 10), List.of(10_000L, 50_000L, 100_000L));

  @Property
  void thresholdScoresStayInRangeAndFollowTheMetric(
      @ForAll @Size(max = 80) List<@IntRange(min = 0, max = 500) Integer> days,
      @ForAll @IntRange(min = 0, max = 12) int purchasesBase) {
    int n = days.size();
    int[] recency = days.stream().mapToInt(Integer::intValue).toArray();
    int[] frequency = new int[n];
    long[] monetary = new long[n];
    for (int i = 0; i < n; i++) {
      frequency[i] = (recency[i] + purchasesBase) % 13;
      monetary[i] = recency[i] * 300L - 1000;
    }
    RfmScores s = RfmScorer.score(recency, frequency, monetary, THRESHOLDS);
    for (int i = 0; i < n; i++) {
      assertThat((int) s.r()[i]).isBetween(1, 5);
      assertThat((int) s.f()[i]).isBetween(1, 5);
      assertThat((int) s.m()[i]).isBetween(1, 4);
      for (int j = 0; j < n; j++) {
        if (recency[i] <= recency[j]) {
          assertThat(s.r()[i]).isGreaterThanOrEqualTo(s.r()[j]);
        }
        if (frequency[i] <= frequency[j]) {
          assertThat(s.f()[i]).isLessThanOrEqualTo(s.f()[j]);
        }
        if (monetary[i] <= monetary[j]) {
          assertThat(s.m()[i]).isLessThanOrEqualTo(s.m()[j]);
        }
      }
    }
  }
}
