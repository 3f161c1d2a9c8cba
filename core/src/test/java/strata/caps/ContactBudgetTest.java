package strata.caps;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import strata.playbook.Channel;
import strata.playbook.ContactCaps;

class ContactBudgetTest {
  private static final ContactCaps CAPS = new ContactCaps(Map.of(Channel.PHONE, new ContactCaps.Limit(1, 0)),
      new ContactCaps.Limit(2, 3), null, null);

  @Test
  void perChannelWeekCapStopsTheSecondCallInACalendarWeek() {
    ContactBudget budget = new ContactBudget(CAPS);
    budget.record(Channel.PHONE, LocalDate.of(2027, 3, 1)); // a Monday
    assertThat(budget.check(Channel.PHONE, LocalDate.of(2027, 3, 7)).map(CapHit::code)).contains("phone/week<=1");
    // The next Monday starts a new week; SMS has no own cap.
    assertThat(budget.check(Channel.PHONE, LocalDate.of(2027, 3, 8))).isEmpty();
    assertThat(budget.check(Channel.SMS, LocalDate.of(2027, 3, 7))).isEmpty();
  }

  @Test
  void allChannelCapsCountEveryChannelPerWeekAndMonth() {
    ContactBudget budget = new ContactBudget(CAPS);
    budget.record(Channel.SMS, LocalDate.of(2027, 3, 2));
    budget.record(Channel.EMAIL, LocalDate.of(2027, 3, 3));
    assertThat(budget.check(Channel.WECHAT, LocalDate.of(2027, 3, 4)).map(CapHit::code)).contains("all/week<=2");
    budget.record(Channel.VISIT, LocalDate.of(2027, 3, 10));
    // Three in March: the month is full even in a fresh week; April is free.
    assertThat(budget.check(Channel.WECHAT, LocalDate.of(2027, 3, 22)).map(CapHit::code)).contains("all/month<=3");
    assertThat(budget.check(Channel.WECHAT, LocalDate.of(2027, 4, 1))).isEmpty();
  }

  @Test
  void leftShowsEachCapOfTheDayWithWhatIsUsed() {
    ContactBudget budget = new ContactBudget(CAPS);
    budget.record(Channel.PHONE, LocalDate.of(2027, 3, 1)); // Monday of the week of 03-04
    budget.record(Channel.SMS, LocalDate.of(2027, 2, 26));  // the week before, the month before
    budget.record(Channel.PHONE, LocalDate.of(2027, 3, 2));  // over phone/week<=1: still counted, left stays 0
    // On 03-04: phone used 2 of 1 this week; across channels 2 of 2 this week and 2 of 3 this March.
    assertThat(budget.left(LocalDate.of(2027, 3, 4))).extracting(l -> l.cap().code() + " " + l.used() + " " + l.left())
        .containsExactly("phone/week<=1 2 0", "all/week<=2 2 0", "all/month<=3 2 1");
    assertThat(new ContactBudget(ContactCaps.NONE).left(LocalDate.of(2027, 3, 4))).isEmpty();
  }

  @Test
  void aWeeklyCallForYearsIsCountedInEachWeekAndMonth() {
    ContactBudget budget = new ContactBudget(CAPS);
    // Every Monday from 1968 (before the epoch) to 2031: many more periods than the budget starts with room for.
    for (LocalDate d = LocalDate.of(1968, 1, 1); d.getYear() < 2032; d = d.plusWeeks(1)) {
      budget.record(Channel.PHONE, d);
    }
    // Each Sunday ends a week that already has its Monday's call; March 2027 has five Mondays (1, 8, 15, 22, 29).
    assertThat(budget.check(Channel.PHONE, LocalDate.of(1968, 1, 7)).map(CapHit::code)).contains("phone/week<=1");
    assertThat(budget.check(Channel.PHONE, LocalDate.of(2031, 12, 28)).map(CapHit::code)).contains("phone/week<=1");
    assertThat(budget.left(LocalDate.of(2027, 3, 31))).extracting(l -> l.cap().code() + " " + l.used())
        .containsExactly("phone/week<=1 1", "all/week<=2 1", "all/month<=3 5");
    assertThat(budget.check(Channel.PHONE, LocalDate.of(2032, 1, 5))).isEmpty();
  }
}
