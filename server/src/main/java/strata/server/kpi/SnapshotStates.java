package strata.server.kpi;

import strata.server.data.Visible;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import strata.kpi.CustomerState;

/**
 * The customers of a stored snapshot as core's {@link CustomerState}s, read from its narrow KPI inputs
 * (snapshot_kpi_input, V21) in customer id order so two snapshots can be walked side by side without holding either
 * in memory. Tiers are the model's (overrides are a few
 * hand-set exceptions, and a KPI by tier measures the rules). Latest survey answers come from the survey table: the
 * snapshot keeps the answer but not its day, which decides whether it falls in the period.
 */
final class SnapshotStates implements AutoCloseable {
  private final PreparedStatement statement;
  private final ResultSet rows;
  private final Map<String, int[]> answers;

  /**
   * @param answersAfter only survey answers given after this day (and up to the as-of day) are read, null for all: a
   *     period's KPIs count the latest answer only when it falls in the period, so older ones are never needed, and
   *     reading them all cost a pass over the survey table per snapshot (bench/README.md "KPIs at 1M customers")
   */
  SnapshotStates(Connection c, long runId, LocalDate asOf, LocalDate answersAfter) throws SQLException {
    this.answers = latestAnswers(c, answersAfter, asOf);
    statement = c.prepareStatement("select customer_id, tier, orders, purchase_days, net_cents, last_purchase_day, "
        + "clv, p_alive, complaints, owner, region, industry from snapshot_kpi_input where run_id = ? "
        + "order by customer_id");
    statement.setFetchSize(1000);
    statement.setLong(1, runId);
    rows = statement.executeQuery();
  }

  /** The next customer, or null after the last. */
  CustomerState next() throws SQLException {
    if (!rows.next()) return null;
    String id = rows.getString(1);
    Integer lastDay = rows.getObject(6, Integer.class);
    int[] a = answers.getOrDefault(id, NO_ANSWERS);
    return new CustomerState(id, rows.getString(2), rows.getLong(3), rows.getInt(4), rows.getLong(5),
        lastDay == null ? -1 : lastDay, real(rows, 7), real(rows, 8), rows.getLong(9), a[0], a[1], a[2], a[3],
        rows.getString(10), rows.getString(11), rows.getString(12));
  }

  private static final int[] NO_ANSWERS = {-1, -1, -1, -1};

  /** Customer id to {nps, its day, csat, its day}: each the latest answer after {@code from} up to the as-of day. */
  private static Map<String, int[]> latestAnswers(Connection c, LocalDate from, LocalDate asOf) throws SQLException {
    Map<String, int[]> out = new HashMap<>();
    if (from != null && !from.isBefore(asOf)) return out;
    try (PreparedStatement s = c.prepareStatement("select customer_id, at, nps, csat from survey where at < ? and "
        + (from == null ? "" : "at >= ? and ") + Visible.rows("survey") + " order by at")) {
      s.setFetchSize(1000);
      s.setObject(1, asOf.plusDays(1).atStartOfDay());
      if (from != null) s.setObject(2, from.plusDays(1).atStartOfDay());
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          int[] a = out.computeIfAbsent(r.getString(1), k -> NO_ANSWERS.clone());
          int day = (int) r.getObject(2, java.time.LocalDateTime.class).toLocalDate().toEpochDay();
          Integer nps = r.getObject(3, Integer.class);
          Integer csat = r.getObject(4, Integer.class);
          if (nps != null) {
            a[0] = nps;
            a[1] = day;
          }
          if (csat != null) {
            a[2] = csat;
            a[3] = day;
          }
        }
      }
    }
    return out;
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
