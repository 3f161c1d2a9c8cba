package strata.product;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * Product preference of a run's customers by index: their categories and products by spend and the next-best item
 * from {@link CoPurchase}. The recommender works on products when the file names them, else on categories.
 *
 * @param byCustomer what each customer bought, null for customers without categorised purchases
 * @param next the recommended item per customer, null where there is none
 * @param onProducts whether {@link #next} items are products (else categories)
 * @param model the co-purchase matrix the recommendations came from
 */
public record ProductPreferences(CustomerProducts[] byCustomer, Recommendation[] next, boolean onProducts,
    CoPurchase model) {
  /** Default for {@code scoring.products.min_support}: a pair bought by fewer customers is too thin to suggest. */
  public static final int DEFAULT_MIN_SUPPORT = 10;

  /**
   * @param customers number of customers in the run
   * @param customerId the id of customer i
   */
  public static ProductPreferences of(Map<String, CustomerProducts> bought, int customers,
      IntFunction<String> customerId, int minSupport) {
    CustomerProducts[] byCustomer = new CustomerProducts[customers];
    boolean onProducts = false;
    for (int i = 0; i < customers; i++) {
      byCustomer[i] = bought.get(customerId.apply(i));
      if (byCustomer[i] != null && !byCustomer[i].products().isEmpty()) onProducts = true;
    }
    List<Set<String>> baskets = new ArrayList<>();
    for (CustomerProducts c : byCustomer) if (c != null) baskets.add(items(c, onProducts));
    CoPurchase model = CoPurchase.of(baskets, minSupport);
    Recommendation[] next = new Recommendation[customers];
    for (int i = 0; i < customers; i++) {
      if (byCustomer[i] == null) continue;
      List<Recommendation> best = model.recommend(items(byCustomer[i], onProducts), 1);
      next[i] = best.isEmpty() ? null : best.get(0);
    }
    return new ProductPreferences(byCustomer, next, onProducts, model);
  }

  static Set<String> items(CustomerProducts c, boolean onProducts) {
    return (onProducts ? c.products() : c.categories()).bought();
  }

  /** The customer's category with the largest spend, or null. */
  public ItemTally.Item topCategory(int i) {
    CustomerProducts c = byCustomer[i];
    if (c == null || c.categories().isEmpty()) return null;
    ItemTally.Item top = c.categories().bySpend().get(0);
    return top.cents() > 0 ? top : null;
  }

  /** Share of the customer's spend in {@link #topCategory}, or NaN. */
  public double topCategoryShare(int i) {
    ItemTally.Item top = topCategory(i);
    return top == null ? Double.NaN : byCustomer[i].categories().share(top);
  }
}
