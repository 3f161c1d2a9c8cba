package strata.care;

import com.ibm.icu.util.ChineseCalendar;
import com.ibm.icu.util.TimeZone;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Gregorian dates of the lunar holidays, from ICU's {@link ChineseCalendar} (its astronomical computation, as used
 * by the Chinese calendar authority), not a hand-written table: 春节 is the 1st day of the 1st month, 端午 the 5th of
 * the 5th, 中秋 the 15th of the 8th.
 *
 * <p>ICU's lunar model is a few minutes off, which matters when a new moon falls just before midnight in Beijing:
 * for 2027 it starts the first month on February 7, while the Purple Mountain Observatory and the Hong Kong
 * Observatory (new moon 2027-02-06 23:56 CST) start it on February 6; for 2030 on February 2 instead of 3. Of the
 * 445 month starts from 2025 to 2060 these two are the ones ICU gets wrong (both first months, so 端午 and 中秋 are
 * unaffected). They are corrected from {@link #MONTH_STARTS}; a test fails once ICU agrees, so the entry can go.
 */
public final class LunarHolidays {
  /** Known ICU errors: (Chinese month start as year*100+month) -> the observatories' first day of that month. */
  static final java.util.Map<Integer, LocalDate> MONTH_STARTS = java.util.Map.of(
      2027_01, LocalDate.of(2027, 2, 6), // new moon 2027-02-06 23:56 CST; ICU: February 7
      2030_01, LocalDate.of(2030, 2, 3)); // new moon 2030-02-03 00:07 CST; ICU: February 2

  private final TimeZone zone;

  /** @param zone the zone whose calendar days the dates are in, normally Asia/Shanghai */
  public LunarHolidays(ZoneId zone) {
    this.zone = TimeZone.getTimeZone(zone.getId());
  }

  /** 春节: the first day of the Chinese year that begins in Gregorian {@code year}. */
  public LocalDate springFestival(int year) {
    return date(year, 1, 1);
  }

  /** 端午: the 5th day of the 5th month. */
  public LocalDate dragonBoat(int year) {
    return date(year, 5, 5);
  }

  /** 中秋: the 15th day of the 8th month. */
  public LocalDate midAutumn(int year) {
    return date(year, 8, 15);
  }

  /**
   * The Gregorian date, in Gregorian {@code year}, of a lunar month and day of the Chinese year that starts in that
   * year (not of a leap month). Month 1..12, day 1..30.
   */
  LocalDate date(int year, int lunarMonth, int lunarDay) {
    LocalDate corrected = MONTH_STARTS.get(year * 100 + lunarMonth);
    return corrected != null ? corrected.plusDays(lunarDay - 1L) : icuDate(year, lunarMonth, lunarDay);
  }

  /** {@link #date} as ICU computes it, without corrections. */
  LocalDate icuDate(int year, int lunarMonth, int lunarDay) {
    ChineseCalendar calendar = new ChineseCalendar(zone);
    calendar.clear();
    // The Chinese year starting in Gregorian `year`: 春节 falls between January 21 and February 20, so on July 1 that
    // year is always under way.
    calendar.setTimeInMillis(epochMillis(LocalDate.of(year, 7, 1)));
    int chineseYear = calendar.get(ChineseCalendar.EXTENDED_YEAR);
    calendar.clear();
    calendar.set(ChineseCalendar.EXTENDED_YEAR, chineseYear);
    calendar.set(ChineseCalendar.MONTH, lunarMonth - 1);
    calendar.set(ChineseCalendar.IS_LEAP_MONTH, 0);
    calendar.set(ChineseCalendar.DAY_OF_MONTH, lunarDay);
    return java.time.Instant.ofEpochMilli(calendar.getTimeInMillis()).atZone(ZoneId.of(zone.getID())).toLocalDate();
  }

  private long epochMillis(LocalDate date) {
    return date.atStartOfDay(ZoneId.of(zone.getID())).toInstant().toEpochMilli();
  }
}
