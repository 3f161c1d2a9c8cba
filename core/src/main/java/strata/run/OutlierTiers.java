package strata.run;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import strata.intake.AmountOutliers;
import strata.tier.TierModel;

/**
 * Which customers' tiers the outlier amounts changed: the run's tiers against the tiers of the same data scored the
 * other way (without the outliers when the run kept them, with them when it left them out). Everyone can move, not
 * only the customers with an outlier row: one ¥99,999,999 order shifts the monetary percentiles and ABC shares of the
 * whole file.
 */
final class OutlierTiers {
  static final int EXAMPLES = 20;

  private OutlierTiers() {}

  static AmountOutliers compare(AmountOutliers outliers, ScoredCustomers run, ScoredCustomers other, TierModel model) {
    Map<String, String> otherTiers = new HashMap<>();
    for (int i = 0; i < other.size; i++) otherTiers.put(other.customerId(i), tier(other, i, model));
    TreeMap<String, AmountOutliers.TierChange> changes = new TreeMap<>();
    long changed = 0;
    for (int i = 0; i < run.size; i++) {
      String id = run.customerId(i);
      String mine = tier(run, i, model);
      String theirs = otherTiers.remove(id);
      if (mine.equals(theirs)) continue;
      changed++;
      keep(changes, outliers.excluded() ? new AmountOutliers.TierChange(id, theirs, mine)
          : new AmountOutliers.TierChange(id, mine, theirs));
    }
    for (Map.Entry<String, String> only : otherTiers.entrySet()) { // scored one way only (all its orders outliers)
      changed++;
      keep(changes, outliers.excluded() ? new AmountOutliers.TierChange(only.getKey(), only.getValue(), null)
          : new AmountOutliers.TierChange(only.getKey(), null, only.getValue()));
    }
    return outliers.withTierChanges(changed, new ArrayList<>(changes.values()));
  }

  private static void keep(TreeMap<String, AmountOutliers.TierChange> changes, AmountOutliers.TierChange c) {
    changes.put(c.customerId(), c);
    if (changes.size() > EXAMPLES) changes.pollLastEntry();
  }

  private static String tier(ScoredCustomers s, int i, TierModel model) {
    return model.tiers().get(s.tier[i]).id();
  }

  /** The examples for a note: "A1 (key → regular), B7 (regular → key)". */
  static String examples(AmountOutliers o, int max) {
    List<String> out = new ArrayList<>();
    for (AmountOutliers.TierChange c : o.tierChangeExamples()) {
      if (out.size() == max) break;
      out.add(c.customerId() + " (" + orDash(c.tierWith()) + " → " + orDash(c.tierWithout()) + ")");
    }
    return String.join(", ", out);
  }

  private static String orDash(String tier) {
    return tier == null ? "—" : tier;
  }
}
