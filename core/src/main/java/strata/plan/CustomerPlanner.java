package strata.plan;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import strata.caps.CapHit;
import strata.caps.ContactBudget;
import strata.experiment.Holdouts;
import strata.playbook.Channel;
import strata.playbook.ContactCaps;
import strata.playbook.ServicePlan;
import strata.playbook.Trigger;
import strata.playbook.TriggerRule;

/** One customer's part of the plan: its candidates merged with its open tasks, then channels and caps. */
final class CustomerPlanner {
  static final Comparator<PlannedTask> ORDER = Comparator.comparing(PlannedTask::due)
      .thenComparing(PlannedTask::trigger).thenComparing(PlannedTask::key);
  private static final Comparator<Candidate> CANDIDATE_ORDER = Comparator.comparing(Candidate::due)
      .thenComparing(Candidate::trigger).thenComparing(Candidate::key);

  private final Candidates candidates;
  private final LocalDate asOf;
  private final Holdouts holdouts;
  /**
   * Touches are placed on as-of or later, so a contact before both as-of's week and its month counts in no cap they
   * check: leaving it out keeps the budget's work to recent contacts however long the history grows.
   */
  private final LocalDate budgetFrom;

  CustomerPlanner(Candidates candidates, LocalDate asOf, Holdouts holdouts) {
    this.candidates = candidates;
    this.asOf = asOf;
    this.holdouts = holdouts;
    LocalDate monday = asOf.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    this.budgetFrom = monday.isBefore(asOf.withDayOfMonth(1)) ? monday : asOf.withDayOfMonth(1);
  }

  List<PlannedTask> plan(PlanCustomer c, ServicePlan plan, String owner, List<Contact> contacts,
      List<PlannedTask> open, boolean validBirthday) {
    ContactBudget budget = new ContactBudget(plan.caps());
    LocalDate lastContact = null;
    Set<String> done = new HashSet<>();
    for (Contact k : contacts) {
      if (k.day().isAfter(asOf)) continue;
      if (k.channel() != null && !k.day().isBefore(budgetFrom)) budget.record(k.channel(), k.day());
      if (lastContact == null || k.day().isAfter(lastContact)) lastContact = k.day();
      if (k.taskKey() != null) done.add(k.taskKey());
    }
    Map<String, Candidate> wanted = new LinkedHashMap<>();
    for (Candidate k : candidates.of(c, plan, lastContact, validBirthday)) {
      if (!done.contains(k.key())) wanted.putIfAbsent(k.key(), k);
    }
    List<PlannedTask> out = new ArrayList<>();
    List<Candidate> toPlace = new ArrayList<>();
    Set<String> openKeys = new HashSet<>();
    List<PlannedTask> sortedOpen = open;
    if (open.size() > 1) {
      sortedOpen = new ArrayList<>(open);
      sortedOpen.sort(ORDER);
    }
    for (PlannedTask t : sortedOpen) {
      if (done.contains(t.key()) || !openKeys.add(t.key())) continue;
      boolean stillWanted = wanted.containsKey(t.key());
      StopReason cancel = stillWanted ? null : cancellation(t, c, lastContact);
      if (cancel != null) {
        out.add(t.as(PlannedTask.Status.CANCELLED, cancel, false));
      } else if (stillWanted && (t.status() == PlannedTask.Status.SUPPRESSED || c.doNotContact()
          || heldOutBy(t.trigger(), plan, c) != null)) {
        // Placed again: a suppressed touch may fit now, an open one is suppressed once the customer says stop or
        // an experiment that started since holds the customer out.
        toPlace.add(wanted.get(t.key()));
      } else {
        if (t.status() == PlannedTask.Status.OPEN && t.channel() != null) budget.record(t.channel(), t.due());
        out.add(t.keptFor(owner));
      }
    }
    for (Candidate k : wanted.values()) {
      if (!openKeys.contains(k.key())) toPlace.add(k);
    }
    toPlace.sort(CANDIDATE_ORDER);
    for (Candidate k : toPlace) {
      out.add(place(k, c, owner, budget, plan.caps(), heldOutBy(k.trigger(), plan, c), !openKeys.contains(k.key())));
    }
    out.sort(ORDER);
    return out;
  }

  /**
   * Why an open task the playbook no longer asks for is cancelled, or null to keep it (a win-back call stays due
   * after the run that saw the customer move down, though the next run no longer sees the move).
   */
  private static StopReason cancellation(PlannedTask t, PlanCustomer c, LocalDate lastContact) {
    if (t.trigger().touchesCustomer() && c.doNotContact()) return new StopReason("do_not_contact", "");
    boolean tierBound = t.trigger() != Trigger.COMPLAINT && t.trigger() != Trigger.NPS_DETRACTOR
        && t.trigger() != Trigger.MANUAL;
    if (tierBound && !t.why().tier().equals(c.tier())) return new StopReason("tier_changed", c.tier());
    boolean countsFromContact = t.trigger() == Trigger.CADENCE || !t.trigger().touchesCustomer();
    if (countsFromContact) {
      return lastContact == null ? new StopReason("no_longer_due", "") : new StopReason("contacted", lastContact.toString());
    }
    return null;
  }

  /**
   * The experiment whose control group withholds a touch of this trigger from the customer, or null. The playbook's
   * holdout covers every touch; a trigger's only its own. Pool work is for the owner, never withheld.
   */
  private String heldOutBy(Trigger trigger, ServicePlan plan, PlanCustomer c) {
    if (!trigger.touchesCustomer()) return null;
    if (plan.holdout() != null && holdouts.heldOut(plan.holdout(), c.id(), c.tier())) return plan.holdout().experiment();
    TriggerRule rule = plan.trigger(trigger);
    if (rule != null && rule.holdout() != null && holdouts.heldOut(rule.holdout(), c.id(), c.tier())) {
      return rule.holdout().experiment();
    }
    return null;
  }

  /**
   * The task for a candidate: withheld when an experiment holds the customer out, else on the first of its channels
   * that reaches the customer within the caps, else suppressed by the first obstacle met (do-not-contact, missing
   * phone or email, consent, then the cap). A withheld touch uses no budget: the control group is served as if
   * the experiment's tasks did not exist.
   */
  private static PlannedTask place(Candidate k, PlanCustomer c, String owner, ContactBudget budget, ContactCaps caps,
      String heldOutBy, boolean isNew) {
    if (!k.trigger().touchesCustomer()) {
      return task(k, c, owner, null, k.why(), PlannedTask.Status.OPEN, null, isNew);
    }
    if (heldOutBy != null) {
      return task(k, c, owner, k.channels().get(0), k.why(), PlannedTask.Status.SUPPRESSED,
          new StopReason("holdout", heldOutBy), isNew);
    }
    if (c.doNotContact()) {
      return task(k, c, owner, k.channels().get(0), k.why(), PlannedTask.Status.SUPPRESSED,
          new StopReason("do_not_contact", ""), isNew);
    }
    StopReason first = null;
    for (Channel ch : k.channels()) {
      StopReason obstacle = obstacle(ch, c);
      if (obstacle == null) {
        Optional<CapHit> cap = budget.check(ch, k.due());
        if (cap.isEmpty()) {
          budget.record(ch, k.due());
          return task(k, c, owner, ch, withQuietHours(k.why(), ch, caps), PlannedTask.Status.OPEN, null, isNew);
        }
        obstacle = new StopReason("cap", cap.get().code());
      }
      if (first == null) first = obstacle;
    }
    return task(k, c, owner, k.channels().get(0), k.why(), PlannedTask.Status.SUPPRESSED, first, isNew);
  }

  private static StopReason obstacle(Channel ch, PlanCustomer c) {
    if (ch.needsPhone() && !c.hasPhone()) return new StopReason("no_phone", ch.code());
    if (ch == Channel.EMAIL && !c.hasEmail()) return new StopReason("no_email", "");
    if (c.noConsent().contains(ch)) return new StopReason("no_consent", ch.code());
    return null;
  }

  /** Messages (not calls or visits) are sent by a machine that must hold them during quiet hours. */
  private static Reason withQuietHours(Reason why, Channel ch, ContactCaps caps) {
    boolean message = ch == Channel.SMS || ch == Channel.WECHAT || ch == Channel.EMAIL;
    return message && caps.quietFrom() != null ? why.with("quiet_hours", caps.quietFrom() + "-" + caps.quietTo()) : why;
  }

  private static PlannedTask task(Candidate k, PlanCustomer c, String owner, Channel channel, Reason why,
      PlannedTask.Status status, StopReason stop, boolean isNew) {
    return new PlannedTask(k.key(), c.id(), owner, k.type(), channel, k.due(), k.trigger(), why, status, stop, isNew);
  }
}
