package strata.product;

/**
 * What one customer bought by category and by product, from the transactions' optional {@code category} and
 * {@code product} columns. Mergeable and bounded (see {@link ItemTally}).
 */
public final class CustomerProducts implements java.io.Serializable {
  private final ItemTally categories = new ItemTally();
  private final ItemTally products = new ItemTally();

  /** Adds one row; an empty name is not an item. */
  public void add(String category, String product, long cents, int day) {
    if (!category.isEmpty()) categories.add(category, cents, day);
    if (!product.isEmpty()) products.add(product, cents, day);
  }

  public CustomerProducts merge(CustomerProducts other) {
    categories.merge(other.categories);
    products.merge(other.products);
    return this;
  }

  public ItemTally categories() {
    return categories;
  }

  public ItemTally products() {
    return products;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CustomerProducts c && categories.equals(c.categories) && products.equals(c.products);
  }

  @Override
  public int hashCode() {
    return categories.hashCode() * 31 + products.hashCode();
  }
}
