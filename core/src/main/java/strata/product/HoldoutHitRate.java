package strata.product;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A time-honest check of the recommender: learn co-purchases from purchases up to a split day, then ask, for each
 * customer who bought something new after it, whether one of the top {@code k} recommended items is among those new
 * items (hit rate at k), against the popularity baseline (the k items bought by most customers that the customer
 * has not bought). When co-purchase has fewer than k suggestions the list is filled with popular items, as a
 * recommender in use would be.
 */
public final class HoldoutHitRate {
  private HoldoutHitRate() {}

  /** One purchase of one item (a product or a category). */
  public record Purchase(String customerId, int day, String item) {}

  /**
   * @param customers customers evaluated: bought before and after the split, something new after it
   * @param coPurchase share of them with a hit in the co-purchase top k
   * @param popularity share with a hit in the popularity top k
   */
  public record Result(long customers, double coPurchase, double popularity) {}

  public static Result evaluate(List<Purchase> purchases, int splitDay, int k, int minSupport) {
    Map<String, Set<String>> before = new HashMap<>();
    Map<String, Set<String>> after = new HashMap<>();
    for (Purchase p : purchases) {
      (p.day() <= splitDay ? before : after).computeIfAbsent(p.customerId(), c -> new TreeSet<>()).add(p.item());
    }
    CoPurchase model = CoPurchase.of(before.values(), minSupport);
    long customers = 0;
    long coHits = 0;
    long popularHits = 0;
    for (Map.Entry<String, Set<String>> e : before.entrySet()) {
      Set<String> bought = e.getValue();
      Set<String> fresh = new TreeSet<>(after.getOrDefault(e.getKey(), Set.of()));
      fresh.removeAll(bought);
      if (fresh.isEmpty()) continue;
      customers++;
      Set<String> suggested = new LinkedHashSet<>();
      for (Recommendation r : model.recommend(bought, k)) suggested.add(r.item());
      for (String item : model.popular(bought, k)) if (suggested.size() < k) suggested.add(item);
      if (hit(suggested, fresh)) coHits++;
      if (hit(new ArrayList<>(model.popular(bought, k)), fresh)) popularHits++;
    }
    return customers == 0 ? new Result(0, Double.NaN, Double.NaN)
        : new Result(customers, coHits / (double) customers, popularHits / (double) customers);
  }

  private static boolean hit(java.util.Collection<String> suggested, Set<String> fresh) {
    for (String s : suggested) if (fresh.contains(s)) return true;
    return false;
  }
}
