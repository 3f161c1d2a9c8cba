package strata.server.customer;

import java.sql.ResultSet;
import java.sql.SQLException;

/** One line of the customer list and export. */
record CustomerRow(String id, String name, String owner, String region, String industry, String tier,
    String modelTier, boolean overridden, String segment, String segment11, String lifecycle, String abc,
    String quadrant, Integer recencyDays, long frequency, double monetary, Float compositeScore, Float clv,
    Float pAlive, String topCategory, String nextProduct) {

  static final String COLUMNS = "select r.customer_id, c.name, c.owner, c.region, c.industry, r.tier, "
      + "r.model_tier, r.segment, r.segment11, r.lifecycle, r.abc, r.quadrant, r.recency_days, r.frequency, "
      + "r.monetary_cents, r.composite_score, r.clv, r.p_alive, " + product("top_category") + ", "
      + product("next_product");

  /** A product preference variable of the row's customer in its snapshot (strata.server.product), or null. */
  private static String product(String column) {
    return "(select p." + column + " from snapshot_product p where p.run_id = r.run_id and p.customer_id = "
        + "r.customer_id)";
  }


  static CustomerRow read(ResultSet rs) throws SQLException {
    String tier = rs.getString(6);
    String modelTier = rs.getString(7);
    return new CustomerRow(rs.getString(1), orEmpty(rs.getString(2)), orEmpty(rs.getString(3)),
        orEmpty(rs.getString(4)), orEmpty(rs.getString(5)), tier, modelTier, !tier.equals(modelTier),
        rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12),
        rs.getObject(13, Integer.class), rs.getLong(14), rs.getLong(15) / 100.0, rs.getObject(16, Float.class),
        rs.getObject(17, Float.class), rs.getObject(18, Float.class), rs.getString(19), rs.getString(20));
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
