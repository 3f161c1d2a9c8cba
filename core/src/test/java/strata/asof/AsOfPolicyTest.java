package strata.asof;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class AsOfPolicyTest {
  /** 2026-12-03 10:00 in Shanghai. */
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T02:00:00Z"), ZoneId.of("Asia/Shanghai"));

  private static int day(String iso) {
    return (int) LocalDate.parse(iso).toEpochDay();
  }

  @Test
  void aRequestedDayIsTakenAsItIsEvenBeforeTheLatestPurchase() {
    assertThat(AsOfPolicy.resolve(LocalDate.parse("2026-02-10"), day("2026-11-30"), CLOCK))
        .isEqualTo(LocalDate.parse("2026-02-10"));
  }

  @Test
  void theDefaultIsTheDayAfterTheLatestPurchaseHoweverOldTheData() {
    assertThat(AsOfPolicy.resolve(null, day("1998-06-30"), CLOCK)).isEqualTo(LocalDate.parse("1998-07-01"));
    assertThat(AsOfPolicy.resolve(null, day("2026-12-03"), CLOCK)).isEqualTo(LocalDate.parse("2026-12-04"));
  }

  @Test
  void withoutPurchasesTheDefaultIsToday() {
    assertThat(AsOfPolicy.resolve(null, Integer.MIN_VALUE, CLOCK)).isEqualTo(LocalDate.parse("2026-12-03"));
  }

  @Test
  void rowsUpToTomorrowAreAcceptedAndAStoredFutureRowDoesNotMoveTheDefault() {
    assertThat(AsOfPolicy.latestAcceptedDay(CLOCK)).isEqualTo(day("2026-12-04"));
    // A purchase dated next month (stored before such dates were refused) stays after the as-of day.
    assertThat(AsOfPolicy.resolve(null, day("2027-01-15"), CLOCK)).isEqualTo(LocalDate.parse("2026-12-05"));
  }
}
