package strata.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static strata.plan.Customers.born;
import static strata.plan.Customers.complained;
import static strata.plan.Customers.movedFrom;
import static strata.plan.Customers.of;
import static strata.plan.Customers.owner;
import static strata.plan.Customers.reach;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import strata.playbook.Channel;
import strata.playbook.TaskType;
import strata.playbook.Trigger;
import strata.tier.TierModel;

class PlannerTest {
  static final TierModel MODEL = TierModel.parse("""
      tiers:
        - id: key
          when: monetary > 1000.0
          service:
            cadence: {every_days: 30, channels: [phone, wechat]}
            triggers:
              complaint: {within_hours: 48, channels: [phone]}
            care:
              - {event: mid_autumn, lead_days: 10, type: gift, channels: [visit]}
            caps: {all: {week: 1}, quiet_hours: "21:00-08:00"}
        - id: at_risk
          when: recency_days > 90
          service:
            triggers:
              moved_down: {within_days: 7, channels: [phone], purpose: {zh: 挽回来电, en: win them back}}
        - id: rest
          service:
            owner: {policy: assign, team: [amy, bob], cap: 2}
            cadence: {every_days: 60, channels: [sms]}
      """, "m.yaml");
  // 2027-09-01 is a Wednesday; the 14-day plan runs to 2027-09-14. 中秋 2027 is 2027-09-15 (see LunarHolidaysTest).
  static final LocalDate AS_OF = LocalDate.of(2027, 9, 1);
  final Planner planner = new Planner(MODEL, PlanOptions.DEFAULT);

  private static Map<String, PlannedTask> byKey(Plan plan) {
    return plan.tasks().stream().collect(Collectors.toMap(PlannedTask::key, t -> t));
  }

  @Test
  void aCustomerWhoMovedDownGetsAnExplainedWinBackCallWithinSevenDays() {
    PlanCustomer c = movedFrom(of("c1", "at_risk"), "key", LocalDate.of(2027, 8, 1));
    Plan plan = planner.plan(List.of(c), List.of(), List.of(), AS_OF);
    assertThat(plan.tasks()).hasSize(1);
    PlannedTask t = plan.tasks().get(0);
    assertThat(t.key()).isEqualTo("c1|moved_down|key>at_risk|2027-08-01");
    assertThat(t.type()).isEqualTo(TaskType.WIN_BACK);
    assertThat(t.channel()).isEqualTo(Channel.PHONE);
    assertThat(t.due()).isEqualTo(LocalDate.of(2027, 9, 8));
    assertThat(t.status()).isEqualTo(PlannedTask.Status.OPEN);
    assertThat(t.created()).isTrue();
    assertThat(PlanText.reason(t, Locale.ENGLISH)).isEqualTo("at_risk: Moved down (lifecycle_stage=dormant, "
        + "previous_tier=key, tier=at_risk, previous_as_of=2027-08-01) — win them back");
    assertThat(PlanText.reason(t, Locale.SIMPLIFIED_CHINESE)).isEqualTo("at_risk：降级进入（lifecycle_stage=dormant, "
        + "previous_tier=key, tier=at_risk, previous_as_of=2027-08-01）——挽回来电");
  }

  @Test
  void aTouchOverTheWeeklyCapIsSuppressedNotDropped() {
    // k1 complained on 09-01: recovery call due 09-03 (Friday). The 中秋 gift visit is due 10 days before 09-15,
    // on Sunday 09-05, the same week: over "all/week<=1". The cadence call (last contact 08-10 + 30 days = 09-09,
    // the next week) fits.
    PlanCustomer k1 = complained(of("k1", "key"), AS_OF);
    List<Contact> history = List.of(new Contact("k1", LocalDate.of(2027, 8, 10), Channel.PHONE, null));
    Map<String, PlannedTask> tasks = byKey(planner.plan(List.of(k1), history, List.of(), AS_OF));
    assertThat(tasks).containsOnlyKeys("k1|complaint|2027-09-01", "k1|care|mid_autumn|2027-09-15",
        "k1|cadence|2027-08-10");
    assertThat(tasks.get("k1|complaint|2027-09-01").due()).isEqualTo(LocalDate.of(2027, 9, 3));
    assertThat(tasks.get("k1|complaint|2027-09-01").status()).isEqualTo(PlannedTask.Status.OPEN);
    PlannedTask gift = tasks.get("k1|care|mid_autumn|2027-09-15");
    assertThat(gift.type()).isEqualTo(TaskType.GIFT);
    assertThat(gift.due()).isEqualTo(LocalDate.of(2027, 9, 5));
    assertThat(gift.status()).isEqualTo(PlannedTask.Status.SUPPRESSED);
    assertThat(gift.stoppedBy().text()).isEqualTo("cap:all/week<=1");
    PlannedTask cadence = tasks.get("k1|cadence|2027-08-10");
    assertThat(cadence.due()).isEqualTo(LocalDate.of(2027, 9, 9));
    assertThat(cadence.channel()).isEqualTo(Channel.PHONE);
    assertThat(cadence.status()).isEqualTo(PlannedTask.Status.OPEN);
  }

  @Test
  void aPhoneTaskForACustomerWithoutPhoneIsSuppressedWithTheReason() {
    // No phone: the recovery call cannot be made, so the gift visit of the same week takes the week's touch; the
    // cadence (phone, then wechat: both need the number) is suppressed by the first obstacle, the missing phone.
    PlanCustomer k2 = reach(complained(of("k2", "key"), AS_OF), false, true, false, Set.of());
    Map<String, PlannedTask> tasks = byKey(planner.plan(List.of(k2), List.of(), List.of(), AS_OF));
    assertThat(tasks.get("k2|complaint|2027-09-01").stoppedBy().text()).isEqualTo("no_phone:phone");
    assertThat(tasks.get("k2|care|mid_autumn|2027-09-15").status()).isEqualTo(PlannedTask.Status.OPEN);
    assertThat(tasks.get("k2|cadence|none").due()).isEqualTo(AS_OF);
    assertThat(tasks.get("k2|cadence|none").stoppedBy().text()).isEqualTo("no_phone:phone");
  }

  @Test
  void doNotContactAndMissingConsentSuppress() {
    PlanCustomer dnc = reach(of("r1", "rest"), true, true, true, Set.of());
    PlanCustomer noSms = reach(of("r2", "rest"), true, true, false, Set.of(Channel.SMS));
    List<PlannedTask> tasks = planner.plan(List.of(dnc, noSms), List.of(), List.of(), AS_OF).tasks();
    assertThat(tasks).extracting(t -> t.stoppedBy().text()).containsExactly("do_not_contact", "no_consent:sms");
  }

  @Test
  void replanningTheSameDayCreatesNothingNew() {
    List<PlanCustomer> customers = List.of(movedFrom(of("c1", "at_risk"), "key", LocalDate.of(2027, 8, 1)),
        complained(of("k1", "key"), AS_OF), of("r1", "rest"));
    Plan first = planner.plan(customers, List.of(), List.of(), AS_OF);
    Plan again = planner.plan(customers, List.of(), first.tasks(), AS_OF);
    assertThat(again.tasks()).noneMatch(PlannedTask::created);
    assertThat(again.tasks()).extracting(PlannedTask::key, PlannedTask::status, PlannedTask::due)
        .containsExactlyElementsOf(first.tasks().stream().map(t -> org.assertj.core.groups.Tuple.tuple(t.key(),
            t.status(), t.due())).toList());
  }

  @Test
  void aWinBackTaskIsCancelledWhenTheCustomerMovesBackUp() {
    PlanCustomer slipped = movedFrom(of("c1", "at_risk"), "key", LocalDate.of(2027, 8, 1));
    Plan first = planner.plan(List.of(slipped), List.of(), List.of(), AS_OF);
    PlanCustomer back = movedFrom(of("c1", "key"), "at_risk", AS_OF);
    Map<String, PlannedTask> tasks = byKey(planner.plan(List.of(back), List.of(), first.tasks(), AS_OF.plusDays(3)));
    PlannedTask winBack = tasks.get("c1|moved_down|key>at_risk|2027-08-01");
    assertThat(winBack.status()).isEqualTo(PlannedTask.Status.CANCELLED);
    assertThat(winBack.stoppedBy().text()).isEqualTo("tier_changed:key");
    assertThat(PlanText.reason(winBack, Locale.ENGLISH)).endsWith("; cancelled: tier changed key");
  }

  @Test
  void aCompletedTaskIsNotPlannedAgain() {
    PlanCustomer c = movedFrom(of("c1", "at_risk"), "key", LocalDate.of(2027, 8, 1));
    List<Contact> done = List.of(new Contact("c1", AS_OF, Channel.PHONE, "c1|moved_down|key>at_risk|2027-08-01"));
    assertThat(planner.plan(List.of(c), done, List.of(), AS_OF).tasks()).isEmpty();
  }

  @Test
  void assignmentGoesToTheSmallestBookUnderTheCap() {
    // Books before: amy 1 (k1), bob 0. r1 -> bob (0 < 1); r2 -> amy (1 = 1, amy listed first); r3 -> bob (amy at the
    // cap of 2); r4: both at the cap, stays in the pool, and a warning says so.
    List<PlanCustomer> customers = List.of(owner(of("k1", "key"), "amy"), of("r1", "rest"), of("r2", "rest"),
        of("r3", "rest"), of("r4", "rest"));
    Plan plan = planner.plan(customers, List.of(), List.of(), AS_OF);
    Map<String, String> owners = plan.tasks().stream().filter(t -> t.trigger() == Trigger.CADENCE)
        .collect(Collectors.toMap(PlannedTask::customerId, PlannedTask::owner));
    assertThat(owners).containsEntry("r1", "bob").containsEntry("r2", "amy").containsEntry("r3", "bob")
        .containsEntry("r4", "");
    assertThat(plan.ownerChanges()).containsExactly(new OwnerChange("r1", "rest", "", "bob"),
        new OwnerChange("r2", "rest", "", "amy"), new OwnerChange("r3", "rest", "", "bob"));
    assertThat(plan.warnings()).containsExactly(new Plan.Warning("team_full", "rest", 1));
    assertThat(PlanText.warning(plan.warnings().get(0), Locale.ENGLISH))
        .isEqualTo("tier rest: 1 customers left unassigned, every rep of the team is at the cap");
  }

  @Test
  void aTierWhoseEveryTouchIsStoppedAndFutureBirthdaysAreWarnedAbout() {
    // Both rest customers asked not to be contacted: the tier's two sms cadence touches are all suppressed. k1's
    // birthday is after the as-of day (a typing error): ignored for care, and counted.
    List<PlanCustomer> customers = List.of(born(of("k1", "key"), AS_OF.plusDays(1)),
        reach(of("r1", "rest"), true, true, true, Set.of()), reach(of("r2", "rest"), true, true, true, Set.of()));
    Plan plan = planner.plan(customers, List.of(), List.of(), AS_OF);
    assertThat(plan.warnings()).containsExactly(new Plan.Warning("all_suppressed", "rest", 2),
        new Plan.Warning("future_birthday", "", 1));
    assertThat(plan.warnings()).extracting(w -> PlanText.warning(w, Locale.ENGLISH)).containsExactly(
        "tier rest: all 2 planned touches are suppressed (caps, missing phone or email, consent)",
        "1 birthdays after the as-of date were ignored");
    assertThat(PlanText.warning(plan.warnings().get(1), Locale.CHINESE)).isEqualTo("已忽略 1 个晚于评分日期的生日");
    // One reachable rest customer is enough for no warning about the tier.
    Plan reachable = planner.plan(List.of(reach(of("r1", "rest"), true, true, true, Set.of()), of("r2", "rest")),
        List.of(), List.of(), AS_OF);
    assertThat(reachable.warnings()).isEmpty();
  }

  @Test
  void customersWhoseOwnerIsKeptEscapeTheirTiersPolicyButCountInTheBooks() {
    TierModel model = TierModel.parse("""
        tiers:
          - id: big
            when: monetary > 1000.0
            service:
              owner: {policy: pool}
              cadence: {every_days: 30, channels: [visit]}
          - id: rest
            service:
              owner: {policy: assign, team: [amy, bob]}
        """, "m.yaml");
    // b1 (amy's, kept) stays amy's; b2 (bob's) goes to the pool; k9 stays cara's though cara is not in the team.
    // Books then: amy 1, bob 0 (b2 left him): r1 -> bob; r2 -> amy (1 = 1, amy listed first).
    List<PlanCustomer> customers = List.of(owner(of("b1", "big"), "amy"), owner(of("b2", "big"), "bob"),
        owner(of("k9", "rest"), "cara"), of("r1", "rest"), of("r2", "rest"));
    Plan plan = new Planner(model, PlanOptions.DEFAULT).plan(customers, List.of(), List.of(), AS_OF,
        Set.of("b1", "k9"));
    assertThat(plan.ownerChanges()).containsExactly(new OwnerChange("b2", "big", "bob", ""),
        new OwnerChange("r1", "rest", "", "bob"), new OwnerChange("r2", "rest", "", "amy"));
    assertThat(plan.tasks()).filteredOn(t -> t.customerId().startsWith("b")).extracting(PlannedTask::owner)
        .containsExactly("amy", "");
    // b2's visit, open from an earlier plan under bob, is kept (not created again) and follows b2 to the pool.
    PlannedTask visit = plan.tasks().stream().filter(t -> t.customerId().equals("b2")).findFirst().orElseThrow();
    PlannedTask bobs = new PlannedTask(visit.key(), "b2", "bob", visit.type(), visit.channel(), visit.due(),
        visit.trigger(), visit.why(), PlannedTask.Status.OPEN, null, false);
    assertThat(new Planner(model, PlanOptions.DEFAULT).plan(customers, List.of(), List.of(bobs), AS_OF,
        Set.of("b1", "k9")).tasks()).filteredOn(t -> t.customerId().equals("b2"))
        .extracting(PlannedTask::key, PlannedTask::owner, PlannedTask::created)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(visit.key(), "", false));
  }

  @Test
  void poolRulesWarnTheOwnerThenReturnTheCustomer() {
    TierModel model = TierModel.parse("""
        tiers:
          - id: all
            when: true
            service:
              owner: {policy: keep, return_to_pool: {no_contact_days: 30, warn_days: 5}}
        """, "m.yaml");
    // Last contact 08-10 + 30 days: returns on 09-09; warned 5 days before, on 09-04.
    PlanCustomer c = owner(of("c1", "all"), "amy");
    List<Contact> history = List.of(new Contact("c1", LocalDate.of(2027, 8, 10), Channel.VISIT, null));
    List<PlannedTask> tasks = new Planner(model, PlanOptions.DEFAULT).plan(List.of(c), history, List.of(), AS_OF).tasks();
    assertThat(tasks).extracting(PlannedTask::type, PlannedTask::due, PlannedTask::owner, PlannedTask::channel)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(TaskType.POOL_WARNING, LocalDate.of(2027, 9, 4), "amy", null),
            org.assertj.core.groups.Tuple.tuple(TaskType.POOL_RETURN, LocalDate.of(2027, 9, 9), "amy", null));
  }

  @Test
  void openTasksOfCustomersNoLongerListedAreCancelledAfterTheRestInIdOrder() {
    PlanCustomer b = of("b", "key");
    Reason why = new Reason("key", Trigger.CADENCE, "", List.of(), strata.playbook.Purpose.NONE);
    PlannedTask c2 = new PlannedTask("c|cadence|2", "c", "", TaskType.FOLLOW_UP, Channel.PHONE, AS_OF.plusDays(2),
        Trigger.CADENCE, why, PlannedTask.Status.OPEN, null, false);
    PlannedTask a1 = new PlannedTask("a|cadence|1", "a", "", TaskType.FOLLOW_UP, Channel.PHONE, AS_OF,
        Trigger.CADENCE, why, PlannedTask.Status.OPEN, null, false);
    PlannedTask c1 = new PlannedTask("c|cadence|1", "c", "", TaskType.FOLLOW_UP, Channel.PHONE, AS_OF,
        Trigger.CADENCE, why, PlannedTask.Status.SUPPRESSED, new StopReason("cap", "all/week<=1"), false);
    // Contacts of the unlisted a and c, before and after b's in id order, are not b's: b's cadence counts from 08-10.
    List<Contact> history = List.of(new Contact("c", LocalDate.of(2027, 8, 20), Channel.PHONE, null),
        new Contact("b", LocalDate.of(2027, 8, 10), Channel.PHONE, null),
        new Contact("a", LocalDate.of(2027, 8, 20), Channel.PHONE, null));
    Plan plan = planner.plan(List.of(b), history, List.of(c2, a1, c1), AS_OF);
    assertThat(plan.tasks()).extracting(t -> t.key() + " " + t.status().code() + " "
        + (t.stoppedBy() == null ? "" : t.stoppedBy().text())).containsExactly(
            // 中秋 gift due Sunday 09-05, cadence call 08-10 + 30 = Thursday 09-09: different weeks, both fit.
            "b|care|mid_autumn|2027-09-15 open ", "b|cadence|2027-08-10 open ",
            "a|cadence|1 cancelled customer_removed", "c|cadence|2 cancelled customer_removed",
            "c|cadence|1 cancelled customer_removed");
  }
}
