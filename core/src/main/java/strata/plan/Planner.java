package strata.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import strata.care.CareCalendar;
import strata.experiment.Holdouts;
import strata.playbook.ServicePlan;
import strata.tier.TierModel;
import strata.tier.TierRule;

/**
 * Plans the service tasks of the next days from the tier model's playbooks: a pure function of its inputs (no clock,
 * no storage), so the same inputs give the same plan. Re-planning with the previous plan's open tasks creates
 * nothing twice: a task whose key is open or done is kept, not repeated; an open task whose reason is gone is
 * cancelled with that reason. A touch that a cap, a missing phone or email, consent or do-not-contact stops is kept
 * as suppressed, with what stopped it; so is a touch withheld from a customer in an experiment's control group.
 */
public final class Planner {
  private final TierModel model;
  private final PlanOptions options;
  private final Holdouts holdouts;
  private final Map<String, ServicePlan> plans = new HashMap<>();

  /** A planner whose holdouts are assigned by hash and share alone ({@link Holdouts#UNSTORED}). */
  public Planner(TierModel model, PlanOptions options) {
    this(model, options, Holdouts.UNSTORED);
  }

  /** @param holdouts the stored experiments that decide which customers are held out of which tasks */
  public Planner(TierModel model, PlanOptions options, Holdouts holdouts) {
    this.model = model;
    this.options = options;
    this.holdouts = holdouts;
    for (TierRule t : model.tiers()) plans.put(t.id(), t.service());
  }

  /**
   * @param customers every scored customer (tier ids must be the model's)
   * @param history past touches: interactions and completed tasks
   * @param open the previous plan's open and suppressed tasks (others are ignored)
   * @return tasks in customer id and due-date order, each with its reason
   * @throws IllegalArgumentException if a customer's tier is not in the model or an id is repeated
   */
  public Plan plan(List<PlanCustomer> customers, List<Contact> history, List<PlannedTask> open, LocalDate asOf) {
    return plan(customers, history, open, asOf, Set.of());
  }

  /**
   * As {@link #plan(List, List, List, LocalDate)}, except for the owners of some customers.
   *
   * @param ownerKept customers who keep their owner whatever their tier's owner policy says (the server's: an owner
   *     chosen by a person, the pool rules or an escalation while the customer was in its tier)
   */
  public Plan plan(List<PlanCustomer> customers, List<Contact> history, List<PlannedTask> open, LocalDate asOf,
      Set<String> ownerKept) {
    List<PlanCustomer> sorted = new ArrayList<>(customers);
    sorted.sort(Comparator.comparing(PlanCustomer::id));
    ByCustomer<Contact> contacts = new ByCustomer<>(history, Contact::customerId);
    ByCustomer<PlannedTask> openTasks = new ByCustomer<>(open.stream()
        .filter(t -> t.status() == PlannedTask.Status.OPEN || t.status() == PlannedTask.Status.SUPPRESSED).toList(),
        PlannedTask::customerId);
    LocalDate end = asOf.plusDays(options.horizonDays() - 1L);
    CustomerPlanner one = new CustomerPlanner(new Candidates(model, new CareCalendar(options.zone()), asOf, end), asOf,
        holdouts);
    Owners owners = new Owners(sorted, ownerKept);
    List<PlannedTask> tasks = new ArrayList<>();
    List<OwnerChange> ownerChanges = new ArrayList<>();
    String previousId = null;
    long futureBirthdays = 0;
    for (PlanCustomer c : sorted) {
      if (c.id().equals(previousId)) throw new IllegalArgumentException("customer '" + c.id() + "' is listed twice");
      previousId = c.id();
      ServicePlan plan = plans.get(c.tier());
      if (plan == null) throw new IllegalArgumentException("customer '" + c.id() + "': tier '" + c.tier() + "' is not in the model");
      boolean validBirthday = c.birthday() == null || !c.birthday().isAfter(asOf);
      if (!validBirthday) futureBirthdays++;
      String owner = owners.ownerOf(c, plan.owner());
      if (!owner.equals(c.owner())) ownerChanges.add(new OwnerChange(c.id(), c.tier(), c.owner(), owner));
      tasks.addAll(one.plan(c, plan, owner, contacts.of(c.id()), openTasks.of(c.id()), validBirthday));
    }
    for (PlannedTask t : openTasks.skipped()) {
      tasks.add(t.as(PlannedTask.Status.CANCELLED, new StopReason("customer_removed", ""), false));
    }
    return new Plan(List.copyOf(tasks), warnings(tasks, owners, futureBirthdays), List.copyOf(ownerChanges));
  }

  private List<Plan.Warning> warnings(List<PlannedTask> tasks, Owners owners, long futureBirthdays) {
    List<Plan.Warning> warnings = new ArrayList<>();
    Map<String, long[]> touches = new TreeMap<>();
    for (PlannedTask t : tasks) {
      if (!t.trigger().touchesCustomer() || t.status() == PlannedTask.Status.CANCELLED) continue;
      // A control group is withheld on purpose; only what caps and missing details stopped is worth a warning.
      if (t.stoppedBy() != null && t.stoppedBy().code().equals("holdout")) continue;
      long[] n = touches.computeIfAbsent(t.why().tier(), k -> new long[2]);
      n[0]++;
      if (t.status() == PlannedTask.Status.SUPPRESSED) n[1]++;
    }
    touches.forEach((tier, n) -> {
      if (n[0] > 0 && n[0] == n[1]) warnings.add(new Plan.Warning("all_suppressed", tier, n[0]));
    });
    new TreeMap<>(owners.unassigned()).forEach((tier, n) -> warnings.add(new Plan.Warning("team_full", tier, n)));
    if (futureBirthdays > 0) warnings.add(new Plan.Warning("future_birthday", "", futureBirthdays));
    return List.copyOf(warnings);
  }
}
