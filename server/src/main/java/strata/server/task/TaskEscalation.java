package strata.server.task;

import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import strata.playbook.ServicePlan;
import strata.remind.Escalations;
import strata.remind.Overdue;
import strata.server.audit.AuditDetail;
import strata.server.pool.Pool;
import strata.tier.TierModel;
import strata.server.notify.Notifications;
import strata.tier.TierRule;

/**
 * Does what the playbooks' {@code escalation.after_days} says for overdue tasks (core's {@link Escalations}): the
 * customer goes to another rep of the tier's team or back to the pool, audited, and each task acted on is kept in
 * {@code task_escalation} so the next run leaves it alone. The manager's notice comes earlier, from the reminders;
 * the new owner is told at once.
 */
@Component
class TaskEscalation {
  private final JdbcClient db;
  private final JdbcTemplate jdbc;
  private final Pool pool;
  private final Notifications notifications;

  TaskEscalation(JdbcClient db, DataSource dataSource, Pool pool, Notifications notifications) {
    this.db = db;
    this.jdbc = new JdbcTemplate(dataSource);
    this.pool = pool;
    this.notifications = notifications;
  }

  /**
   * Runs in the caller's transaction (the plan's), before planning, so the plan sees the new owners.
   *
   * @return the new owner ("" for the pool) of each customer moved
   */
  Map<String, String> escalate(TierModel model, LocalDate today, OffsetDateTime now) {
    Map<String, ServicePlan> playbooks = new HashMap<>();
    for (TierRule t : model.tiers()) {
      if (t.service().escalation().actAfterDays() > 0) playbooks.put(t.id(), t.service());
    }
    if (playbooks.isEmpty()) return Map.of();
    List<Overdue> overdue = new ArrayList<>();
    db.sql("select t.id, t.customer_id, c.owner, t.tier, t.due_date from service_task t join customer c "
            + "on c.id = t.customer_id where t.status = 'open' and t.due_date < ? and c.owner <> '' "
            + "and t.type not in ('pool_warning', 'pool_return') and not exists "
            + "(select 1 from task_escalation e where e.task_id = t.id)").param(today)
        .query((ResultSet rs) -> {
          overdue.add(new Overdue(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
              rs.getObject(5, LocalDate.class)));
        });
    if (overdue.isEmpty()) return Map.of();
    Map<String, Integer> books = new HashMap<>();
    db.sql("select owner, count(*) from customer where owner <> '' group by owner")
        .query((ResultSet rs) -> {
          books.put(rs.getString(1), rs.getInt(2));
        });
    List<Escalations.Move> due = Escalations.of(overdue, playbooks, books, Set.of(), today).moves();
    Set<String> done = pool.escalate(due.stream().map(m -> new Pool.Escalated(m.customerId(), m.from(), m.to(),
        AuditDetail.of("escalation", "customer", m.customerId(), "from", m.from(), "to", m.to(), "action",
            m.action().code(), "days", m.overdueDays(), "tier", m.tier(), "tasks", m.taskIds().toString()))).toList());
    Map<String, String> moved = new HashMap<>();
    List<Object[]> actedOn = new ArrayList<>();
    List<Object[]> owners = new ArrayList<>();
    for (Escalations.Move m : due) {
      if (!done.contains(m.customerId())) continue;
      for (long id : m.taskIds()) {
        actedOn.add(new Object[] {id, m.customerId(), m.action().code(), m.from(), m.to(), m.overdueDays(), now});
      }
      owners.add(new Object[] {m.to(), now, TaskStore.SYSTEM, m.customerId()});
      moved.put(m.customerId(), m.to());
      notifications.assigned(m.customerId(), m.to(), "escalation", m.from(), now);
    }
    // Batches, not a statement per customer: see Pool.escalate.
    jdbc.batchUpdate("insert into task_escalation (task_id, customer_id, action, from_owner, to_owner, overdue_days, "
        + "at) values (?, ?, ?, ?, ?, ?, ?)", actedOn);
    // Overdue tasks are past the plan's window, so the plan does not carry the new owner to them: done here.
    jdbc.batchUpdate("update service_task set owner = ?, updated_at = ?, updated_by = ? where customer_id = ? "
        + "and status in ('open', 'suppressed')", owners);
    return moved;
  }
}
