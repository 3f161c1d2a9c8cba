package strata.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import strata.playbook.Trigger;
import strata.tier.TierModel;
import strata.tier.TierRule;

/**
 * The contact coverage a plan promises, for a run without stored tasks (the CLI): of the customers in a tier with a
 * cadence, the share the plan keeps within it over its horizon. The planner plans a cadence touch for every customer
 * whose next contact falls due in the horizon, so a customer is left uncovered exactly when their cadence touch is
 * suppressed (a cap, missing details or consent, a control group) and none is open; customers with no cadence touch
 * were contacted recently enough.
 */
public final class PlannedCoverage {
  private PlannedCoverage() {}

  /**
   * @param tier null for all tiers with a cadence together
   * @param withheld customers whose cadence touch in the horizon the plan suppressed
   * @param covered (customers − withheld) ÷ customers; null without customers
   */
  public record Line(String tier, long customers, long withheld, Double covered) {}

  /**
   * @param tierOf each customer's tier id
   * @return a line per tier with a cadence, in model order, then all of them; empty when no tier has a cadence
   */
  public static List<Line> of(TierModel model, Map<String, String> tierOf, Plan plan) {
    Set<String> open = new HashSet<>();
    Set<String> suppressed = new HashSet<>();
    for (PlannedTask t : plan.tasks()) {
      if (t.trigger() != Trigger.CADENCE) continue;
      if (t.status() == PlannedTask.Status.OPEN) open.add(t.customerId());
      else if (t.status() == PlannedTask.Status.SUPPRESSED) suppressed.add(t.customerId());
    }
    Map<String, long[]> counts = new HashMap<>(); // tier -> {customers, withheld}
    tierOf.forEach((customer, tier) -> {
      long[] c = counts.computeIfAbsent(tier, k -> new long[2]);
      c[0]++;
      if (suppressed.contains(customer) && !open.contains(customer)) c[1]++;
    });
    List<Line> lines = new ArrayList<>();
    long[] all = new long[2];
    for (TierRule t : model.tiers()) {
      if (t.service().cadence() == null) continue;
      long[] c = counts.getOrDefault(t.id(), new long[2]);
      lines.add(line(t.id(), c));
      all[0] += c[0];
      all[1] += c[1];
    }
    if (!lines.isEmpty()) lines.add(line(null, all));
    return List.copyOf(lines);
  }

  private static Line line(String tier, long[] c) {
    return new Line(tier, c[0], c[1], c[0] == 0 ? null : (double) (c[0] - c[1]) / c[0]);
  }
}
