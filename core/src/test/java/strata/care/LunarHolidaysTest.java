package strata.care;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class LunarHolidaysTest {
  private final LunarHolidays lunar = new LunarHolidays(ZoneId.of("Asia/Shanghai"));

  @Test
  void matchesThePublishedHolidayDates() {
    // 2024-2026: the State Council's holiday notices (国务院办公厅关于 2024/2025/2026 年部分节假日安排的通知) put 春节,
    // 端午 and 中秋 on these days; 2027: the Hong Kong Observatory's Gregorian-lunar conversion tables.
    assertThat(lunar.springFestival(2024)).isEqualTo(LocalDate.of(2024, 2, 10));
    assertThat(lunar.dragonBoat(2024)).isEqualTo(LocalDate.of(2024, 6, 10));
    assertThat(lunar.midAutumn(2024)).isEqualTo(LocalDate.of(2024, 9, 17));
    assertThat(lunar.springFestival(2025)).isEqualTo(LocalDate.of(2025, 1, 29));
    assertThat(lunar.dragonBoat(2025)).isEqualTo(LocalDate.of(2025, 5, 31));
    assertThat(lunar.midAutumn(2025)).isEqualTo(LocalDate.of(2025, 10, 6));
    assertThat(lunar.springFestival(2026)).isEqualTo(LocalDate.of(2026, 2, 17));
    assertThat(lunar.dragonBoat(2026)).isEqualTo(LocalDate.of(2026, 6, 19));
    assertThat(lunar.midAutumn(2026)).isEqualTo(LocalDate.of(2026, 9, 25));
    assertThat(lunar.springFestival(2027)).isEqualTo(LocalDate.of(2027, 2, 6));
    assertThat(lunar.dragonBoat(2027)).isEqualTo(LocalDate.of(2027, 6, 9));
    assertThat(lunar.midAutumn(2027)).isEqualTo(LocalDate.of(2027, 9, 15));
  }

  @Test
  void springFestivalMatchesTheHongKongObservatoryFrom2000To2035() {
    // Hong Kong Observatory, Gregorian-Lunar calendar conversion tables (same rules as GB/T 33661-2017).
    String[] known = {"2000-02-05", "2001-01-24", "2002-02-12", "2003-02-01", "2004-01-22", "2005-02-09",
        "2006-01-29", "2007-02-18", "2008-02-07", "2009-01-26", "2010-02-14", "2011-02-03", "2012-01-23",
        "2013-02-10", "2014-01-31", "2015-02-19", "2016-02-08", "2017-01-28", "2018-02-16", "2019-02-05",
        "2020-01-25", "2021-02-12", "2022-02-01", "2023-01-22", "2024-02-10", "2025-01-29", "2026-02-17",
        "2027-02-06", "2028-01-26", "2029-02-13", "2030-02-03", "2031-01-23", "2032-02-11", "2033-01-31",
        "2034-02-19", "2035-02-08"};
    for (String date : known) {
      LocalDate d = LocalDate.parse(date);
      assertThat(lunar.springFestival(d.getYear())).as("%d", d.getYear()).isEqualTo(d);
    }
  }

  @Test
  void icuStillNeedsTheCorrectionsFor2027And2030() {
    // When this fails, ICU computes the year right: remove its entry from LunarHolidays.MONTH_STARTS.
    assertThat(lunar.icuDate(2027, 1, 1)).isEqualTo(LocalDate.of(2027, 2, 7));
    assertThat(lunar.icuDate(2030, 1, 1)).isEqualTo(LocalDate.of(2030, 2, 2));
  }

  @Test
  void springFestivalStaysInItsWindowForACentury() {
    // 春节 is the second new moon after the winter solstice: always January 21 to February 20.
    for (int year = 1950; year <= 2050; year++) {
      LocalDate d = lunar.springFestival(year);
      assertThat(d).as("%d", year).isBetween(LocalDate.of(year, 1, 21), LocalDate.of(year, 2, 20));
    }
  }
}
