package strata.server.task;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import strata.plan.Contact;
import strata.plan.PlanCustomer;
import strata.playbook.OwnerPolicy;
import strata.pool.PoolCustomer;
import strata.tier.TierModel;
import strata.tier.TierRule;

/** The pool rules' view of the planner's inputs, and the planner's customers after a recycling. */
final class PoolInputs {
  private PoolInputs() {}

  /** Each customer with the latest of its contacts (interactions and completed tasks). */
  static List<PoolCustomer> of(List<PlanCustomer> customers, List<Contact> history) {
    Map<String, LocalDate> last = new HashMap<>();
    for (Contact c : history) last.merge(c.customerId(), c.day(), (a, b) -> a.isAfter(b) ? a : b);
    return customers.stream().map(c -> new PoolCustomer(c.id(), c.tier(), c.owner(), last.get(c.id()),
        c.lastPurchase(), c.created())).toList();
  }

  static Function<String, OwnerPolicy> policies(TierModel model) {
    Map<String, OwnerPolicy> byTier = new HashMap<>();
    for (TierRule t : model.tiers()) byTier.put(t.id(), t.service().owner());
    return byTier::get;
  }

  /** The customers with the owners the pool rules and the escalations gave them ("" for the pool) by customer id. */
  static List<PlanCustomer> withOwners(List<PlanCustomer> customers, Map<String, String> owners) {
    if (owners.isEmpty()) return customers;
    return customers.stream().map(c -> !owners.containsKey(c.id()) ? c : new PlanCustomer(c.id(), c.tier(),
        c.previousTier(), c.previousAsOf(), owners.get(c.id()), c.lifecycleStage(), c.lastPurchase(), c.firstOrder(),
        c.firstOrderAmount(), c.lastComplaint(), c.nps(), c.npsDate(), c.birthday(), c.created(), c.hasPhone(),
        c.hasEmail(), c.doNotContact(), c.noConsent())).toList();
  }
}
