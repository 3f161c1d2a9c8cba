package strata.run;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import strata.intake.AmountOutliers;
import strata.summary.PurchaseColumns;
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

  /**
   * @param run the run's customers
   * @param other the same data scored the other way
   */
  static AmountOutliers compare(AmountOutliers outliers, ScoredCustomers run, OtherWay other, TierModel model) {
    boolean[] matched = new boolean[other.size()];
    TreeMap<String, AmountOutliers.TierChange> changes = new TreeMap<>();
    long changed = 0;
    for (int i = 0; i < run.size; i++) {
      String id = run.customerId(i);
      String mine = tier(model, run.tier[i]);
      int j = other.indexOf(id);
      String theirs = j < 0 ? null : tier(model, other.tiers[j]);
      if (j >= 0) matched[j] = true;
      if (mine.equals(theirs)) continue;
      changed++;
      keep(changes, outliers.excluded() ? new AmountOutliers.TierChange(id, theirs, mine)
          : new AmountOutliers.TierChange(id, mine, theirs));
    }
    for (int j = 0; j < matched.length; j++) { // scored one way only (all its orders outliers)
      if (matched[j]) continue;
      changed++;
      String id = other.customerId(j);
      String theirs = tier(model, other.tiers[j]);
      keep(changes, outliers.excluded() ? new AmountOutliers.TierChange(id, theirs, null)
          : new AmountOutliers.TierChange(id, null, theirs));
    }
    return outliers.withTierChanges(changed, new ArrayList<>(changes.values()));
  }

  /**
   * The other way's tier of each customer, without its scores: held while the run scores, so it keeps the ids (as the
   * buyers' columns hold them) and one byte per customer, and finds a customer by an index of id hashes (a map of 5M
   * id strings took ~430 MB).
   */
  static final class OtherWay {
    private final PurchaseColumns.Ids buyers;
    private final java.nio.charset.Charset charset;
    private final String[] prospects;
    final byte[] tiers;
    /** Open addressing: id hash << 32 | (index + 1); 0 is empty. */
    private final long[] slots;

    private OtherWay(PurchaseColumns.Ids buyers, java.nio.charset.Charset charset, String[] prospects, byte[] tiers) {
      this.buyers = buyers;
      this.charset = charset;
      this.prospects = prospects;
      this.tiers = tiers;
      int capacity = 2;
      while (capacity * 3L < size() * 4L) capacity <<= 1;
      slots = new long[capacity];
      for (int j = 0; j < size(); j++) {
        int hash = customerId(j).hashCode();
        int s = slot(hash);
        while (slots[s] != 0) s = (s + 1) & (slots.length - 1);
        slots[s] = (long) hash << 32 | (j + 1);
      }
    }

    static OtherWay of(ScoredCustomers scored) {
      return new OtherWay(scored.purchases.ids(), scored.idCharset, scored.prospectIds, scored.tier);
    }

    int size() {
      return buyers.size() + prospects.length;
    }

    String customerId(int j) {
      return j < buyers.size() ? buyers.get(j, charset) : prospects[j - buyers.size()];
    }

    /** The index of the customer with this id, or -1. */
    int indexOf(String id) {
      int hash = id.hashCode();
      for (int s = slot(hash); slots[s] != 0; s = (s + 1) & (slots.length - 1)) {
        if ((int) (slots[s] >>> 32) == hash && customerId((int) slots[s] - 1).equals(id)) return (int) slots[s] - 1;
      }
      return -1;
    }

    private int slot(int hash) {
      return (hash * 0x9E3779B9) >>> (32 - Integer.numberOfTrailingZeros(slots.length));
    }
  }

  private static void keep(TreeMap<String, AmountOutliers.TierChange> changes, AmountOutliers.TierChange c) {
    changes.put(c.customerId(), c);
    if (changes.size() > EXAMPLES) changes.pollLastEntry();
  }

  private static String tier(TierModel model, byte tier) {
    return model.tiers().get(tier).id();
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
