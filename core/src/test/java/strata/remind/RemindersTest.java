package strata.remind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import strata.playbook.TaskType;

/** Notices by hand-made cases; today is 2026-03-10 and escalation comes after 3 overdue days. */
class RemindersTest {
  static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

  static OpenTask task(String key, String owner, TaskType type, String due) {
    return new OpenTask(key, key.substring(0, key.indexOf('|')), owner, type, LocalDate.parse(due), null);
  }

  @Test
  void aTaskDueTodayRemindsItsOwnerAndAFutureOneWaits() {
    List<Reminder> r = Reminders.of(List.of(task("A1|cadence|none", "张伟", TaskType.FOLLOW_UP, "2026-03-10"),
        task("B2|cadence|none", "张伟", TaskType.FOLLOW_UP, "2026-03-11")), TODAY, 3);
    assertThat(r).extracting(Reminder::key).containsExactly("task_due|A1|cadence|none");
    assertThat(r.get(0).overdueDays()).isZero();
  }

  @Test
  void aTaskThreeDaysOverdueIsEscalatedTwoDaysIsNot() {
    List<Reminder> r = Reminders.of(List.of(task("A1|moved_down|x", "张伟", TaskType.WIN_BACK, "2026-03-07"),
        task("B2|moved_down|x", "李娜", TaskType.WIN_BACK, "2026-03-08")), TODAY, 3);
    // 03-07 to 03-10 is 3 days overdue: escalated; 03-08 is 2 days: only the owner's reminder.
    assertThat(r).extracting(Reminder::key).containsExactly("task_due|A1|moved_down|x",
        "escalation|A1|moved_down|x", "task_due|B2|moved_down|x");
    assertThat(r.get(1).overdueDays()).isEqualTo(3);
    assertThat(r.get(1).owner()).isEqualTo("张伟");
  }

  @Test
  void poolWarningsGoToTheOwnerReturnsAndPoolCustomersNeedNoNotice() {
    OpenTask warning = new OpenTask("A1|pool_warning|2026-03-14", "A1", "张伟", TaskType.POOL_WARNING,
        LocalDate.of(2026, 3, 9), LocalDate.of(2026, 3, 14));
    List<Reminder> r = Reminders.of(List.of(warning,
        task("A1|pool_return|2026-03-14", "张伟", TaskType.POOL_RETURN, "2026-03-01"),
        task("C3|cadence|none", "", TaskType.FOLLOW_UP, "2026-03-01")), TODAY, 3);
    assertThat(r).extracting(Reminder::kind).containsExactly(Reminder.Kind.POOL_WARNING); // never escalated
    assertThat(ReminderText.text(r.get(0), Locale.ENGLISH))
        .isEqualTo("Customer A1 returns to the pool on 2026-03-14 unless you contact them");
    assertThat(ReminderText.text(r.get(0), Locale.SIMPLIFIED_CHINESE)).isEqualTo("客户 A1 将于 2026-03-14 退回公海，请及时联系");
  }

  @Test
  void theSameTasksGiveTheSameNoticesWhateverTheirOrder() {
    OpenTask a = task("A1|cadence|none", "张伟", TaskType.FOLLOW_UP, "2026-03-01");
    OpenTask b = task("B2|cadence|none", "李娜", TaskType.FOLLOW_UP, "2026-03-09");
    assertThat(Reminders.of(List.of(b, a), TODAY, 3)).isEqualTo(Reminders.of(List.of(a, b), TODAY, 3));
  }

  @Test
  void escalationTextNamesTheOwnerAndTheDays() {
    Reminder r = Reminders.of(List.of(task("A1|moved_down|x", "张伟", TaskType.WIN_BACK, "2026-03-05")), TODAY, 3)
        .get(1);
    assertThat(ReminderText.text(r, Locale.ENGLISH))
        .isEqualTo("Overdue 5 days: Win-back for customer A1 (owner 张伟, due 2026-03-05)");
    assertThat(ReminderText.text(r, Locale.SIMPLIFIED_CHINESE)).isEqualTo("逾期 5 天：客户 A1 的挽回（负责人 张伟，2026-03-05 到期）");
  }

  @Test
  void escalationNeedsAtLeastOneDay() {
    assertThatThrownBy(() -> Reminders.of(List.of(), TODAY, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("escalation needs at least 1 overdue day, got 0");
  }

  @Test
  void eachTaskEscalatesAfterItsOwnTiersDays() {
    // A1 is 3 days overdue under a 2-day rule (escalated), B2 3 days under a 5-day rule (not yet).
    OpenTask a = task("A1|cadence|none", "张伟", TaskType.FOLLOW_UP, "2026-03-07");
    OpenTask b = task("B2|cadence|none", "张伟", TaskType.FOLLOW_UP, "2026-03-07");
    List<Reminder> r = Reminders.of(List.of(a, b), TODAY, t -> t.customerId().equals("A1") ? 2 : 5);
    assertThat(r).extracting(Reminder::key).containsExactly("task_due|A1|cadence|none", "escalation|A1|cadence|none",
        "task_due|B2|cadence|none");
  }

  @Test
  void aPolicyNoticeSumsTheCustomersAndListsEachTier() {
    LinkedHashMap<String, Integer> en = new LinkedHashMap<>();
    en.put("High value", 3);
    en.put("Potential", 2);
    assertThat(ReminderText.policyAssigned(en, Locale.ENGLISH))
        .isEqualTo("5 customers are yours now by their tier's owner policy: High value 3, Potential 2");
    LinkedHashMap<String, Integer> zh = new LinkedHashMap<>();
    zh.put("高价值客户", 3);
    zh.put("潜力客户", 2);
    assertThat(ReminderText.policyAssigned(zh, Locale.SIMPLIFIED_CHINESE))
        .isEqualTo("按分级负责人规则，5 位客户已分配给你：高价值客户 3，潜力客户 2");
  }
}
