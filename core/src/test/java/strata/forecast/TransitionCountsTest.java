package strata.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The counts path a server takes (one GROUP BY per snapshot pair), checked against the snapshot path. */
class TransitionCountsTest {
  static final LocalDate JAN = LocalDate.of(2024, 1, 1);
  static final LocalDate APR = LocalDate.of(2024, 4, 1);
  static final LocalDate JUL = LocalDate.of(2024, 7, 1);
  static final List<String> TIERS = TierForecastTest.TIERS;

  @Test
  void countsGiveTheSameMatrixAndBacktestAsTheSnapshots() {
    var history = List.of(TierForecastTest.S1, TierForecastTest.S2, TierForecastTest.S3);
    TransitionCounts first = TransitionCounts.between(TierForecastTest.S1, TierForecastTest.S2);
    TransitionCounts second = TransitionCounts.between(TierForecastTest.S2, TierForecastTest.S3);
    assertThat(first.counts()).isEqualTo(new long[][] {{1, 1, 0}, {0, 1, 1}, {0, 1, 1}});
    TransitionMatrix m = TransitionMatrix.of("1", JUL, List.of(first, second), List.of());
    assertThat(m.counts()).isEqualTo(TransitionMatrix.estimate(history).counts());
    assertThat(Backtest.of(List.of(first, second))).isEqualTo(Backtest.run(history));
  }

  @Test
  void badCountsAreRefused() {
    assertThatThrownBy(() -> new TransitionCounts(APR, JAN, "1", TIERS, new long[3][3]))
        .hasMessageContaining("as-of order");
    assertThatThrownBy(() -> new TransitionCounts(JAN, APR, "1", TIERS, new long[2][3]))
        .hasMessageContaining("one row of counts per tier");
    assertThatThrownBy(() -> new TransitionCounts(JAN, APR, "1", TIERS, new long[3][2]))
        .hasMessageContaining("one column");
    long[][] negative = {{0, 0, 0}, {0, -1, 0}, {0, 0, 0}};
    assertThatThrownBy(() -> new TransitionCounts(JAN, APR, "1", TIERS, negative))
        .hasMessageContaining("negative");
    TransitionCounts a = new TransitionCounts(JAN, APR, "1", TIERS, new long[3][3]);
    TransitionCounts b = new TransitionCounts(APR, JUL, "1", List.of("a", "b"), new long[2][2]);
    assertThatThrownBy(() -> TransitionMatrix.of("1", JUL, List.of(a, b), List.of()))
        .hasMessageContaining("has tiers [a, b, c] on one snapshot and [a, b] on another");
    assertThatThrownBy(() -> TransitionMatrix.of("2", JUL, List.of(a), List.of()))
        .hasMessageContaining("model version 2 has only one snapshot (2024-07-01)");
    var v2 = new TierSnapshot(JUL, "2", TIERS, java.util.Map.of());
    assertThatThrownBy(() -> TransitionCounts.between(TierForecastTest.S2, v2)).hasMessageContaining("not mixed");
  }
}
