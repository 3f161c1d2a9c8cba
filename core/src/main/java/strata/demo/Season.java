package strata.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;

/**
 * How busy an ordinary day is compared with an average one. Chinese SMEs stock up in the three weeks
 * before 春节, nearly stop during the holiday week, and close the year strongly in Q4; B2B buyers
 * rarely order at weekends.
 */
final class Season {
  private Season() {}

  /** Upper bound of {@link #factor}; purchase times are drawn by thinning against it. */
  static final double MAX_FACTOR = 2.0;

  private static final int FIRST_YEAR = 2015;
  /** 春节 (first day of the lunar year), 2015-2035, from the published Chinese calendar. */
  private static final String[] SPRING_FESTIVAL = {
    "2015-02-19", "2016-02-08", "2017-01-28", "2018-02-16", "2019-02-05", "2020-01-25",
    "2021-02-12", "2022-02-01", "2023-01-22", "2024-02-10", "2025-01-29", "2026-02-17",
    "2027-02-06", "2028-01-26", "2029-02-13", "2030-02-03", "2031-01-23", "2032-02-11",
    "2033-01-31", "2034-02-19", "2035-02-08"};
  private static final long[] SPRING_FESTIVAL_DAY = new long[SPRING_FESTIVAL.length];

  static {
    for (int i = 0; i < SPRING_FESTIVAL.length; i++) {
      SPRING_FESTIVAL_DAY[i] = LocalDate.parse(SPRING_FESTIVAL[i]).toEpochDay();
    }
  }

  /** 春节 of the given year; outside the table, early February is close enough for demo data. */
  static long springFestival(int year) {
    int i = year - FIRST_YEAR;
    if (i >= 0 && i < SPRING_FESTIVAL_DAY.length) {
      return SPRING_FESTIVAL_DAY[i];
    }
    return LocalDate.of(year, 2, 5).toEpochDay();
  }

  /**
   * Relative order intensity on a day, between 0 and {@link #MAX_FACTOR}.
   *
   * @param epochDay the day
   * @param business true for companies (quiet weekends), false for individuals (busier weekends)
   */
  static double factor(long epochDay, boolean business) {
    LocalDate day = LocalDate.ofEpochDay(epochDay);
    double f = 1.0;
    long festival = springFestival(day.getYear());
    long untilFestival = festival - epochDay;
    if (untilFestival > 0 && untilFestival <= 21) {
      f = 1.8;
    } else if (untilFestival <= 0 && untilFestival > -7) {
      f = 0.25;
    } else if (day.getMonth().compareTo(Month.OCTOBER) >= 0) {
      f = 1.35;
    }
    boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    if (weekend) {
      f *= business ? 0.3 : 1.1;
    }
    return f;
  }
}
