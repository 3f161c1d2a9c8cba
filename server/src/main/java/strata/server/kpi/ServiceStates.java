package strata.server.kpi;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import strata.intake.SideFiles;
import strata.kpi.ServiceState;
import strata.run.PlanInputs;
import strata.server.data.Visible;

/**
 * How each customer was served as of a snapshot, for contact coverage and task completion (README "KPIs by tier"),
 * summed by the database per customer and read once per computation, like {@link SurveyAnswers}. The period's tasks
 * are counted as the README defines: due after the previous snapshot's as-of day up to this one's; cancelled and
 * suppressed tasks left out (the plan decided they were not to be done); skipped and still-open tasks counted as not
 * done; a task done only after the as-of day counted as not done, so recomputing an old snapshot gives its figures of
 * the time. Pool warnings and returns (no channel) are the owner's reminders, not service, and are left out.
 */
final class ServiceStates {
  /** Interactions written by completing a task; the task itself is read instead, with its outcome. */
  private static final String TASK_RECORD = "task:%";

  private ServiceStates() {}

  /**
   * @param after the previous snapshot's as-of day, null when the period is the whole history
   * @param windowDays the longest cadence of the snapshot's tiers: older contacts cover nobody; 0 for none
   * @param zone the tasks' time zone, in which a completion's day is counted
   * @return by customer id; customers neither contacted within the window nor with a task due are absent
   */
  static Map<String, ServiceState> of(Connection c, LocalDate after, LocalDate asOf, int windowDays, ZoneId zone)
      throws SQLException {
    Map<String, int[]> out = new HashMap<>(); // {last contact day, tasks due, tasks done}
    if (windowDays > 0) {
      interactions(c, asOf.minusDays(windowDays), asOf, out);
      reachedTasks(c, asOf.minusDays(windowDays), asOf, zone, out);
    }
    dueTasks(c, after, asOf, zone, out);
    Map<String, ServiceState> states = new HashMap<>();
    out.forEach((id, v) -> states.put(id, new ServiceState(v[0], v[1], v[2])));
    return states;
  }

  /** Touches that reached the customer, by the planner's reading of type and channel (inquiries and complaints not). */
  private static void interactions(Connection c, LocalDate from, LocalDate asOf, Map<String, int[]> out)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement("select customer_id, type, channel, max(at) from interaction where "
        + "at >= ? and at < ? and record_id not like ? and " + Visible.rows("interaction")
        + " group by customer_id, type, channel")) {
      s.setFetchSize(1000);
      s.setObject(1, from.atStartOfDay());
      s.setObject(2, asOf.plusDays(1).atStartOfDay());
      s.setString(3, TASK_RECORD);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          String type = SideFiles.interactionType(r.getString(2));
          if (type.equals("complaint") || PlanInputs.channel(type, r.getString(3)) == null) continue;
          contact(out, r.getString(1), r.getObject(4, LocalDateTime.class).toLocalDate());
        }
      }
    }
  }

  private static void reachedTasks(Connection c, LocalDate from, LocalDate asOf, ZoneId zone, Map<String, int[]> out)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement("select customer_id, max(closed_at) from service_task where "
        + "status = 'done' and outcome = 'reached' and closed_at >= ? and closed_at < ? group by customer_id")) {
      s.setFetchSize(1000);
      s.setObject(1, start(from, zone));
      s.setObject(2, start(asOf.plusDays(1), zone));
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          contact(out, r.getString(1), r.getObject(2, OffsetDateTime.class).atZoneSameInstant(zone).toLocalDate());
        }
      }
    }
  }

  private static void dueTasks(Connection c, LocalDate after, LocalDate asOf, ZoneId zone, Map<String, int[]> out)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement("select customer_id, count(*), sum(case when status = 'done' and "
        + "closed_at < ? then 1 else 0 end) from service_task where channel is not null and status in ('open', "
        + "'done', 'skipped') and due_date <= ?" + (after == null ? "" : " and due_date > ?") + " group by customer_id")) {
      s.setFetchSize(1000);
      s.setObject(1, start(asOf.plusDays(1), zone));
      s.setObject(2, asOf);
      if (after != null) s.setObject(3, after);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          int[] v = out.computeIfAbsent(r.getString(1), k -> new int[] {-1, 0, 0});
          v[1] = r.getInt(2);
          v[2] = r.getInt(3);
        }
      }
    }
  }

  private static void contact(Map<String, int[]> out, String customerId, LocalDate day) {
    int[] v = out.computeIfAbsent(customerId, k -> new int[] {-1, 0, 0});
    v[0] = Math.max(v[0], (int) day.toEpochDay());
  }

  private static OffsetDateTime start(LocalDate day, ZoneId zone) {
    return day.atStartOfDay(zone).toOffsetDateTime();
  }
}
