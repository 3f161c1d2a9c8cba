package strata.plan;

import java.time.LocalDate;
import java.util.Set;
import strata.playbook.Channel;

/** Test customers: a plain one, changed a field at a time. */
record Customers() {
  static PlanCustomer of(String id, String tier) {
    return new PlanCustomer(id, tier, null, null, "", "active", null, null, 0, null, null, null, null, null, true,
        true, false, Set.of());
  }

  static PlanCustomer movedFrom(PlanCustomer c, String previousTier, LocalDate previousAsOf) {
    return new PlanCustomer(c.id(), c.tier(), previousTier, previousAsOf, c.owner(), "dormant", c.lastPurchase(),
        c.firstOrder(), c.firstOrderAmount(), c.lastComplaint(), c.nps(), c.npsDate(), c.birthday(), c.created(),
        c.hasPhone(), c.hasEmail(), c.doNotContact(), c.noConsent());
  }

  static PlanCustomer owner(PlanCustomer c, String owner) {
    return new PlanCustomer(c.id(), c.tier(), c.previousTier(), c.previousAsOf(), owner, c.lifecycleStage(),
        c.lastPurchase(), c.firstOrder(), c.firstOrderAmount(), c.lastComplaint(), c.nps(), c.npsDate(), c.birthday(),
        c.created(), c.hasPhone(), c.hasEmail(), c.doNotContact(), c.noConsent());
  }

  static PlanCustomer complained(PlanCustomer c, LocalDate day) {
    return new PlanCustomer(c.id(), c.tier(), c.previousTier(), c.previousAsOf(), c.owner(), c.lifecycleStage(),
        c.lastPurchase(), c.firstOrder(), c.firstOrderAmount(), day, c.nps(), c.npsDate(), c.birthday(), c.created(),
        c.hasPhone(), c.hasEmail(), c.doNotContact(), c.noConsent());
  }

  static PlanCustomer reach(PlanCustomer c, boolean phone, boolean email, boolean doNotContact, Set<Channel> noConsent) {
    return new PlanCustomer(c.id(), c.tier(), c.previousTier(), c.previousAsOf(), c.owner(), c.lifecycleStage(),
        c.lastPurchase(), c.firstOrder(), c.firstOrderAmount(), c.lastComplaint(), c.nps(), c.npsDate(), c.birthday(),
        c.created(), phone, email, doNotContact, noConsent);
  }

  static PlanCustomer born(PlanCustomer c, LocalDate birthday) {
    return new PlanCustomer(c.id(), c.tier(), c.previousTier(), c.previousAsOf(), c.owner(), c.lifecycleStage(),
        c.lastPurchase(), c.firstOrder(), c.firstOrderAmount(), c.lastComplaint(), c.nps(), c.npsDate(), birthday,
        c.created(), c.hasPhone(), c.hasEmail(), c.doNotContact(), c.noConsent());
  }
}
