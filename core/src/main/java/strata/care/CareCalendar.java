package strata.care;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import strata.playbook.CareEvent;

/**
 * The dates care events fall on. A birthday on February 29 is kept on February 28 in other years; an anniversary
 * counts from the year after the customer was created.
 */
public final class CareCalendar {
  private final LunarHolidays lunar;
  private final Map<Long, LocalDate> lunarDates = new HashMap<>();

  public CareCalendar(ZoneId zone) {
    this.lunar = new LunarHolidays(zone);
  }

  /**
   * Occurrences of an event from {@code from} to {@code to}, both included, in date order.
   *
   * @param birthday, created the customer's dates, null when unknown (then birthday and anniversary never occur)
   */
  public List<LocalDate> occurrences(CareEvent event, LocalDate birthday, LocalDate created, LocalDate from,
      LocalDate to) {
    List<LocalDate> dates = new ArrayList<>();
    for (int year = from.getYear(); year <= to.getYear(); year++) {
      LocalDate d = on(event, year, birthday, created);
      if (d != null && !d.isBefore(from) && !d.isAfter(to)) dates.add(d);
    }
    return dates;
  }

  private LocalDate on(CareEvent event, int year, LocalDate birthday, LocalDate created) {
    return switch (event.kind()) {
      case BIRTHDAY -> birthday == null ? null : MonthDay.from(birthday).atYear(year);
      case ANNIVERSARY -> created == null || year <= created.getYear() ? null : MonthDay.from(created).atYear(year);
      case FIXED -> event.fixedDate().atYear(year);
      case SPRING_FESTIVAL -> lunar(year, 1, 1);
      case DRAGON_BOAT -> lunar(year, 5, 5);
      case MID_AUTUMN -> lunar(year, 8, 15);
    };
  }

  // Memoised: ICU's astronomical computation costs tens of microseconds and every customer asks for the same dates.
  private LocalDate lunar(int year, int month, int day) {
    return lunarDates.computeIfAbsent(year * 10_000L + month * 100L + day, k -> lunar.date(year, month, day));
  }
}
