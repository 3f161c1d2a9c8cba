package strata.server.product;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import strata.product.CustomerProducts;
import strata.server.data.Visible;

/**
 * What each customer bought by category and product, read from the stored purchases up to a run's as-of day: the
 * server's counterpart of core's file pass ({@link strata.product.ProductPass}). Only rows naming a category or a
 * product are read; about a few hundred bytes are kept per buying customer.
 */
final class PurchaseProducts {
  private PurchaseProducts() {}

  /** By customer id; empty when no visible purchase up to {@code asOf} names a category or a product. */
  static Map<String, CustomerProducts> read(DataSource dataSource, LocalDate asOf) throws SQLException {
    Map<String, CustomerProducts> out = new HashMap<>();
    try (Connection c = dataSource.getConnection()) {
      // PostgreSQL streams a result only inside a transaction with a fetch size; otherwise it holds every row.
      c.setAutoCommit(false);
      try (PreparedStatement s = c.prepareStatement("select customer_id, category, product, amount_cents, "
          + "purchase_day from purchase where purchase_day <= ? and (category <> '' or product <> '') and "
          + Visible.rows("purchase"))) {
        s.setFetchSize(1000);
        s.setObject(1, asOf);
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            int day = (int) rs.getObject(5, LocalDate.class).toEpochDay();
            out.computeIfAbsent(rs.getString(1), k -> new CustomerProducts())
                .add(rs.getString(2), rs.getString(3), rs.getLong(4), day);
          }
        }
      } finally {
        c.rollback();
        c.setAutoCommit(true);
      }
    }
    return out;
  }
}
