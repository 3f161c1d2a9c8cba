package strata.server.product;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import strata.server.data.OwnTransaction;
import strata.server.run.RunProducts;
import strata.i18n.Note;
import strata.identity.IdMerges;
import strata.product.CustomerProducts;
import strata.product.ItemTally;
import strata.product.ProductPreferences;
import strata.product.Recommendation;
import strata.run.ScoredCustomers;
import strata.run.StoredMerges;
import strata.summary.PurchaseColumns;
import strata.tier.TierModel;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Product preference in the server's runs: computed with core's code from the stored purchases when they name a
 * category or a product (so {@code top_category} and {@code next_product} are rule variables as in the CLI), stored per
 * customer beside the snapshot in {@code snapshot_product}, and read back for one customer. It costs each run one more
 * read of the categorised purchases; {@code strata.runs.products=false} turns it off.
 */
@Service
public class ProductSnapshot implements RunProducts {
  /** Categories and products kept per customer, largest spend first. */
  static final int LISTED = 5;
  private static final int BATCH = 1000;

  /** One item: net spend, its share of the customer's spend (null when that is not positive), last purchase. */
  public record Item(String name, long cents, Double share, LocalDate last) {}

  /** The next-best item and its evidence: buyers of {@code because} bought it {@code lift} times as often. */
  public record Next(String item, String because, double lift, long customers) {}

  private final DataSource dataSource;
  private final JdbcClient db;
  private final JsonMapper json;
  private final boolean enabled;

  ProductSnapshot(DataSource dataSource, JdbcClient db, JsonMapper json,
      @Value("${strata.runs.products:true}") boolean enabled) {
    this.dataSource = dataSource;
    this.db = db;
    this.json = json;
    this.enabled = enabled;
  }

  /**
   * The product preference of the buyers of {@code p} as of a day, or null (with a run note) when no stored purchase
   * names a category or product, or when switched off. The purchases are stored under the ids they were imported
   * with: the run's merges re-key them to their survivors, as they did the summaries {@code p} holds.
   */
  @Override
  public ProductPreferences compute(LocalDate asOf, PurchaseColumns p, List<IdMerges> merges, TierModel model,
      List<Note> notes) throws SQLException {
    if (!enabled || p.size == 0) return null;
    Map<String, CustomerProducts> bought = PurchaseProducts.read(dataSource, asOf);
    for (IdMerges m : merges) bought = StoredMerges.products(bought, m);
    return strata.run.Predictions.products(bought, p, java.nio.charset.StandardCharsets.UTF_8, model, notes);
  }

  /**
   * Writes a scored run's product rows in one transaction, before the run publishes (nobody reads a run's rows until
   * then); nothing without product preference.
   */
  @Override
  public void write(long runId, ScoredCustomers s) throws SQLException {
    ProductPreferences products = s.products;
    if (products == null) return;
    OwnTransaction.run(dataSource, c -> {
      try (PreparedStatement ps = c.prepareStatement("insert into snapshot_product (run_id, customer_id, "
          + "top_category, top_share, categories, products, next_product, next_because, next_lift, next_customers) "
          + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        int pending = 0;
        for (int i = 0; i < s.purchasers; i++) {
          if (products.byCustomer()[i] == null) continue;
          bind(ps, runId, s.customerId(i), products, i);
          ps.addBatch();
          if (++pending % BATCH == 0) ps.executeBatch();
        }
        ps.executeBatch();
      }
    });
  }

  private void bind(PreparedStatement ps, long runId, String id, ProductPreferences products, int i)
      throws SQLException {
    ItemTally.Item top = products.topCategory(i);
    Recommendation next = products.next()[i];
    ps.setLong(1, runId);
    ps.setString(2, id);
    ps.setString(3, top == null ? null : top.name());
    if (top == null) ps.setNull(4, Types.REAL);
    else ps.setFloat(4, (float) products.topCategoryShare(i));
    ps.setString(5, json.writeValueAsString(items(products.byCustomer()[i].categories())));
    ps.setString(6, json.writeValueAsString(items(products.byCustomer()[i].products())));
    ps.setString(7, next == null ? null : next.item());
    ps.setString(8, next == null ? null : next.because());
    if (next == null) ps.setNull(9, Types.REAL);
    else ps.setFloat(9, (float) next.lift());
    if (next == null) ps.setNull(10, Types.BIGINT);
    else ps.setLong(10, next.customers());
  }

  /** The first {@link #LISTED} items with a positive spend (those returned in full were not bought). */
  private static List<Item> items(ItemTally tally) {
    List<Item> out = new ArrayList<>();
    for (ItemTally.Item item : tally.bySpend()) {
      if (item.cents() <= 0 || out.size() == LISTED) break;
      double share = tally.share(item);
      out.add(new Item(item.name(), item.cents(), Double.isNaN(share) ? null : share,
          LocalDate.ofEpochDay(item.lastDay())));
    }
    return out;
  }

  /** Removes the rows of runs that failed or expired, as their snapshot rows are removed. */
  @Override
  public void prune() {
    db.sql("delete from snapshot_product where run_id in (select id from tier_run where status in ('failed', "
        + "'expired'))").update();
  }

  /** A customer's stored preference in a snapshot. */
  public record Preference(String topCategory, Double topShare, List<Item> categories, List<Item> products,
      Next next) {
    static final Preference NONE = new Preference(null, null, List.of(), List.of(), null);
  }

  /** The customer's row in the snapshot, or {@link Preference#NONE} when their purchases named nothing. */
  Preference read(long runId, String customerId) {
    TypeReference<List<Item>> list = new TypeReference<>() {};
    return db.sql("select top_category, top_share, categories, products, next_product, next_because, next_lift, "
            + "next_customers from snapshot_product where run_id = ? and customer_id = ?").params(runId, customerId)
        .query((rs, n) -> new Preference(rs.getString(1), real(rs.getObject(2, Float.class)),
            json.readValue(rs.getString(3), list), json.readValue(rs.getString(4), list),
            rs.getString(5) == null ? null : new Next(rs.getString(5), rs.getString(6), rs.getFloat(7),
                rs.getLong(8))))
        .optional().orElse(Preference.NONE);
  }

  private static Double real(Float f) {
    return f == null ? null : f.doubleValue();
  }
}
