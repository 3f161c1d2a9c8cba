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
}
