package strata.server.customer;

import java.sql.ResultSet;
import java.time.LocalDate;
import java.sql.SQLException;

/**
 * One line of the customer list and export.
 *
 * @param nextTask the customer's open task due first (what a rep does next), in the list only; null in exports and
 *     when there is none
 */
record CustomerRow(String id, String name, String owner, String region, String industry, String tier,
    String modelTier, boolean overridden, String segment, String segment11, String lifecycle, String abc,
    String quadrant, Integer recencyDays, long frequency, double monetary, Float compositeScore, Float clv,
    Float pAlive, String topCategory, String nextProduct, NextTask nextTask) {

  /** @param channel null for tasks that touch no customer (pool warnings) */
  record NextTask(LocalDate dueDate, String type, String channel) {}

  /** The export's columns: every field but the next task. */
  static final String EXPORT_COLUMNS = "select r.customer_id, c.name, c.owner, c.region, c.industry, r.tier, "
      + "r.model_tier, r.segment, r.segment11, r.lifecycle, r.abc, r.quadrant, r.recency_days, r.frequency, "
      + "r.monetary_cents, r.composite_score, r.clv, r.p_alive, " + product("top_category") + ", "
      + product("next_product");

  /**
   * The list's columns: the export's and the next task, one probe of service_task_customer per row shown (the list
   * shows at most 200; an export of every customer does without).
   */
  static final String COLUMNS = EXPORT_COLUMNS + ", (select cast(t.due_date as varchar(10)) || '|' || t.type || '|' "
      + "|| coalesce(t.channel, '') from service_task t where t.customer_id = r.customer_id and t.status = 'open' "
      + "order by t.due_date, t.id fetch first 1 rows only)";

  /** A product preference variable of the row's customer in its snapshot (strata.server.product), or null. */
  private static String product(String column) {
    return "(select p." + column + " from snapshot_product p where p.run_id = r.run_id and p.customer_id = "
        + "r.customer_id)";
  }

  /** A row of the list ({@link #COLUMNS}). */
  static CustomerRow read(ResultSet rs) throws SQLException {
    return read(rs, nextTask(rs.getString(21)));
  }

  /** A row of the export ({@link #EXPORT_COLUMNS}), without the next task. */
  static CustomerRow readExported(ResultSet rs) throws SQLException {
    return read(rs, null);
  }

  private static CustomerRow read(ResultSet rs, NextTask nextTask) throws SQLException {
    String tier = rs.getString(6);
    String modelTier = rs.getString(7);
    return new CustomerRow(rs.getString(1), orEmpty(rs.getString(2)), orEmpty(rs.getString(3)),
        orEmpty(rs.getString(4)), orEmpty(rs.getString(5)), tier, modelTier, !tier.equals(modelTier),
        rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12),
        rs.getObject(13, Integer.class), rs.getLong(14), rs.getLong(15) / 100.0, rs.getObject(16, Float.class),
        rs.getObject(17, Float.class), rs.getObject(18, Float.class), rs.getString(19), rs.getString(20),
        nextTask);
  }

  private static NextTask nextTask(String joined) {
    if (joined == null) return null;
    String[] parts = joined.split("\\|", -1);
    return new NextTask(LocalDate.parse(parts[0]), parts[1], parts[2].isEmpty() ? null : parts[2]);
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
