package strata.rfm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RfmScorerTest {

  @Test
  void percentileModeRanksEachDimension() {
    int[] recency = {0, 10, 10, 30, 400};
    int[] frequency = {1, 1, 2, 5, 3};
    long[] monetary = {1000, -500, 1000, 99_999, 0};
    RfmScores scores = RfmScorer.score(recency, frequency, monetary, RfmConfig.defaults());
    // Hand count with n = 5, buckets = 5, score = 1 + (number strictly better):
    // R: strictly larger recencies 4, 2, 2, 1, 0.
    assertThat(scores.r()).containsExactly(5, 3, 3, 2, 1);
    // F: strictly lower counts 0, 0, 2, 4, 3.
    assertThat(scores.f()).containsExactly(1, 1, 3, 5, 4);
    // M: strictly lower spends 2, 0, 2, 4, 1 (refund-negative spend ranks lowest).
    assertThat(scores.m()).containsExactly(3, 1, 3, 5, 2);
  }

  @Test
  void thresholdsModeCountsTheBoundsReached() {
    RfmConfig config =
        RfmConfig.thresholds(List.of(30, 90, 180, 365), List.of(2, 3, 5, 10), List.of(10_000L, 50_000L, 100_000L, 500_000L));
    int[] recency = {0, 30, 31, 90, 365, 366};
    int[] frequency = {1, 2, 4, 10, 100, 0};
    long[] monetary = {9_999, 10_000, Long.MAX_VALUE, -100, 499_999, 500_000};
    RfmScores scores = RfmScorer.score(recency, frequency, monetary, config);
    // R = 5 if days <= 30, 4 if <= 90, 3 if <= 180, 2 if <= 365, else 1 (limits are inclusive).
    assertThat(scores.r()).containsExactly(5, 5, 4, 4, 2, 1);
    // F = 1 + number of bounds <= purchases.
    assertThat(scores.f()).containsExactly(1, 2, 3, 5, 5, 1);
    assertThat(scores.m()).containsExactly(1, 2, 5, 1, 4, 5);
  }

  @Test
  void hugeSpendIsRankedNotOverflowed() {
    RfmScores scores =
        RfmScorer.score(new int[] {1, 2}, new int[] {1, 1}, new long[] {Long.MAX_VALUE, 1}, RfmConfig.defaults());
    assertThat(scores.m()).containsExactly(3, 1);
  }

  @Test
  void emptyInputGivesEmptyScores() {
    RfmScores scores = RfmScorer.score(new int[0], new int[0], new long[0], RfmConfig.defaults());
    assertThat(scores.size()).isZero();
  }

  @Test
  void rejectsArraysOfDifferentLengths() {
    assertThatThrownBy(() -> RfmScorer.score(new int[2], new int[2], new long[3], RfmConfig.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("recencyDays, frequency and monetaryCents must have one entry per customer, got lengths 2, 2, 3");
  }

  @Test
  void rejectsNegativeRecency() {
    assertThatThrownBy(() -> RfmScorer.score(new int[] {3, -2}, new int[2], new long[2], RfmConfig.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("recencyDays[1] is -2: a purchase after the as-of date? Recency must not be negative");
  }

  @Test
  void rejectsNegativeFrequency() {
    assertThatThrownBy(() -> RfmScorer.score(new int[2], new int[] {1, -1}, new long[2], RfmConfig.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("frequency[1] is -1: must not be negative");
  }
}
