package strata.server.product;

import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import strata.server.customer.CustomerQueries;
import strata.server.run.Run;
import strata.server.security.Viewer;

/**
 * A customer's product preference in a snapshot (README "Product preference"): top categories and products by share
 * of spend with their last purchase, and the next-best product with its evidence. Answers "not found" for a customer
 * the viewer may not see, as the customer's own page does.
 */
@RestController
@RequestMapping("/api/v1")
class ProductController {
  /**
   * @param topCategory the rule variable {@code top_category}; null when the customer's purchases name no category
   * @param next the rule variable {@code next_product} with its evidence; null when co-purchases suggest nothing
   */
  record Products(long snapshot, LocalDate asOf, String topCategory, Double topShare,
      List<ProductSnapshot.Item> categories, List<ProductSnapshot.Item> products, Next next) {}

  /**
   * Buyers of {@code because} bought {@code item} {@code lift} times as often as customers at large.
   *
   * @param customers customers who bought both, across the whole customer base: shown only to a viewer who sees all
   *     customers (a sales user's figures stay within their own)
   */
  record Next(String item, String because, double lift, Long customers) {}

  private final CustomerQueries queries;
  private final ProductSnapshot products;

  ProductController(CustomerQueries queries, ProductSnapshot products) {
    this.queries = queries;
    this.products = products;
  }

  @GetMapping("/customers/{id}/products")
  Products products(@PathVariable String id, @RequestParam(required = false) Long snapshot) {
    Viewer v = Viewer.current();
    queries.checkVisible(id, v);
    Run run = queries.snapshot(snapshot);
    ProductSnapshot.Preference p = products.read(run.id(), id);
    Next next = p.next() == null ? null : new Next(p.next().item(), p.next().because(), p.next().lift(),
        v.seesAll() ? p.next().customers() : null);
    return new Products(run.id(), run.asOf(), p.topCategory(), p.topShare(), p.categories(), p.products(), next);
  }
}
