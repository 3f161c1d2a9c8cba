package strata.server.kpi;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import strata.server.data.Visible;

/**
 * The latest survey answers of a period, by customer id: read once per computation and shared by the threads that
 * walk the snapshot's id ranges. The snapshot keeps the answer but not its day, which decides whether it falls in the
 * period, so they come from the survey table.
 */
final class SurveyAnswers {
  /** {nps, its epoch day, csat, its epoch day} of a customer without answers. */
  static final int[] NONE = {-1, -1, -1, -1};

  private SurveyAnswers() {}

  /**
   * Customer id to {nps, its day, csat, its day}: each the latest answer after {@code after} up to the as-of day.
   *
   * @param after null for all answers up to {@code asOf}: a period's KPIs count the latest answer only when it falls
   *     in the period, so older ones are never needed, and reading them all cost a pass over the survey table per
   *     snapshot (bench/README.md "KPIs at 1M customers")
   */
  static Map<String, int[]> latest(Connection c, LocalDate after, LocalDate asOf) throws SQLException {
    Map<String, int[]> out = new HashMap<>();
    if (after != null && !after.isBefore(asOf)) return out;
    try (PreparedStatement s = c.prepareStatement("select customer_id, at, nps, csat from survey where at < ? and "
        + (after == null ? "" : "at >= ? and ") + Visible.rows("survey") + " order by at")) {
      s.setFetchSize(1000);
      s.setObject(1, asOf.plusDays(1).atStartOfDay());
      if (after != null) s.setObject(2, after.plusDays(1).atStartOfDay());
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          int[] a = out.computeIfAbsent(r.getString(1), k -> NONE.clone());
          int day = (int) r.getObject(2, LocalDateTime.class).toLocalDate().toEpochDay();
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
}
