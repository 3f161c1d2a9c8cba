package strata.run;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import strata.intake.AmountOutliers;
import strata.summary.PurchaseColumns;
import strata.summary.SummaryTable;
import strata.tier.TierModel;

/**
 * Which customers' tiers the outlier amounts changed: the run's tiers against the tiers of the same data scored the
 * other way (without the outliers when the run kept them, with them when it left them out). Everyone can move, not
 * only the customers with an outlier row: one ¥99,999,999 order shifts the monetary percentiles and ABC shares of the
 * whole file.
 */
public final class OutlierTiers {
  static final int EXAMPLES = 20;

  private OutlierTiers() {}

  /**
   * @param run the run's customers
   * @param other the same data scored the other way
   */
  static AmountOutliers compare(AmountOutliers outliers, ScoredCustomers run, OtherWay other, TierModel model) {
    Changes changes = new Changes(outliers.excluded());
    for (int i = 0; i < run.size; i++) {
      int j = i < run.purchasers ? other.ofRunBuyer[i] : -1;
      String id = null; // decoded only where needed: most of millions of customers keep their tier
      if (j < 0) {
        id = run.customerId(i);
        j = other.rest.getOrDefault(id, -1);
        if (j >= 0) other.rest.remove(id);
      }
      String mine = tier(model, run.tier[i]);
      String theirs = j < 0 ? null : tier(model, other.tiers[j]);
      if (mine.equals(theirs)) continue;
      changes.add(id == null ? run.customerId(i) : id, mine, theirs);
    }
    for (var only : other.rest.entrySet()) { // scored one way only (all its orders outliers)
      changes.add(only.getKey(), null, tier(model, other.tiers[only.getValue()]));
    }
    return changes.applyTo(outliers);
  }

  /**
   * The customers whose tier differs between the two ways: how many, and the first {@link #EXAMPLES} by id. Mergeable,
   * for an engine that compares the ways part by part (Spark).
   */
  public static final class Changes implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private final boolean excluded;
    private long changed;
    private final TreeMap<String, AmountOutliers.TierChange> first = new TreeMap<>();

    /** @param excluded whether the run left the outliers out (its tiers are then the ones without them) */
    public Changes(boolean excluded) {
      this.excluded = excluded;
    }

    /**
     * @param mine the customer's tier in the run, null when the run has no such customer
     * @param theirs its tier the other way, null when that way has no such customer
     */
    public Changes add(String id, String mine, String theirs) {
      if (java.util.Objects.equals(mine, theirs)) return this;
      changed++;
      keep(excluded ? new AmountOutliers.TierChange(id, theirs, mine)
          : new AmountOutliers.TierChange(id, mine, theirs));
      return this;
    }

    public Changes merge(Changes other) {
      changed += other.changed;
      other.first.values().forEach(this::keep);
      return this;
    }

    public AmountOutliers applyTo(AmountOutliers outliers) {
      return outliers.withTierChanges(changed, new ArrayList<>(first.values()));
    }

    private void keep(AmountOutliers.TierChange c) {
      first.put(c.customerId(), c);
      if (first.size() > EXAMPLES) first.pollLastEntry();
    }
  }

  /**
   * The other way's tier of each customer, found from the run's customers without their scores: held while the run
   * scores, so one byte and one index per customer (a map of 5M id strings took ~430 MB). Used once: the comparison
   * takes the customers it finds out of {@link #rest}.
   */
  static final class OtherWay {
    final byte[] tiers;
    /** The other way's index of each of the run's buyers, -1 where it is not one of the other way's buyers. */
    final int[] ofRunBuyer;
    /** The other way's customers no run buyer is: its prospects, and buyers with outlier rows only. */
    final Map<String, Integer> rest = new HashMap<>();

    /**
     * @param other the other way's customers, tiers assigned
     * @param runBuyers the run's buyers, whose ids are in the same encoding as the other way's buyers
     */
    OtherWay(ScoredCustomers other, PurchaseColumns.Ids runBuyers) {
      tiers = other.tier;
      PurchaseColumns.Ids buyers = other.purchases.ids();
      int capacity = 2;
      while (capacity * 3L < buyers.size() * 4L) capacity <<= 1;
      int[] slots = new int[capacity]; // open addressing by id hash: index + 1, 0 empty
      for (int j = 0; j < buyers.size(); j++) {
        int s = slot(buyers, j, capacity);
        while (slots[s] != 0) s = (s + 1) & (capacity - 1);
        slots[s] = j + 1;
      }
      boolean[] reached = new boolean[buyers.size()];
      ofRunBuyer = new int[runBuyers.size()];
      for (int i = 0; i < runBuyers.size(); i++) {
        ofRunBuyer[i] = -1;
        for (int s = slot(runBuyers, i, capacity); slots[s] != 0; s = (s + 1) & (capacity - 1)) {
          if (sameId(buyers, slots[s] - 1, runBuyers, i)) {
            ofRunBuyer[i] = slots[s] - 1;
            reached[slots[s] - 1] = true;
            break;
          }
        }
      }
      for (int j = 0; j < buyers.size(); j++) if (!reached[j]) rest.put(other.customerId(j), j);
      for (int j = buyers.size(); j < other.size; j++) rest.put(other.customerId(j), j);
    }

    private static int slot(PurchaseColumns.Ids ids, int i, int capacity) {
      int from = ids.start()[i];
      return SummaryTable.hash(ids.bytes(), from, ids.start()[i + 1] - from) & (capacity - 1);
    }

    private static boolean sameId(PurchaseColumns.Ids a, int i, PurchaseColumns.Ids b, int j) {
      return java.util.Arrays.equals(a.bytes(), a.start()[i], a.start()[i + 1], b.bytes(), b.start()[j],
          b.start()[j + 1]);
    }
  }

  private static String tier(TierModel model, byte tier) {
    return model.tiers().get(tier).id();
  }

  /** The run's note on the tiers the outliers change, null when they change none. */
  public static strata.i18n.Note note(AmountOutliers o) {
    return o.tierChanges() > 0 ? strata.i18n.Note.of("outlier_tier_changes", o.tierChanges(), examples(o, 3)) : null;
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
