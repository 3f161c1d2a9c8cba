package strata.server.customer;

import java.sql.ResultSet;
import java.sql.SQLException;

/** One line of the customer list and export. */
record CustomerRow(String id, String name, String owner, String region, String industry, String tier,
    String modelTier, boolean overridden, String segment, String segment11, String lifecycle, String abc,
    String quadrant, Integer recencyDays, long frequency, double monetary, Float compositeScore, Float clv,
    Float pAlive) {

  static final String COLUMNS = "select r.customer_id, c.name, c.owner, c.region, c.industry, r.tier, "
      + "r.model_tier, r.segment, r.segment11, r.lifecycle, r.abc, r.quadrant, r.recency_days, r.frequency, "
      + "r.monetary_cents, r.composite_score, r.clv, r.p_alive";


  static CustomerRow read(ResultSet rs) throws SQLException {
    String tier = rs.getString(6);
    String modelTier = rs.getString(7);
    return new CustomerRow(rs.getString(1), orEmpty(rs.getString(2)), orEmpty(rs.getString(3)),
        orEmpty(rs.getString(4)), orEmpty(rs.getString(5)), tier, modelTier, !tier.equals(modelTier),
        rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12),
        rs.getObject(13, Integer.class), rs.getLong(14), rs.getLong(15) / 100.0, rs.getObject(16, Float.class),
        rs.getObject(17, Float.class), rs.getObject(18, Float.class));
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
