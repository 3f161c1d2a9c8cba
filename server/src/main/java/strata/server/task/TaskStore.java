package strata.server.task;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import strata.plan.Contact;
import strata.plan.PlanText;
import strata.plan.PlannedTask;
import strata.plan.StopReason;
import strata.playbook.Channel;
import strata.playbook.TaskType;
import strata.playbook.Trigger;
import strata.server.api.BadRequest;
import strata.server.api.NotFound;
import strata.server.api.Page;
import strata.server.api.PagedQuery;
import strata.server.security.Viewer;
import tools.jackson.databind.json.JsonMapper;

/** The service_task table: the planner's tasks as stored, listed, completed and skipped. */
@Component
class TaskStore {
  static final List<String> STATUSES = List.of("open", "done", "skipped", "cancelled", "suppressed");
  static final String SYSTEM = "system";

  /**
   * Where a task list stops counting: "1,000+" is as much as a rep's to-do count or a manager's per-rep figure can
   * act on, and the count walks every matching index entry up to the cap on each page: at 1M customers / 5M tasks
   * TeamSummary's counts went from 388 to 603 requests/s when the cap fell from 10,000 (bench/README.md, "Task lists
   * at 1M customers / 5M tasks"). Exact completion figures are the KPI page's (task completion by tier and team, ServiceStates), computed
   * per snapshot, not per page.
   */
  static final int COUNT_CAP = 1_000;

  private final JdbcClient db;
  private final JsonMapper json;

  TaskStore(JdbcClient db, JsonMapper json) {
    this.db = db;
    this.json = json;
  }

  /**
   * What the planner needs from earlier plans.
   *
   * @param open open and suppressed tasks, as the planner returned them
   * @param done completed tasks as contacts (their day is the completion's, in the plan's zone)
   * @param status every stored task's status by key
   */
  record Earlier(List<PlannedTask> open, List<Contact> done, Map<String, String> status, Map<String, Long> ids) {}

  Earlier earlier(ZoneId zone) {
    List<PlannedTask> open = new ArrayList<>();
    List<Contact> done = new ArrayList<>();
    Map<String, String> status = new HashMap<>();
    Map<String, Long> ids = new HashMap<>();
    db.sql("select id, task_key, customer_id, owner, type, channel, due_date, trigger_kind, reason, status, "
        + "suppressed_by, closed_at from service_task").query((ResultSet rs) -> {
          String key = rs.getString(2);
          String s = rs.getString(10);
          status.put(key, s);
          ids.put(key, rs.getLong(1));
          Channel channel = rs.getString(6) == null ? null : Channel.of(rs.getString(6));
          if (s.equals("done")) {
            LocalDate day = rs.getObject(12, OffsetDateTime.class).atZoneSameInstant(zone).toLocalDate();
            done.add(new Contact(rs.getString(3), day, channel, key));
          } else if (s.equals("open") || s.equals("suppressed")) {
            open.add(new PlannedTask(key, rs.getString(3), rs.getString(4), TaskType.of(rs.getString(5)), channel,
                rs.getObject(7, LocalDate.class), Trigger.valueOf(rs.getString(8).toUpperCase(Locale.ROOT)),
                ReasonJson.core(ReasonJson.read(json, rs.getString(9))),
                s.equals("open") ? PlannedTask.Status.OPEN : PlannedTask.Status.SUPPRESSED, stop(rs.getString(11)),
                false));
          }
        });
    return new Earlier(open, done, status, ids);
  }

  /** Counts of what a plan changed. */
  record Applied(int created, int updated, int cancelled) {}

  /**
   * Stores a plan: new tasks are inserted; open and suppressed ones take the plan's status, owner, channel and due
   * day; a task the plan cancels is closed with why, and reopened if the plan asks for it again. Keys done or skipped
   * are left as they are: a plan never reopens what a person closed.
   */
  Applied apply(List<PlannedTask> tasks, Earlier earlier, String by, OffsetDateTime now) {
    int created = 0;
    int updated = 0;
    int cancelled = 0;
    for (PlannedTask t : tasks) {
      String was = earlier.status().get(t.key());
      if (was == null) {
        if (t.status() == PlannedTask.Status.CANCELLED || t.status() == PlannedTask.Status.DONE) continue;
        insertNew(t, by, now);
        created++;
      } else if (was.equals("cancelled") && t.status() != PlannedTask.Status.CANCELLED
          && t.status() != PlannedTask.Status.DONE) {
        // Its reason is back (the customer returned to the tier): the task is open again, with the reason of now.
        reopen(earlier.ids().get(t.key()), t, by, now);
        created++;
      } else if (was.equals("open") || was.equals("suppressed")) {
        long id = earlier.ids().get(t.key());
        if (t.status() == PlannedTask.Status.CANCELLED) {
          cancelled += db.sql("update service_task set status = 'cancelled', suppressed_by = ?, reason_en = reason_en || ?, "
                  + "reason_zh = reason_zh || ?, updated_at = ?, updated_by = ?, closed_at = ?, closed_by = ? "
                  + "where id = ? and status in ('open', 'suppressed')")
              .params(t.stoppedBy().text(), PlanText.cancelled(t.stoppedBy(), Locale.ENGLISH),
                  PlanText.cancelled(t.stoppedBy(), Locale.CHINESE), now, by, now, by, id).update();
        } else {
          updated += db.sql("update service_task set status = ?, suppressed_by = ?, owner = ?, channel = ?, "
                  + "due_date = ?, updated_at = ?, updated_by = ? where id = ? and status in ('open', 'suppressed') "
                  + "and (status <> ? or coalesce(suppressed_by, '') <> ? or owner <> ? or coalesce(channel, '') <> ? "
                  + "or due_date <> ?)")
              .params(t.status().code(), stopText(t), t.owner(), channelCode(t), t.due(), now, by, id,
                  t.status().code(), stopText(t) == null ? "" : stopText(t), t.owner(), channelCode(t) == null ? ""
                  : channelCode(t), t.due()).update();
        }
      }
    }
    return new Applied(created, updated, cancelled);
  }

  private void reopen(long id, PlannedTask t, String by, OffsetDateTime now) {
    db.sql("update service_task set owner = ?, tier = ?, type = ?, channel = ?, due_date = ?, reason = ?, reason_en = ?, "
            + "reason_zh = ?, status = ?, suppressed_by = ?, updated_at = ?, updated_by = ?, closed_at = null, "
            + "closed_by = null where id = ? and status = 'cancelled'")
        .params(t.owner(), t.why().tier(), t.type().code(), channelCode(t), t.due(), ReasonJson.write(json, t.why()),
            PlanText.reason(t, Locale.ENGLISH), PlanText.reason(t, Locale.CHINESE), t.status().code(), stopText(t), now,
            by, id)
        .update();
  }

  /** Inserts a task made outside a plan; false when a task of its key exists already (any status: kept as it is). */
  boolean insertNew(PlannedTask t, String by, OffsetDateTime now) {
    return db.sql("insert into service_task (task_key, customer_id, owner, tier, type, channel, due_date, trigger_kind, "
            + "reason, reason_en, reason_zh, status, suppressed_by, created_at, created_by, updated_at, updated_by) "
            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing")
        .params(t.key(), t.customerId(), t.owner(), t.why().tier(), t.type().code(), channelCode(t), t.due(),
            t.trigger().code(), ReasonJson.write(json, t.why()), PlanText.reason(t, Locale.ENGLISH),
            PlanText.reason(t, Locale.CHINESE), t.status().code(), stopText(t), now, by, now, by)
        .update() == 1;
  }

  /**
   * A page of tasks, by due day then id. A sales viewer sees the tasks of the customers they own (by the customer's
   * owner, as every customer list is scoped). The total stops at {@link #COUNT_CAP}.
   */
  Page<Task> list(Viewer viewer, String status, String owner, LocalDate dueBefore, String customerId, int page,
      int size, TaskCursor after) {
    List<Object> params = new ArrayList<>();
    // Scoped by the customer's owner as the task carries it (kept by the V31 triggers), so a rep's list is one range of
    // the (customer_owner, status, due_date, id) index, counted and paged with no join.
    StringBuilder where = new StringBuilder(" from service_task t where ");
    where.append(viewer.ownerCondition("t.customer_owner", params));
    if (status != null && !status.isBlank()) {
      if (!STATUSES.contains(status)) throw new BadRequest("status", "unknown status '" + status + "'; one of " + STATUSES);
      where.append(" and t.status = ?");
      params.add(status);
    }
    if (owner != null && !owner.isBlank()) {
      where.append(" and t.owner = ?");
      params.add(owner);
    }
    if (dueBefore != null) {
      where.append(" and t.due_date < ?");
      params.add(dueBefore);
    }
    if (customerId != null && !customerId.isBlank()) {
      where.append(" and t.customer_id = ?");
      params.add(customerId);
    }
    long counted = PagedQuery.countCapped(db, where.toString(), params, COUNT_CAP);
    String pageWhere = where.toString();
    List<Object> pageParams = new ArrayList<>(params);
    if (after != null) {
      // "due_date >= ?" on its own is a range of the indexes that end in (due_date, id); the rest filters one day.
      pageWhere += " and t.due_date >= ? and (t.due_date > ? or t.id > ?)";
      pageParams.addAll(List.of(after.due(), after.due(), after.id()));
    }
    // The page's ids first, from the indexes alone; only the rows shown are read whole and joined to their customer.
    // The shown rows' customers are checked against the scope once more: a customer handed over while a plan that
    // inserts its task is still open can leave that task with the owner before, until the plan's catch-up
    // (followOwners), and it must then not show to the one who lost the customer.
    // With a cursor, one row more than the page says whether another follows.
    pageParams.add(after == null ? size : size + 1);
    pageParams.add(after == null ? (long) page * size : 0L);
    String recheck = viewer.seesAll() ? "" : " where " + viewer.ownerCondition("c.owner", pageParams);
    List<Task> items = db.sql("select " + COLUMNS + " from (select t.id" + pageWhere + " order by t.due_date, t.id "
            + "limit ? offset ?) p join service_task t on t.id = p.id left join customer c on c.id = t.customer_id"
            + recheck + " order by t.due_date, t.id")
        .params(pageParams).query(this::task).list();
    boolean more = after != null ? items.size() > size
        : items.size() == size && (counted > COUNT_CAP || (long) (page + 1) * size < counted);
    List<Task> shown = items.subList(0, Math.min(size, items.size()));
    Page<Task> answer = PagedQuery.capped(shown, page, size, counted, COUNT_CAP);
    return more ? answer.withNext(TaskCursor.after(shown.get(shown.size() - 1)).encode()) : answer;
  }

  /**
   * Gives tasks of customers written since {@code since} their customer's owner again. The triggers keep the copy in
   * every write, but a customer handed over while this plan's transaction was open did not see the tasks the plan
   * inserted for it (they were not committed yet); run last in the plan's transaction, it narrows that window to the
   * commit.
   */
  int followOwners(OffsetDateTime since) {
    String owner = "(select c.owner from customer c where c.id = service_task.customer_id)";
    return db.sql("update service_task set customer_owner = " + owner + " where customer_id in "
            + "(select id from customer where updated_at >= ?) and customer_owner is distinct from " + owner)
        .params(since).update();
  }

  /** @throws NotFound when there is no such task or the viewer may not see it */
  Task get(long id, Viewer viewer) {
    List<Object> params = new ArrayList<>();
    params.add(id);
    String scope = viewer.seesAll() ? "" : " and " + viewer.ownerCondition("c.owner", params);
    return db.sql("select " + COLUMNS + " from service_task t left join customer c on c.id = t.customer_id "
            + "where t.id = ?" + scope).params(params)
        .query(this::task).optional().orElseThrow(() -> new NotFound("no task " + id));
  }

  /** Moves an open task to another due day, with the note; false when it was no longer open. */
  boolean reschedule(long id, LocalDate due, String note, String by, OffsetDateTime now) {
    return db.sql("update service_task set due_date = ?, note = ?, updated_at = ?, updated_by = ? where id = ? "
            + "and status = 'open'")
        .params(due, note, now, by, id).update() == 1;
  }

  /** Closes an open task; false when it was no longer open (another user or a plan closed it first). */
  boolean close(long id, String status, String outcome, String note, String by, OffsetDateTime now) {
    return db.sql("update service_task set status = ?, outcome = ?, note = ?, updated_at = ?, updated_by = ?, "
            + "closed_at = ?, closed_by = ? where id = ? and status = 'open'")
        .params(status, outcome, note, now, by, now, by, id).update() == 1;
  }

  private static final String COLUMNS = "t.id, t.task_key, t.customer_id, t.owner, t.tier, t.type, t.channel, "
      + "t.due_date, t.trigger_kind, t.reason, t.reason_en, t.reason_zh, t.status, t.suppressed_by, t.outcome, t.note, "
      + "t.created_at, t.created_by, t.updated_at, t.updated_by, t.closed_at, t.closed_by, c.name, c.phone, c.email";

  private Task task(ResultSet rs, int row) throws SQLException {
    return new Task(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
        rs.getString(6), rs.getString(7), rs.getObject(8, LocalDate.class), rs.getString(9),
        rs.getString(10), new Task.Text(rs.getString(12), rs.getString(11)), rs.getString(13),
        rs.getString(14), rs.getString(15), rs.getString(16), instant(rs, 17), rs.getString(18), instant(rs, 19),
        rs.getString(20), instant(rs, 21), rs.getString(22), rs.getString(23), rs.getString(24), rs.getString(25));
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  private static StopReason stop(String text) {
    if (text == null || text.isEmpty()) return null;
    int colon = text.indexOf(':');
    return colon < 0 ? new StopReason(text, "") : new StopReason(text.substring(0, colon), text.substring(colon + 1));
  }

  private static String stopText(PlannedTask t) {
    return t.stoppedBy() == null ? null : t.stoppedBy().text();
  }

  private static String channelCode(PlannedTask t) {
    return t.channel() == null ? null : t.channel().code();
  }
}
