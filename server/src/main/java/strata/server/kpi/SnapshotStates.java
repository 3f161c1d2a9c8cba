package strata.server.kpi;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import org.postgresql.PGStatement;
import strata.kpi.CustomerState;
import strata.kpi.ServiceState;

/**
 * The customers of a stored snapshot in one range of customer ids as core's {@link CustomerState}s, read from its
 * narrow KPI inputs (snapshot_kpi_input, V21) in customer id order so two snapshots can be walked side by side
 * without holding either in memory. Tiers are the model's (overrides are a few hand-set exceptions, and a KPI by tier
 * measures the rules).
 */
final class SnapshotStates implements AutoCloseable {
  private final PreparedStatement statement;
  private final ResultSet rows;
  private final Map<String, int[]> answers;
  private final Map<String, ServiceState> service;

  /**
   * @param from first customer id of the range, null from the first; {@code to} the first id after it, null to the end
   * @param answers latest survey answers of the period ({@link SurveyAnswers}), empty for the previous snapshot
   * @param service contacts and tasks ({@link ServiceStates}), empty for the previous snapshot
   */
  SnapshotStates(Connection c, long runId, String from, String to, Map<String, int[]> answers,
      Map<String, ServiceState> service) throws SQLException {
    this.answers = answers;
    this.service = service;
    statement = c.prepareStatement("select customer_id, tier, orders, purchase_days, net_cents, last_purchase_day, "
        + "clv, p_alive, complaints, owner, region, industry from snapshot_kpi_input where run_id = ? "
        + (from == null ? "" : "and customer_id >= ? ") + (to == null ? "" : "and customer_id < ? ")
        + "order by customer_id");
    // Larger fetches were slower: the database and the server take turns within a fetch (20,000 rows: 8.9-10.5 s
    // against 4.3-5.8 s at 1M customers, bench/README.md "KPIs at 1M customers").
    statement.setFetchSize(1000);
    // Numbers in binary from the first execution, not as text to parse (the driver's default for a statement run once).
    if (statement.isWrapperFor(PGStatement.class)) statement.unwrap(PGStatement.class).setPrepareThreshold(-1);
    int p = 1;
    statement.setLong(p++, runId);
    if (from != null) statement.setString(p++, from);
    if (to != null) statement.setString(p, to);
    rows = statement.executeQuery();
  }

  /** The next customer, or null after the last. */
  CustomerState next() throws SQLException {
    if (!rows.next()) return null;
    String id = rows.getString(1);
    Integer lastDay = rows.getObject(6, Integer.class);
    int[] a = answers.getOrDefault(id, SurveyAnswers.NONE);
    return new CustomerState(id, rows.getString(2), rows.getLong(3), rows.getInt(4), rows.getLong(5),
        lastDay == null ? -1 : lastDay, real(rows, 7), real(rows, 8), rows.getLong(9), a[0], a[1], a[2], a[3],
        rows.getString(10), rows.getString(11), rows.getString(12), service.getOrDefault(id, ServiceState.NONE));
  }

  private static double real(ResultSet rs, int column) throws SQLException {
    Float f = rs.getObject(column, Float.class);
    return f == null ? Double.NaN : f;
  }

  @Override
  public void close() throws SQLException {
    try (statement) {
      rows.close();
    }
  }
}
