package strata.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Three quarterly snapshots of seven customers; every count and forecast worked out by hand in the comments. */
class TierForecastTest {
  static final List<String> TIERS = List.of("a", "b", "c"); // a ranks highest
  static final TierSnapshot S1 = snap("2024-01-01", "1",
      Map.of("x1", "a", "x2", "a", "x3", "b", "x4", "b", "x5", "c", "x6", "c"));
  static final TierSnapshot S2 = snap("2024-04-01", "1",
      Map.of("x1", "a", "x2", "b", "x3", "b", "x4", "c", "x5", "c", "x6", "b", "x7", "a"));
  static final TierSnapshot S3 = snap("2024-07-01", "1",
      Map.of("x1", "a", "x2", "b", "x3", "a", "x4", "c", "x5", "c", "x6", "c", "x7", "a"));

  static TierSnapshot snap(String asOf, String version, Map<String, String> tiers) {
    return new TierSnapshot(LocalDate.parse(asOf), version, TIERS, tiers);
  }

  @Test
  void countsTransitionsOfCustomersInBothSnapshots() {
    TransitionMatrix m = TransitionMatrix.estimate(List.of(S1, S2, S3));
    // S1->S2: x1 a>a, x2 a>b, x3 b>b, x4 b>c, x5 c>c, x6 c>b; x7 is new, not a transition.
    // S2->S3: x1 a>a, x7 a>a, x2 b>b, x3 b>a, x6 b>c, x4 c>c, x5 c>c.
    assertThat(m.counts()).isEqualTo(new long[][] {{3, 1, 0}, {1, 2, 2}, {0, 1, 3}});
    assertThat(m.pairs()).isEqualTo(2);
    assertThat(m.modelChanges()).isEmpty();
    assertThat(m.probability(1, 2)).isEqualTo(0.4);
    assertThat(m.downgradeRisk(0)).isEqualTo(0.25); // a>b once in 4
    assertThat(m.downgradeRisk(1)).isEqualTo(0.4); // b>c twice in 5
    assertThat(m.downgradeRisk(2)).isEqualTo(0.0); // the lowest tier cannot move down
  }

  @Test
  void forecastsTheNextDistributionWithIntervals() {
    TierForecast f = TierForecast.of(List.of(S1, S2, S3));
    // Now: a 3 (x1, x3, x7), b 1 (x2), c 3 (x4, x5, x6).
    // E a = 3*3/4 + 1*1/5 = 2.45; E b = 3/4 + 2/5 + 3/4 = 1.9; E c = 2/5 + 9/4 = 2.65.
    assertThat(f.tiers()).extracting(TierForecast.Row::current).containsExactly(3L, 1L, 3L);
    assertThat(f.tiers().get(0).expected()).isCloseTo(2.45, within(1e-12));
    assertThat(f.tiers().get(1).expected()).isCloseTo(1.9, within(1e-12));
    assertThat(f.tiers().get(2).expected()).isCloseTo(2.65, within(1e-12));
    // Var a = [3*.75*.25 + 3*2*(.75*.25/5)] + [1*.2*.8] = .5625 + .225 + .16 = .9475.
    double half = 1.959963984540054 * Math.sqrt(0.9475);
    assertThat(f.tiers().get(0).low()).isCloseTo(2.45 - half, within(1e-9));
    assertThat(f.tiers().get(0).high()).isCloseTo(2.45 + half, within(1e-9));
    assertThat(f.tiers().get(0).downgradeRisk()).isEqualTo(0.25);
    assertThat(f.from()).isEqualTo(LocalDate.parse("2024-07-01"));
    assertThat(f.tiersWithoutHistory()).isEmpty();
  }

  @Test
  void givesEachCustomerTheDowngradeRiskOfTheirTier() {
    TierForecast f = TierForecast.of(List.of(S1, S2, S3));
    Map<String, Double> risk = f.downgradeRisk(S3);
    assertThat(risk).containsEntry("x1", 0.25).containsEntry("x2", 0.4).containsEntry("x4", 0.0).hasSize(7);
  }

  @Test
  void intervalsAreCutToTheCustomersThereAre() {
    // One customer in a, who stayed once: the interval cannot pass 0 or 1.
    TransitionMatrix m = new TransitionMatrix("1", TIERS, new long[][] {{1, 1, 0}, {0, 0, 0}, {0, 0, 0}}, 1,
        List.of());
    TierForecast f = TierForecast.of(m, LocalDate.parse("2024-07-01"), new long[] {1, 0, 2});
    for (TierForecast.Row r : f.tiers()) {
      assertThat(r.low()).isGreaterThanOrEqualTo(0);
      assertThat(r.high()).isLessThanOrEqualTo(3);
    }
    // Tiers b and c have no observed transitions: their customers are assumed to stay, and named.
    assertThat(f.tiersWithoutHistory()).containsExactly("b", "c");
    assertThat(f.tiers().get(2).expected()).isEqualTo(2.0);
    assertThat(f.tiers().get(2).downgradeRisk()).isNull();
  }

  @Test
  void backtestForecastsEachSnapshotFromTheOnesBefore() {
    List<Backtest.Row> rows = Backtest.run(List.of(S1, S2, S3));
    // S3 from S2 with the S1->S2 matrix: a [1,1,0]/2, b [0,1,1]/2, c [0,1,1]/2; S2 has a 2, b 3, c 2.
    // E a = 1, E b = 1 + 1.5 + 1 = 3.5, E c = 1.5 + 1 = 2.5; actual a 3, b 1, c 3.
    assertThat(rows).extracting(Backtest.Row::tier).containsExactly("a", "b", "c");
    assertThat(rows).extracting(Backtest.Row::asOf).containsOnly(LocalDate.parse("2024-07-01"));
    assertThat(rows.get(0).expected()).isCloseTo(1.0, within(1e-12));
    assertThat(rows.get(1).expected()).isCloseTo(3.5, within(1e-12));
    assertThat(rows.get(2).expected()).isCloseTo(2.5, within(1e-12));
    assertThat(rows).extracting(Backtest.Row::actual).containsExactly(3L, 1L, 3L);
    // Var a = 2*.5*.5 + 2*1*(.25/3) = 2/3: 1 ± 1.60 does not reach the actual 3.
    assertThat(rows.get(0).high()).isCloseTo(1 + 1.959963984540054 * Math.sqrt(2 / 3.0), within(1e-9));
    assertThat(rows.get(0).covered()).isFalse();
    assertThat(rows.get(2).covered()).isTrue();
  }

  @Test
  void aSingleSnapshotCannotBeForecast() {
    assertThatThrownBy(() -> TierForecast.of(List.of(S1))).isInstanceOf(ForecastException.class)
        .hasMessageContaining("at least two snapshots").hasMessageContaining("got 1");
    assertThatThrownBy(() -> TierForecast.of(List.of())).hasMessageContaining("got 0");
    assertThat(Backtest.run(List.of(S1, S2))).isEmpty(); // nothing before S2 to learn from
  }

  @Test
  void snapshotsOfDifferentModelVersionsAreNotMixed() {
    TierSnapshot v2a = new TierSnapshot(LocalDate.parse("2024-10-01"), "2", List.of("top", "rest"),
        Map.of("x1", "top", "x2", "rest"));
    assertThatThrownBy(() -> TierForecast.of(List.of(S1, S2, S3, v2a))).isInstanceOf(ForecastException.class)
        .hasMessageContaining("model version 2 has only one snapshot");
    TierSnapshot v2b = new TierSnapshot(LocalDate.parse("2025-01-01"), "2", List.of("top", "rest"),
        Map.of("x1", "rest", "x2", "rest"));
    TransitionMatrix m = TransitionMatrix.estimate(List.of(S1, S2, S3, v2a, v2b));
    assertThat(m.tiers()).containsExactly("top", "rest");
    assertThat(m.counts()).isEqualTo(new long[][] {{0, 1}, {0, 1}}); // only the version 2 pair
    assertThat(m.modelChanges()).containsExactly(new ModelChange(LocalDate.parse("2024-07-01"), "1",
        LocalDate.parse("2024-10-01"), "2"));
    assertThatThrownBy(() -> TierForecast.of(List.of(S1, S2, S3, v2a, v2b)).downgradeRisk(S3))
        .hasMessageContaining("not mixed");
    assertThat(Backtest.run(List.of(S1, S2, S3, v2a, v2b))).extracting(Backtest.Row::asOf)
        .containsOnly(LocalDate.parse("2024-07-01")); // 2024-10-01 follows a model change; 2025-01-01 has no history
  }

  @Test
  void badHistoriesAreRefused() {
    assertThatThrownBy(() -> TransitionMatrix.estimate(List.of(S2, S1))).hasMessageContaining("as-of order");
    assertThatThrownBy(() -> TransitionMatrix.estimate(List.of(S1, S1))).hasMessageContaining("as-of order");
    TierSnapshot unknownTier = snap("2024-10-01", "1", Map.of("x1", "zzz"));
    assertThatThrownBy(() -> TransitionMatrix.estimate(List.of(S3, unknownTier)))
        .hasMessageContaining("tier 'zzz' is not in model version 1");
    assertThatThrownBy(() -> new TierSnapshot(LocalDate.parse("2024-01-01"), "1", List.of("a", "a"), Map.of()))
        .hasMessageContaining("distinct");
  }
}
