package strata.plan;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import strata.care.CareCalendar;
import strata.playbook.CareEvent;
import strata.playbook.OwnerPolicy;
import strata.playbook.Purpose;
import strata.playbook.ServicePlan;
import strata.playbook.TaskType;
import strata.playbook.Trigger;
import strata.playbook.TriggerRule;
import strata.pool.PoolRules;
import strata.tier.TierModel;

/**
 * The tasks one customer's tier playbook asks for between as-of and the horizon's last day. Each key names its
 * occasion by a date that does not move from one day's plan to the next (the event, the last contact, the last
 * purchase), so re-planning finds the same keys.
 */
final class Candidates {
  /** Complaints, NPS answers and first orders older than this (days before as-of) no longer trigger a task. */
  static final int RECENT_DAYS = 30;

  private final TierModel model;
  private final CareCalendar calendar;
  private final LocalDate asOf;
  private final LocalDate end;

  Candidates(TierModel model, CareCalendar calendar, LocalDate asOf, LocalDate end) {
    this.model = model;
    this.calendar = calendar;
    this.asOf = asOf;
    this.end = end;
  }

  /** @param lastContact the customer's latest contact up to as-of, or null */
  List<Candidate> of(PlanCustomer c, ServicePlan plan, LocalDate lastContact, boolean validBirthday) {
    List<Candidate> out = new ArrayList<>();
    tierChange(c, plan, out);
    dormant(c, plan, out);
    event(c, plan.trigger(Trigger.COMPLAINT), c.lastComplaint(), out, "complaint_date");
    if (c.nps() != null && plan.trigger(Trigger.NPS_DETRACTOR) != null
        && c.nps() <= plan.trigger(Trigger.NPS_DETRACTOR).threshold()) {
      event(c, plan.trigger(Trigger.NPS_DETRACTOR), c.npsDate(), out, "nps_date", "nps", c.nps());
    }
    TriggerRule large = plan.trigger(Trigger.LARGE_FIRST_ORDER);
    if (large != null && c.firstOrder() != null && c.firstOrderAmount() >= large.threshold()) {
      event(c, large, c.firstOrder(), out, "first_order_date", "first_order_amount", money(c.firstOrderAmount()),
          "min_amount", money(large.threshold()));
    }
    cadence(c, plan, lastContact, out);
    for (CareEvent e : plan.care()) care(c, e, validBirthday, out);
    pool(c, plan.owner(), lastContact, out);
    return out;
  }

  private void tierChange(PlanCustomer c, ServicePlan plan, List<Candidate> out) {
    if (c.previousTier() == null || c.previousTier().equals(c.tier())) return;
    int before = index(c.previousTier());
    boolean down = before >= 0 && before < index(c.tier());
    TriggerRule rule = down && plan.trigger(Trigger.MOVED_DOWN) != null ? plan.trigger(Trigger.MOVED_DOWN)
        : plan.trigger(Trigger.ENTER_TIER);
    if (rule == null) return;
    String since = c.previousAsOf() == null ? "" : "|" + c.previousAsOf();
    Reason why = c.previousAsOf() == null
        ? reason(c, rule.trigger(), "", rule.purpose(), "previous_tier", c.previousTier(), "tier", c.tier())
        : reason(c, rule.trigger(), "", rule.purpose(), "previous_tier", c.previousTier(), "tier", c.tier(),
            "previous_as_of", c.previousAsOf());
    out.add(new Candidate(key(c, rule.trigger(), c.previousTier() + ">" + c.tier() + since), rule.trigger(),
        rule.type(), rule.channels(), asOf.plusDays(rule.withinDays()), why));
  }

  private void dormant(PlanCustomer c, ServicePlan plan, List<Candidate> out) {
    TriggerRule rule = plan.trigger(Trigger.DORMANT);
    if (rule == null || c.lastPurchase() == null) return;
    LocalDate dormantFrom = c.lastPurchase().plusDays((long) rule.threshold());
    if (dormantFrom.isAfter(end)) return;
    Reason why = reason(c, Trigger.DORMANT, "", rule.purpose(), "last_purchase", c.lastPurchase(),
        "recency_days", days(c.lastPurchase(), asOf), "after_days", (int) rule.threshold());
    out.add(new Candidate(key(c, Trigger.DORMANT, c.lastPurchase().toString()), Trigger.DORMANT, rule.type(),
        rule.channels(), later(dormantFrom, asOf).plusDays(rule.withinDays()), why));
  }

  /** A trigger fired by a dated event (complaint, NPS answer, first order), due within its days of the event. */
  private void event(PlanCustomer c, TriggerRule rule, LocalDate day, List<Candidate> out, String dayName,
      Object... values) {
    if (rule == null || day == null || day.isAfter(asOf) || day.isBefore(asOf.minusDays(RECENT_DAYS))) return;
    Object[] read = Arrays.copyOf(values, values.length + 4);
    read[values.length] = dayName;
    read[values.length + 1] = day;
    read[values.length + 2] = "within_days";
    read[values.length + 3] = rule.withinDays();
    Reason why = reason(c, rule.trigger(), "", rule.purpose(), read);
    out.add(new Candidate(key(c, rule.trigger(), day.toString()), rule.trigger(), rule.type(), rule.channels(),
        later(day.plusDays(rule.withinDays()), asOf), why));
  }

  private void cadence(PlanCustomer c, ServicePlan plan, LocalDate lastContact, List<Candidate> out) {
    if (plan.cadence() == null) return;
    int every = plan.cadence().everyDays();
    LocalDate due = lastContact == null ? asOf : later(lastContact.plusDays(every), asOf);
    if (due.isAfter(end)) return;
    Reason why = reason(c, Trigger.CADENCE, "", plan.cadence().purpose(),
        "last_contact", lastContact == null ? "none" : lastContact, "every_days", every);
    out.add(new Candidate(key(c, Trigger.CADENCE, lastContact == null ? "none" : lastContact.toString()),
        Trigger.CADENCE, TaskType.FOLLOW_UP, plan.cadence().channels(), due, why));
  }

  private void care(PlanCustomer c, CareEvent e, boolean validBirthday, List<Candidate> out) {
    LocalDate birthday = validBirthday ? c.birthday() : null;
    for (LocalDate day : calendar.occurrences(e, birthday, c.created(), asOf, end.plusDays(e.leadDays()))) {
      LocalDate due = later(day.minusDays(e.leadDays()), asOf);
      if (due.isAfter(end)) continue;
      Reason why = reason(c, Trigger.CARE, e.id(), e.purpose(), "event", e.id(), "date", day,
          "lead_days", e.leadDays());
      out.add(new Candidate(key(c, Trigger.CARE, e.id() + "|" + day), Trigger.CARE, e.type(), e.channels(), due, why));
    }
  }

  /** Pool rules: warn the owner before the customer returns to the pool, then return it. */
  private void pool(PlanCustomer c, OwnerPolicy owner, LocalDate lastContact, List<Candidate> out) {
    OwnerPolicy.PoolReturn rule = owner.poolReturn();
    if (rule == null || owner.mode() == OwnerPolicy.Mode.POOL || c.owner().isEmpty()) return;
    LocalDate returnDay = PoolRules.returnDay(rule, lastContact, c.lastPurchase(), c.created());
    if (returnDay == null) return;
    Reason why = reason(c, Trigger.POOL_RETURN, "", Purpose.NONE, "owner", c.owner(),
        "last_contact", lastContact == null ? "none" : lastContact,
        "last_purchase", c.lastPurchase() == null ? "none" : c.lastPurchase(), "return_date", returnDay);
    if (rule.warnDays() > 0 && !returnDay.minusDays(rule.warnDays()).isAfter(end) && returnDay.isAfter(asOf)) {
      Reason warn = new Reason(why.tier(), Trigger.POOL_WARNING, "", why.values(), Purpose.NONE);
      out.add(new Candidate(key(c, Trigger.POOL_WARNING, returnDay.toString()), Trigger.POOL_WARNING,
          TaskType.POOL_WARNING, List.of(), later(returnDay.minusDays(rule.warnDays()), asOf), warn));
    }
    if (!returnDay.isAfter(end)) {
      out.add(new Candidate(key(c, Trigger.POOL_RETURN, returnDay.toString()), Trigger.POOL_RETURN,
          TaskType.POOL_RETURN, List.of(), later(returnDay, asOf), why));
    }
  }

  /**
   * @param read the values read, as name, value, name, value...; after the customer's lifecycle stage. Built in one
   *     go, not value by value: copying the list for each value was a fifth of what planning allocated (JFR).
   */
  private Reason reason(PlanCustomer c, Trigger trigger, String detail, Purpose purpose, Object... read) {
    boolean stage = !c.lifecycleStage().isEmpty();
    Reason.Value[] values = new Reason.Value[read.length / 2 + (stage ? 1 : 0)];
    int n = 0;
    if (stage) values[n++] = new Reason.Value("lifecycle_stage", c.lifecycleStage());
    for (int i = 0; i < read.length; i += 2) {
      values[n++] = new Reason.Value((String) read[i], String.valueOf(read[i + 1]));
    }
    return new Reason(c.tier(), trigger, detail, List.of(values), purpose);
  }

  private int index(String tierId) {
    for (int i = 0; i < model.tiers().size(); i++) {
      if (model.tiers().get(i).id().equals(tierId)) return i;
    }
    return -1;
  }

  static String key(PlanCustomer c, Trigger trigger, String occasion) {
    return PlannedTask.key(c.id(), trigger, occasion);
  }

  private static LocalDate later(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  private static long days(LocalDate from, LocalDate to) {
    return ChronoUnit.DAYS.between(from, to);
  }

  private static String money(double amount) {
    return amount == Math.rint(amount) ? String.valueOf((long) amount) : String.format(java.util.Locale.ROOT, "%.2f", amount);
  }
}
