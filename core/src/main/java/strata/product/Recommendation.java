package strata.product;

/**
 * A next-best item and why: customers who bought {@code because} also bought {@code item}.
 *
 * @param lift how much more often buyers of {@code because} bought {@code item} than customers at large:
 *     P(both) / (P(because) × P(item)), over customers
 * @param customers customers who bought both
 */
public record Recommendation(String item, String because, double lift, long customers) {}
