package strata.plan;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import strata.playbook.OwnerPolicy;

/**
 * Decides each customer's owner from its tier's policy. Assignment goes to the team member with the smallest book
 * (customers owned, every tier) still under the cap, ties to the one listed first: a round robin weighted by book
 * size, like the holding caps of Chinese CRMs (悟空 CRM's 客户数限制). Customers are taken in id order, so the
 * result does not depend on the input's order.
 */
final class Owners {
  private final Map<String, Integer> books = new HashMap<>();
  private final Map<String, Long> unassigned = new HashMap<>();
  private final Set<String> ownerKept;

  /**
   * @param customers every customer of the plan, for the book sizes
   * @param ownerKept customers whose owner stays whatever their tier's policy says
   */
  Owners(List<PlanCustomer> customers, Set<String> ownerKept) {
    this.ownerKept = ownerKept;
    for (PlanCustomer c : customers) {
      if (!c.owner().isEmpty()) books.merge(c.owner(), 1, Integer::sum);
    }
  }

  /** @return the owner, "" for the pool; updates book sizes when it assigns */
  String ownerOf(PlanCustomer c, OwnerPolicy policy) {
    if (ownerKept.contains(c.id())) return c.owner();
    return switch (policy.mode()) {
      case KEEP -> c.owner();
      case POOL -> pool(c);
      case ASSIGN -> assign(c, policy);
    };
  }

  /** The pool takes the customer from its owner, whose book is one smaller for the assignments after it. */
  private String pool(PlanCustomer c) {
    if (!c.owner().isEmpty()) books.merge(c.owner(), -1, Integer::sum);
    return "";
  }

  private String assign(PlanCustomer c, OwnerPolicy policy) {
    if (policy.team().contains(c.owner())) return c.owner();
    String best = null;
    for (String rep : policy.team()) {
      int book = books.getOrDefault(rep, 0);
      if (policy.capPerRep() > 0 && book >= policy.capPerRep()) continue;
      if (best == null || book < books.getOrDefault(best, 0)) best = rep;
    }
    if (best == null) {
      unassigned.merge(c.tier(), 1L, Long::sum);
      return c.owner();
    }
    books.merge(best, 1, Integer::sum);
    if (!c.owner().isEmpty()) books.merge(c.owner(), -1, Integer::sum);
    return best;
  }

  /** Customers per tier left with their old owner (or none) because every rep was at the cap. */
  Map<String, Long> unassigned() {
    return unassigned;
  }
}
