package strata.server.customer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import strata.plan.PlannedTask;
import strata.plan.Reason;
import strata.playbook.Channel;
import strata.playbook.Purpose;
import strata.playbook.TaskType;
import strata.playbook.Trigger;
import strata.server.api.BadRequest;
import strata.server.api.InList;
import strata.server.audit.AuditDetail;
import strata.server.audit.Audited;
import strata.server.experiment.HeldOutCustomers;
import strata.server.pool.Pool;
import strata.server.notify.Notifications;
import strata.server.security.Role;
import strata.server.security.Viewer;
import strata.server.tag.TagStore;
import strata.server.task.CallList;
import strata.server.task.TaskPlanning;

/**
 * Bulk actions of the customer list: assign an owner, create a task, add or remove a tag, export a call list. Each is one transaction
 * (all customers or none) and audited; the selection is checked by {@link BulkSelection}.
 */
@Service
class CustomerBulk {
  record Assigned(String action, int selected, int changed) {}

  /**
   * @param heldOut the customers given a task who are held out of a running experiment, each with the experiment:
   *     the tasks are made, and audited, but the caller is told it is serving a control group
   */
  record Created(String action, int selected, int created, int existing, List<HeldOutCustomers.HeldOut> heldOut) {}

  /** @param changed customers that gained (or lost) the tag; the others had it (or lacked it) already */
  record Tagged(String action, String tag, int selected, int changed) {}

  private final JdbcClient db;
  private final CustomerQueries queries;
  private final Pool pool;
  private final TaskPlanning planning;
  private final CallList callList;
  private final Audited audited;
  private final int max;
  private final Notifications notifications;
  private final java.time.Clock clock;
  private final TagStore tags;
  private final HeldOutCustomers heldOutCustomers;

  CustomerBulk(JdbcClient db, CustomerQueries queries, Pool pool, TaskPlanning planning, CallList callList,
      Audited audited, Notifications notifications,
      org.springframework.beans.factory.ObjectProvider<java.time.Clock> clock, TagStore tags,
      HeldOutCustomers heldOutCustomers, @Value("${strata.bulk.max-customers:1000}") int max) {
    this.heldOutCustomers = heldOutCustomers;
    this.tags = tags;
    this.notifications = notifications;
    this.clock = clock.getIfAvailable(java.time.Clock::systemUTC);
    this.db = db;
    this.queries = queries;
    this.pool = pool;
    this.planning = planning;
    this.callList = callList;
    this.audited = audited;
    this.max = max;
  }

  /**
   * Gives the selected customers to an owner ("" = the pool). Admins may name any owner, managers one of their team.
   *
   * @throws BadRequest 403 {@code forbidden} for sales users and analysts, or a manager naming an owner outside the team
   */
  Assigned assign(Viewer viewer, List<String> ids, BulkSelection.Filter filter, String owner) {
    if (viewer.role() != Role.ADMIN && viewer.role() != Role.MANAGER) {
      throw new BadRequest(403, "forbidden", "assigning customers needs a manager or an admin", List.of());
    }
    String to = owner == null ? "" : owner.strip();
    if (to.length() > 200) throw new BadRequest("owner", "at most 200 characters");
    if (viewer.role() == Role.MANAGER && !to.isEmpty() && !viewer.owners().contains(to)) {
      throw new BadRequest(403, "forbidden", "'" + to + "' is not in your team " + viewer.owners(), List.of());
    }
    return audited.write(audit -> {
      List<String> selected = BulkSelection.resolve(db, queries, viewer, ids, filter, max);
      java.time.OffsetDateTime now = java.time.OffsetDateTime.now(clock);
      List<Pool.Moved> moved = pool.assignAll(selected, to, viewer);
      for (Pool.Moved m : moved) notifications.assigned(m.customerId(), to, "bulk", viewer.username(), now);
      int changed = moved.size();
      audit.record(viewer.username(), "bulk_assign",
          AuditDetail.of("bulk_assign", "changed", changed, "selected", selected.size(),
          "owner", to, "sample", sample(selected)));
      return new Assigned("assign", selected.size(), changed);
    });
  }

  /**
   * Opens a task for each selected customer, owned by the customer's owner; a task of the same type, channel and day
   * already made for a customer is counted as existing, not made twice. A task made for a customer held out of a
   * running experiment is made all the same, with an audit entry naming the experiment, and returned as a warning.
   */
  Created task(Viewer viewer, List<String> ids, BulkSelection.Filter filter, String type, String channel,
      LocalDate due, String note) {
    if (viewer.role() == Role.ANALYST) {
      throw new BadRequest(403, "forbidden", "analysts do not create tasks", List.of());
    }
    TaskType taskType = type == null ? null : TaskType.of(type);
    if (taskType == null || taskType == TaskType.POOL_WARNING || taskType == TaskType.POOL_RETURN) {
      throw new BadRequest("type", "unknown task type '" + type + "'");
    }
    Channel ch = channel == null ? null : Channel.of(channel);
    if (ch == null) throw new BadRequest("channel", "unknown channel '" + channel + "' (visit, phone, wechat, sms, email)");
    if (due == null) throw new BadRequest("dueDate", "missing");
    if (due.isBefore(planning.today())) throw new BadRequest("dueDate", "is before today, " + planning.today());
    String purpose = note == null ? "" : note.strip();
    if (purpose.length() > 500) throw new BadRequest("note", "at most 500 characters");
    return audited.write(audit -> {
      List<String> selected = BulkSelection.resolve(db, queries, viewer, ids, filter, max);
      Long runId = queries.snapshot(null).id();
      List<String> created = new ArrayList<>();
      for (String id : selected) {
        String owner = db.sql("select owner from customer where id = ?").param(id).query(String.class).single();
        String tier = db.sql("select tier from snapshot_row where run_id = ? and customer_id = ?").params(runId, id)
            .query(String.class).optional().orElse("");
        Reason why = new Reason(tier, Trigger.MANUAL, "", List.of(new Reason.Value("by", viewer.username())),
            new Purpose(purpose, purpose));
        PlannedTask t = new PlannedTask(PlannedTask.key(id, Trigger.MANUAL, taskType.code() + "@" + ch.code() + "@"
            + due), id, owner, taskType, ch, due, Trigger.MANUAL, why, PlannedTask.Status.OPEN, null, true);
        if (planning.open(t, viewer.username())) created.add(id);
      }
      audit.record(viewer.username(), "bulk_task", AuditDetail.of("bulk_task",
          "created", created.size(), "type", taskType.code(), "channel", ch.code(), "due", due.toString(),
          "selected", selected.size(), "sample", sample(selected)));
      List<HeldOutCustomers.HeldOut> heldOut = heldOutCustomers.of(created);
      for (HeldOutCustomers.HeldOut h : heldOut) {
        audit.record(viewer.username(), "task_held_out",
            AuditDetail.of("task_held_out", "experiment", h.experiment(), "type", taskType.code(), "channel",
                ch.code(), "due", due.toString(), "customer", h.customerId()));
      }
      return new Created("task", selected.size(), created.size(), selected.size() - created.size(), heldOut);
    });
  }

  /** Adds ({@code remove} false) or removes a tag on every selected customer; anyone who sees them may. */
  Tagged tag(Viewer viewer, List<String> ids, BulkSelection.Filter filter, String text, boolean remove) {
    String tag = TagStore.parse(text);
    return audited.write(audit -> {
      List<String> selected = BulkSelection.resolve(db, queries, viewer, ids, filter, max);
      int changed = remove ? tags.remove(selected, tag)
          : tags.add(selected, tag, viewer.username(), clock.instant());
      String action = remove ? "untag" : "tag";
      audit.record(viewer.username(), "bulk_" + action, AuditDetail.of("bulk_tag", "tag", tag,
          "changed", changed, "selected", selected.size(), "sample", sample(selected)));
      return new Tagged(action, tag, selected.size(), changed);
    });
  }

  /** The call list of the selected customers, in the viewer's language. */
  List<CallList.Line> callList(Viewer viewer, List<String> ids, BulkSelection.Filter filter, Locale locale) {
    return audited.write(audit -> {
      List<String> selected = BulkSelection.resolve(db, queries, viewer, ids, filter, max);
      if (selected.isEmpty()) return List.of();
      audit.record(viewer.username(), "bulk_call_list",
          AuditDetail.of("bulk_call_list", "selected", selected.size(), "sample", sample(selected)));
      return InList.query(selected, chunk -> callList.lines(viewer, "c.id in (" + chunk.marks() + ")", chunk.params(),
          locale));
    });
  }

  /** The first ids, for the audit log. */
  private static String sample(List<String> ids) {
    return String.join(", ", ids.subList(0, Math.min(20, ids.size()))) + (ids.size() > 20 ? ", …" : "");
  }
}
