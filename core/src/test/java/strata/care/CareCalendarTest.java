package strata.care;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import strata.playbook.CareEvent;
import strata.playbook.Channel;
import strata.playbook.Purpose;
import strata.playbook.TaskType;

class CareCalendarTest {
  private final CareCalendar calendar = new CareCalendar(ZoneId.of("Asia/Shanghai"));

  private static CareEvent event(CareEvent.Kind kind, MonthDay fixed) {
    return new CareEvent(kind.code(), kind, fixed, 0, List.of(Channel.SMS), TaskType.GREETING, Purpose.NONE);
  }

  @Test
  void leapDayBirthdaysFallOnTheTwentyEighthInOtherYears() {
    LocalDate born = LocalDate.of(1992, 2, 29);
    assertThat(calendar.occurrences(event(CareEvent.Kind.BIRTHDAY, null), born, null, LocalDate.of(2027, 1, 1),
        LocalDate.of(2028, 12, 31))).containsExactly(LocalDate.of(2027, 2, 28), LocalDate.of(2028, 2, 29));
  }

  @Test
  void anniversariesStartTheYearAfterTheCustomerWasCreated() {
    LocalDate created = LocalDate.of(2026, 3, 10);
    assertThat(calendar.occurrences(event(CareEvent.Kind.ANNIVERSARY, null), null, created, LocalDate.of(2026, 1, 1),
        LocalDate.of(2027, 12, 31))).containsExactly(LocalDate.of(2027, 3, 10));
  }

  @Test
  void lunarAndFixedEventsInAWindowAcrossTheNewYear() {
    LocalDate from = LocalDate.of(2026, 12, 20);
    LocalDate to = LocalDate.of(2027, 2, 10);
    assertThat(calendar.occurrences(event(CareEvent.Kind.SPRING_FESTIVAL, null), null, null, from, to))
        .containsExactly(LocalDate.of(2027, 2, 6));
    assertThat(calendar.occurrences(event(CareEvent.Kind.FIXED, MonthDay.of(1, 1)), null, null, from, to))
        .containsExactly(LocalDate.of(2027, 1, 1));
    assertThat(calendar.occurrences(event(CareEvent.Kind.BIRTHDAY, null), null, null, from, to)).isEmpty();
  }
}
