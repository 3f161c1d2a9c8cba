package strata.pool;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import strata.playbook.OwnerPolicy;

/**
 * The customer pool (公海) of the tier playbooks: which owned customers go back to the pool on a day, which owners
 * are warned first, and whether a rep may claim a pool customer under the holding cap. Pure functions, so the planner
 * (warning and return tasks), the server's daily recycling and its claim endpoint decide alike.
 */
public final class PoolRules {
  private PoolRules() {}

  /**
   * The day a customer returns to the pool: the earlier of {@code no_contact_days} after the last contact and
   * {@code no_purchase_days} after the last purchase; either clock starts at {@code created} when nothing is logged.
   *
   * @return null when the rule is off or no date to count from is known
   */
  public static LocalDate returnDay(OwnerPolicy.PoolReturn rule, LocalDate lastContact, LocalDate lastPurchase,
      LocalDate created) {
    Due due = rule == null ? null : due(rule, lastContact, lastPurchase, created);
    return due == null ? null : due.day();
  }

  /** The return day, the rule that sets it and the day it counts from. */
  private record Due(LocalDate day, String rule, LocalDate since) {}

  private static Due due(OwnerPolicy.PoolReturn rule, LocalDate lastContact, LocalDate lastPurchase,
      LocalDate created) {
    LocalDate contactSince = lastContact != null ? lastContact : created;
    LocalDate purchaseSince = lastPurchase != null ? lastPurchase : created;
    LocalDate byContact = rule.noContactDays() > 0 && contactSince != null
        ? contactSince.plusDays(rule.noContactDays()) : null;
    LocalDate byPurchase = rule.noPurchaseDays() > 0 && purchaseSince != null
        ? purchaseSince.plusDays(rule.noPurchaseDays()) : null;
    if (byContact == null && byPurchase == null) return null;
    // On a tie the contact rule is named: it is the one the owner can still act on.
    boolean contactFirst = byPurchase == null || (byContact != null && !byContact.isAfter(byPurchase));
    return contactFirst ? new Due(byContact, "no_contact", contactSince)
        : new Due(byPurchase, "no_purchase", purchaseSince);
  }

  /**
   * @param policy the customer's tier's owner policy; a customer without an owner, or of a tier served from the pool,
   *     is always {@link Standing.Status#KEEP}
   */
  public static Standing standing(PoolCustomer c, OwnerPolicy policy, LocalDate asOf) {
    if (policy.mode() == OwnerPolicy.Mode.POOL) return keep(c);
    return standing(c, policy.poolReturn(), asOf);
  }

  private static Standing standing(PoolCustomer c, OwnerPolicy.PoolReturn rule, LocalDate asOf) {
    if (rule == null || c.owner().isEmpty()) return keep(c);
    Due due = due(rule, c.lastContact(), c.lastPurchase(), c.created());
    if (due == null) return keep(c);
    LocalDate day = due.day();
    Standing.Status status = !day.isAfter(asOf) ? Standing.Status.RETURN
        : rule.warnDays() > 0 && !day.minusDays(rule.warnDays()).isAfter(asOf) ? Standing.Status.WARN
        : Standing.Status.KEEP;
    return new Standing(c.id(), c.owner(), c.tier(), status, day, due.rule(), due.since());
  }

  /**
   * The standing of every owned customer whose rule has a warning or a return due on the day, in customer id order.
   *
   * @param policies the owner policy of each tier id; customers of an unknown tier are left alone
   */
  public static List<Standing> due(List<PoolCustomer> customers, Function<String, OwnerPolicy> policies,
      LocalDate asOf) {
    List<Standing> out = new ArrayList<>();
    for (PoolCustomer c : customers) {
      OwnerPolicy policy = policies.apply(c.tier());
      if (policy == null) continue;
      Standing s = standing(c, policy, asOf);
      if (s.status() != Standing.Status.KEEP) out.add(s);
    }
    out.sort(Comparator.comparing(Standing::customerId));
    return List.copyOf(out);
  }

  /**
   * Whether {@code rep} may claim a customer.
   *
   * @param currentOwner the customer's owner now, "" for the pool
   * @param book how many customers the rep owns now, every tier
   * @param cap the most the rep may hold (the customer's tier's {@code owner.cap}); 0 for no cap
   */
  public static ClaimDecision claim(String currentOwner, int book, int cap) {
    if (!currentOwner.isEmpty()) return ClaimDecision.ALREADY_OWNED;
    if (cap > 0 && book >= cap) return ClaimDecision.OVER_CAP;
    return ClaimDecision.ALLOWED;
  }

  private static Standing keep(PoolCustomer c) {
    return new Standing(c.id(), c.owner(), c.tier(), Standing.Status.KEEP, null, "", null);
  }
}
