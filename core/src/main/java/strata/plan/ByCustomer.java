package strata.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Items sorted by customer id (stable: a customer's items keep their order), read customer by customer alongside the
 * customers in id order. One array of references, where a map of lists held a node, a list and an array per customer:
 * at a million customers those maps were an estimated ~130 MB that lived through the whole plan and had to be copied
 * out of the young generation (bench/README "Planning 1M customers").
 */
final class ByCustomer<T> {
  private final List<T> sorted;
  private final Function<T, String> id;
  private final List<T> skipped = new ArrayList<>();
  private int next;

  ByCustomer(List<T> items, Function<T, String> id) {
    this.sorted = new ArrayList<>(items);
    this.sorted.sort(Comparator.comparing(id));
    this.id = id;
  }

  /**
   * @param customerId not smaller than the id of the previous call
   * @return the items of that customer; items of smaller ids not asked for are kept as {@link #skipped()}
   */
  List<T> of(String customerId) {
    while (next < sorted.size() && id.apply(sorted.get(next)).compareTo(customerId) < 0) {
      skipped.add(sorted.get(next++));
    }
    int from = next;
    while (next < sorted.size() && id.apply(sorted.get(next)).equals(customerId)) next++;
    return sorted.subList(from, next);
  }

  /** The items of customers never asked for, in customer id order; call after the last {@link #of}. */
  List<T> skipped() {
    while (next < sorted.size()) skipped.add(sorted.get(next++));
    return skipped;
  }
}
