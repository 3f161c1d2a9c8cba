package strata.product;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Item-to-item co-purchase over customers, the "customers who bought A also bought B" recommender: each customer's
 * basket is the set of items they ever bought; for each pair of items, the customers who bought both. Built in one
 * pass over the baskets into a matrix of the {@value #MAX_ITEMS} items bought by most customers (at most 1 MB).
 *
 * <p>Association by lift, n·both / (buyers(A)·buyers(B)) (Agrawal, Imieliński &amp; Swami 1993 for support; lift as
 * in Brin et al. 1997), kept only with at least {@code minSupport} customers buying both and lift above 1. A customer's
 * candidates are the items they have not bought; each scores the best lift from an item they have, and the best
 * candidate is recommended with that item as its reason. Plain on purpose: a salesperson can check it.
 */
public final class CoPurchase {
  public static final int MAX_ITEMS = 500;
  /** Neighbours kept per item, strongest first: enough for a top 5 from a few bought items. */
  static final int NEIGHBOURS = 20;

  private final Map<String, Integer> index;
  private final String[] names;
  private final Recommendation[][] neighbours;

  private CoPurchase(Map<String, Integer> index, String[] names, Recommendation[][] neighbours) {
    this.index = index;
    this.names = names;
    this.neighbours = neighbours;
  }

  /**
   * @param baskets each customer's bought items (customers without any are skipped)
   * @param minSupport fewest customers who bought both items for a pair to count
   */
  public static CoPurchase of(Collection<? extends Set<String>> baskets, int minSupport) {
    if (minSupport < 1) throw new IllegalArgumentException("minSupport must be at least 1, got " + minSupport);
    Map<String, Long> count = new HashMap<>();
    long n = 0;
    for (Set<String> basket : baskets) {
      if (basket.isEmpty()) continue;
      n++;
      for (String item : basket) count.merge(item, 1L, Long::sum);
    }
    List<String> kept = count.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(MAX_ITEMS).map(Map.Entry::getKey).toList();
    int m = kept.size();
    Map<String, Integer> index = new HashMap<>();
    for (int k = 0; k < m; k++) index.put(kept.get(k), k);
    long[] buyers = new long[m];
    for (int k = 0; k < m; k++) buyers[k] = count.get(kept.get(k));
    int[] both = new int[m * m];
    int[] in = new int[ItemTally.CAP * 2];
    for (Set<String> basket : baskets) {
      int size = 0;
      for (String item : basket) {
        Integer k = index.get(item);
        if (k == null) continue;
        if (size == in.length) in = java.util.Arrays.copyOf(in, size * 2);
        in[size++] = k;
      }
      for (int x = 0; x < size; x++) {
        for (int y = 0; y < size; y++) if (x != y) both[in[x] * m + in[y]]++;
      }
    }
    String[] names = kept.toArray(String[]::new);
    Recommendation[][] neighbours = new Recommendation[m][];
    for (int a = 0; a < m; a++) {
      List<Recommendation> list = new ArrayList<>();
      for (int b = 0; b < m; b++) {
        int ab = both[a * m + b];
        if (b == a || ab < minSupport) continue;
        double lift = ab * (double) n / ((double) buyers[a] * buyers[b]);
        if (lift > 1) list.add(new Recommendation(names[b], names[a], lift, ab));
      }
      list.sort(STRONGEST);
      neighbours[a] = list.subList(0, Math.min(NEIGHBOURS, list.size())).toArray(Recommendation[]::new);
    }
    return new CoPurchase(index, names, neighbours);
  }

  /** Higher lift first, then more customers, then item and reason by name (a stable order for equal evidence). */
  static final Comparator<Recommendation> STRONGEST = Comparator.comparingDouble((Recommendation r) -> -r.lift())
      .thenComparingLong(r -> -r.customers()).thenComparing(Recommendation::item)
      .thenComparing(Recommendation::because);

  /**
   * Up to {@code k} items the customer has not bought, best first, each with its strongest reason.
   *
   * @param bought the customer's items
   */
  public List<Recommendation> recommend(Set<String> bought, int k) {
    Map<String, Recommendation> best = new HashMap<>();
    for (String item : bought) {
      Integer a = index.get(item);
      if (a == null) continue;
      for (Recommendation r : neighbours[a]) {
        if (bought.contains(r.item())) continue;
        best.merge(r.item(), r, (x, y) -> STRONGEST.compare(x, y) <= 0 ? x : y);
      }
    }
    return best.values().stream().sorted(STRONGEST).limit(k).toList();
  }

  /** Up to {@code k} of the items bought by most customers that the customer has not bought: the baseline. */
  public List<String> popular(Set<String> bought, int k) {
    List<String> out = new ArrayList<>(k);
    for (int i = 0; i < names.length && out.size() < k; i++) if (!bought.contains(names[i])) out.add(names[i]);
    return out;
  }
}
