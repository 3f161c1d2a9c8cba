package strata.server.product;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;
import strata.i18n.Note;
import strata.identity.IdMerges;
import strata.product.ProductPreferences;
import strata.run.ScoredCustomers;
import strata.server.run.RunProducts;
import strata.summary.PurchaseColumns;
import strata.tier.TierModel;

/**
 * Test-only: with {@code strata.test.stall-products=N}, the N-th run this server process writes product rows for
 * stops for good right after those rows committed and before the run publishes, so a test can kill the server where
 * a run's product rows are stored and its snapshot is not. Counted per process (run ids skip after a kill). Present
 * only on the test class path.
 */
@Component
@Primary
@ConditionalOnProperty(name = "strata.test.stall-products")
class StallAfterProducts implements RunProducts {
  private final ProductSnapshot products;
  private final int stallAt;
  private int written;

  StallAfterProducts(ProductSnapshot products, org.springframework.core.env.Environment env) {
    this.products = products;
    this.stallAt = Integer.parseInt(env.getProperty("strata.test.stall-products"));
  }

  @Override
  public ProductPreferences compute(LocalDate asOf, PurchaseColumns p, List<IdMerges> merges, TierModel model,
      List<Note> notes) throws SQLException {
    return products.compute(asOf, p, merges, model, notes);
  }

  @Override
  public void write(long runId, ScoredCustomers s) throws SQLException {
    products.write(runId, s);
    if (++written != stallAt) return;
    System.out.println("STALLED run " + runId + " after its product rows");
    System.out.flush();
    try {
      Thread.sleep(Long.MAX_VALUE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void prune() {
    products.prune();
  }
}
