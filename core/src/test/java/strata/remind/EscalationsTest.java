package strata.remind;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import strata.playbook.ContactCaps;
import strata.playbook.Escalation;
import strata.playbook.OwnerPolicy;
import strata.playbook.ServicePlan;
import strata.playbook.SurveyPlan;

/** Hand-made cases; today is 2026-03-10. key_account reassigns after 7 overdue days, potential pools after 10. */
class EscalationsTest {
  static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
  static final ServicePlan KEY = plan(new OwnerPolicy(OwnerPolicy.Mode.ASSIGN, List.of("王磊", "李娜", "张伟"), 3, null),
      new Escalation(3, 7, Escalation.Action.REASSIGN));
  static final ServicePlan POTENTIAL = plan(OwnerPolicy.KEEP, new Escalation(0, 10, Escalation.Action.POOL));
  static final Map<String, ServicePlan> PLAYBOOKS = Map.of("key_account", KEY, "potential", POTENTIAL,
      "quiet", plan(OwnerPolicy.KEEP, new Escalation(3, 0, null)));

  static ServicePlan plan(OwnerPolicy owner, Escalation escalation) {
    return new ServicePlan(owner, null, List.of(), List.of(), ContactCaps.NONE, null, SurveyPlan.NONE, escalation);
  }

  static Overdue task(long id, String customer, String owner, String tier, String due) {
    return new Overdue(id, customer, owner, tier, LocalDate.parse(due));
  }

  @Test
  void aTaskSevenDaysOverdueMovesToTheSmallestOtherBookSixDaysDoesNot() {
    // 2026-03-03 is 7 days before today, 2026-03-04 six.
    Escalations.Result r = Escalations.of(List.of(task(1, "A1", "张伟", "key_account", "2026-03-03"),
        task(2, "A2", "张伟", "key_account", "2026-03-04")), PLAYBOOKS, Map.of("张伟", 2, "王磊", 2, "李娜", 1),
        Set.of(), TODAY);
    assertThat(r.moves()).containsExactly(new Escalations.Move("A1", "张伟", "李娜", Escalation.Action.REASSIGN,
        "key_account", List.of(1L), 7));
  }

  @Test
  void tiesGoToTheRepListedFirstAndTheCapIsKept() {
    // 王磊 and 李娜 hold 1 each: 王磊 (listed first) takes A1 and reaches 2, then 李娜 takes A2; the cap 3 stops
    // nobody. With 王磊 at the cap 3, 李娜 takes both.
    List<Overdue> two = List.of(task(1, "A1", "张伟", "key_account", "2026-03-01"),
        task(2, "A2", "张伟", "key_account", "2026-03-01"));
    assertThat(Escalations.of(two, PLAYBOOKS, Map.of("张伟", 2, "王磊", 1, "李娜", 1), Set.of(), TODAY).moves())
        .extracting(Escalations.Move::to).containsExactly("王磊", "李娜");
    assertThat(Escalations.of(two, PLAYBOOKS, Map.of("张伟", 2, "王磊", 3, "李娜", 0), Set.of(), TODAY).moves())
        .extracting(Escalations.Move::to).containsExactly("李娜", "李娜");
  }

  @Test
  void everyOtherRepAtTheCapLeavesTheCustomerWhereItIs() {
    Escalations.Result r = Escalations.of(List.of(task(1, "A1", "张伟", "key_account", "2026-03-01")), PLAYBOOKS,
        Map.of("张伟", 1, "王磊", 3, "李娜", 3), Set.of(), TODAY);
    assertThat(r.moves()).isEmpty();
    assertThat(r.unassigned()).containsExactly("A1");
  }

  @Test
  void aCustomerMovesOnceForAllItsOverdueTasksAndTheOldestCounts() {
    Escalations.Result r = Escalations.of(List.of(task(5, "B1", "张伟", "potential", "2026-02-20"),
        task(4, "B1", "张伟", "potential", "2026-02-28"), task(6, "B1", "张伟", "potential", "2026-03-05")),
        PLAYBOOKS, Map.of(), Set.of(), TODAY);
    // 2026-02-20 is 18 days before today, 2026-02-28 ten; 2026-03-05 (5 days) is not yet due for escalation.
    assertThat(r.moves()).containsExactly(new Escalations.Move("B1", "张伟", "", Escalation.Action.POOL, "potential",
        List.of(5L, 4L), 18));
  }

  @Test
  void tasksActedOnPoolCustomersAndTiersWithoutTheRuleAreLeftAlone() {
    assertThat(Escalations.of(List.of(task(1, "A1", "张伟", "key_account", "2026-02-01"),
        task(2, "B1", "", "potential", "2026-02-01"), task(3, "C1", "张伟", "quiet", "2026-02-01"),
        task(4, "D1", "张伟", "unknown_tier", "2026-02-01")), PLAYBOOKS, Map.of(), Set.of(1L), TODAY).moves())
        .isEmpty();
  }

  @Test
  void theInputOrderDoesNotMatter() {
    Overdue a = task(1, "A1", "张伟", "key_account", "2026-03-01");
    Overdue b = task(2, "A2", "张伟", "key_account", "2026-03-01");
    Map<String, Integer> books = Map.of("王磊", 1, "李娜", 1);
    assertThat(Escalations.of(List.of(b, a), PLAYBOOKS, books, Set.of(), TODAY))
        .isEqualTo(Escalations.of(List.of(a, b), PLAYBOOKS, books, Set.of(), TODAY));
  }
}
