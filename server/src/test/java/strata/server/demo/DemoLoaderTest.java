package strata.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DemoLoaderTest {
  @Test
  void sixQuarterEndsOldestFirstSoTheLastQuarterHasAYearEarlierPeriod() {
    // 2026-11-01 back by 3, 6, … 15 months; the quarter a year before the last (2025-11-01) has one before it.
    assertThat(DemoLoader.snapshotDays(LocalDate.of(2026, 11, 1))).containsExactly(LocalDate.of(2025, 8, 1),
        LocalDate.of(2025, 11, 1), LocalDate.of(2026, 2, 1), LocalDate.of(2026, 5, 1), LocalDate.of(2026, 8, 1),
        LocalDate.of(2026, 11, 1));
  }

  @Test
  void theExperimentStartsOnAQuarterOfTheHistorySoItsStartSnapshotExists() {
    LocalDate start = strata.demo.DemoExperiment.start(strata.demo.DemoOptions.DEFAULT_AS_OF);
    assertThat(DemoLoader.snapshotDays(strata.demo.DemoOptions.DEFAULT_AS_OF)).contains(start)
        .last().isNotEqualTo(start); // and a later snapshot reads the result
  }
}
