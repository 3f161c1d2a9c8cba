package strata.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SeasonTest {
  private static double factor(String day, boolean business) {
    return Season.factor(LocalDate.parse(day).toEpochDay(), business);
  }

  @Test
  void knowsSpringFestivalDates() {
    // Published Chinese calendar: 春节 2024-02-10, 2025-01-29, 2026-02-17.
    assertThat(Season.springFestival(2024)).isEqualTo(LocalDate.parse("2024-02-10").toEpochDay());
    assertThat(Season.springFestival(2025)).isEqualTo(LocalDate.parse("2025-01-29").toEpochDay());
    assertThat(Season.springFestival(2026)).isEqualTo(LocalDate.parse("2026-02-17").toEpochDay());
    assertThat(Season.springFestival(1990)).isEqualTo(LocalDate.parse("1990-02-05").toEpochDay());
  }

  @Test
  void busyBeforeSpringFestivalQuietDuringIt() {
    assertThat(factor("2025-01-20", true)).isEqualTo(1.8); // Monday, 9 days before
    assertThat(factor("2025-01-29", true)).isEqualTo(0.25); // Wednesday, the festival itself
    assertThat(factor("2025-02-04", true)).isEqualTo(0.25); // Tuesday, last holiday day
    assertThat(factor("2025-02-05", true)).isEqualTo(1.0); // Wednesday, back to work
  }

  @Test
  void fourthQuarterIsBusierAndBusinessWeekendsQuiet() {
    assertThat(factor("2025-06-04", true)).isEqualTo(1.0); // Wednesday
    assertThat(factor("2025-11-05", true)).isEqualTo(1.35); // Wednesday
    assertThat(factor("2025-06-07", true)).isEqualTo(0.3, org.assertj.core.data.Offset.offset(1e-12)); // Saturday
    assertThat(factor("2025-06-07", false)).isEqualTo(1.1, org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void neverExceedsTheThinningBound() {
    LocalDate day = LocalDate.of(2010, 1, 1);
    for (int d = 0; d < 365 * 30; d++, day = day.plusDays(1)) {
      assertThat(Season.factor(day.toEpochDay(), d % 2 == 0)).isBetween(0.0, Season.MAX_FACTOR);
    }
  }
}
