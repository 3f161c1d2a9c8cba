package strata.server.task;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import strata.plan.TeamTally;
import strata.server.api.BadRequest;
import strata.server.security.Viewer;

/**
 * The managers' team view (issue 15 §4): open, overdue and done tasks and escalations per rep and tier. Tasks count
 * for their owner and are scoped by their customer's owner, as the task list is, so a rep's figures here are the
 * totals of their list. Escalations count for the rep the task was escalated from and are scoped by that rep: a
 * customer pooled or handed to someone else no longer has that rep as its owner, yet the manager must see the lapse.
 */
@Service
class TaskTeam {
  static final int MAX_DAYS = 366;
  /** The list stays a glance: older escalations are still counted in the rows. */
  static final int LISTED = 50;

  /**
   * One escalation: the manager told of an overdue task ({@code manager}), or its customer moved to another rep
   * ({@code reassign}) or to the pool ({@code pool}).
   *
   * @param to the new owner; "" for the pool and the manager's notice; null for a rep the viewer may not see
   * @param overdueDays days overdue when the customer moved; null for the manager's notice
   * @param visible whether the viewer may open the customer now
   */
  record Escalation(long taskId, String customerId, String tier, String kind, String from, String to,
      Integer overdueDays, Instant at, boolean visible) {}

  /** @param since the first day of the period (in the tasks' zone) that done tasks and escalations count from */
  record View(LocalDate today, LocalDate since, int days, List<TeamTally.Row> rows,
      List<Escalation> escalations) {}

  private final JdbcClient db;

  TaskTeam(JdbcClient db) {
    this.db = db;
  }

  /** @param days the period, today and the days before it; 1 to {@value #MAX_DAYS} */
  View view(Viewer viewer, LocalDate today, ZoneId zone, int days) {
    if (days < 1 || days > MAX_DAYS) throw new BadRequest("days", "must be 1 to " + MAX_DAYS + ", got " + days);
    LocalDate since = today.minusDays(days - 1);
    OffsetDateTime from = since.atStartOfDay(zone).toOffsetDateTime();
    TeamTally tally = new TeamTally();
    countTasks(viewer, today, from, tally);
    List<Escalation> escalations = escalations(viewer, from);
    for (Escalation e : escalations) tally.escalation(e.from(), e.tier(), e.kind());
    escalations.sort(Comparator.comparing(Escalation::at).reversed().thenComparing(Escalation::taskId));
    return new View(today, since, days, tally.rows(), List.copyOf(escalations.subList(0, Math.min(LISTED,
        escalations.size()))));
  }

  private void countTasks(Viewer viewer, LocalDate today, OffsetDateTime from, TeamTally tally) {
    List<Object> params = new ArrayList<>(List.of(today, from));
    String scope = viewer.ownerCondition("t.customer_owner", params);
    params.add(from);
    // Only open tasks and those done in the period are read: a team's years of closed tasks are not.
    db.sql("select t.owner, t.tier, sum(case when t.status = 'open' then 1 else 0 end), sum(case when t.status = "
            + "'open' and t.due_date < ? then 1 else 0 end), sum(case when t.status = 'done' and t.closed_at >= ? "
            + "then 1 else 0 end) from service_task t where " + scope + " and (t.status = 'open' or (t.status = "
            + "'done' and t.closed_at >= ?)) group by t.owner, t.tier")
        .params(params)
        .query((ResultSet rs) -> {
          tally.tasks(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5));
        });
  }

  /** The period's escalations of the viewer's reps, from the moves kept and the managers' notices. */
  private List<Escalation> escalations(Viewer viewer, OffsetDateTime from) {
    List<Object> params = new ArrayList<>(List.of(from));
    String moved = "select e.task_id, e.customer_id, t.tier, e.action, e.from_owner, e.to_owner, e.overdue_days, e.at, "
        + "c.owner from task_escalation e join service_task t on t.id = e.task_id left join customer c on c.id = "
        + "e.customer_id where e.at >= ? and " + viewer.ownerCondition("e.from_owner", params);
    List<Escalation> out = new ArrayList<>(db.sql(moved).params(params).query((rs, n) -> escalation(viewer, rs))
        .list());
    // The managers' notice names the owner at the time; a task moved since carries its new owner, so the move's
    // from-owner, when there is one, is the rep it was escalated from. Several managers (or days) notified of one
    // task are one escalation, at the first notice.
    String rep = "coalesce(e.from_owner, t.owner)";
    params = new ArrayList<>();
    String scope = viewer.ownerCondition(rep, params);
    params.add(from);
    String told = "select t.id, t.customer_id, t.tier, 'manager', " + rep + ", '', cast(null as int), "
        + "min(n.created_at), c.owner from notification n join service_task t on t.id = n.task_id left join "
        + "task_escalation e on e.task_id = t.id left join customer c on c.id = t.customer_id where n.kind = "
        + "'escalation' and " + scope + " group by t.id, t.customer_id, t.tier, " + rep + ", c.owner "
        + "having min(n.created_at) >= ?";
    out.addAll(db.sql(told).params(params).query((rs, n) -> escalation(viewer, rs)).list());
    return out;
  }

  private static Escalation escalation(Viewer viewer, ResultSet rs) throws SQLException {
    String to = rs.getString(6);
    String owner = rs.getString(9);
    boolean toSeen = to.isEmpty() || viewer.seesAll() || viewer.owners().contains(to);
    boolean visible = owner != null && (viewer.seesAll() || viewer.owners().contains(owner));
    return new Escalation(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
        toSeen ? to : null, rs.getObject(7, Integer.class), rs.getObject(8, OffsetDateTime.class).toInstant(),
        visible);
  }
}
