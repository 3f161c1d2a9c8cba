package strata.experiment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Who an experiment holds out, fixed when it starts. A customer is held out when its {@link HoldoutHash} number is
 * below the cutoff of its stratum (its tier when it joined). At the start each tier's cutoff is set between the
 * k-th and (k+1)-th smallest numbers of the tier's customers, k = round(share × n), so every tier holds out as
 * near the share as whole customers allow (plain hashing would leave a binomial spread: ±3 customers of 100).
 * Customers who join later are compared with the same frozen cutoff, so nobody already assigned ever changes group
 * and newcomers are held out at about the share; a tier unknown at the start uses the share itself.
 *
 * @param cutoffs per tier, numbers in [0, 1]
 */
public record HoldoutDesign(String experiment, double share, Map<String, Double> cutoffs) {
  public HoldoutDesign {
    if (!(share > 0 && share < 1)) throw new IllegalArgumentException("share must be between 0 and 1, got " + share);
    cutoffs = Map.copyOf(new TreeMap<>(cutoffs));
  }

  /** Without a stored start: every tier's cutoff is the share, stable across runs but only balanced on average. */
  public static HoldoutDesign unstratified(String experiment, double share) {
    return new HoldoutDesign(experiment, share, Map.of());
  }

  /** @param tierOf the tier of every customer enrolled at the start, by customer id */
  public static HoldoutDesign start(String experiment, double share, Map<String, String> tierOf) {
    Map<String, List<Double>> byTier = new HashMap<>();
    tierOf.forEach((id, tier) -> byTier.computeIfAbsent(tier, t -> new ArrayList<>()).add(HoldoutHash.unit(experiment, id)));
    Map<String, Double> cutoffs = new HashMap<>();
    byTier.forEach((tier, units) -> {
      units.sort(null);
      int k = (int) Math.round(share * units.size());
      double below = k == 0 ? 0 : units.get(k - 1);
      double above = k == units.size() ? 1 : units.get(k);
      // A tier too small to hold anyone out at the start still holds out newcomers, at most at the share.
      cutoffs.put(tier, k == 0 ? Math.min(share, above) : (below + above) / 2);
    });
    return new HoldoutDesign(experiment, share, cutoffs);
  }

  public double cutoff(String tier) {
    return cutoffs.getOrDefault(tier, share);
  }

  /** @param stratum the customer's tier when it joined the experiment */
  public Assignment assign(String customerId, String stratum) {
    return new Assignment(experiment, customerId, stratum, HoldoutHash.unit(experiment, customerId) < cutoff(stratum));
  }

  /** A customer's group in an experiment: stored by the server and shown on the customer. */
  public record Assignment(String experiment, String customerId, String stratum, boolean heldOut) {}
}
