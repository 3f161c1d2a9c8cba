package strata.server.task;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.stereotype.Service;
import strata.server.api.BadRequest;
import strata.server.api.Conflict;
import strata.server.audit.AuditDetail;
import strata.server.audit.Audited;
import strata.server.data.Interaction;
import strata.server.data.InteractionStore;
import strata.server.data.WriteLock;
import strata.server.security.Viewer;

/**
 * What people do with a task: complete it with an outcome, which also logs the contact as an interaction (so
 * {@code days_since_contact} and the cadence see it), reschedule it to a new due day (it stays open), or skip it with
 * a reason. Each is audited.
 */
@Service
class TaskActions {
  static final String RESCHEDULED = "rescheduled";
  static final List<String> OUTCOMES = List.of("reached", "no_answer", RESCHEDULED, "lost");
  private static final Duration LOCK_PATIENCE = Duration.ofSeconds(30);

  private final TaskStore tasks;
  private final TaskPlanning planning;
  private final InteractionStore interactions;
  private final WriteLock lock;
  private final Audited audited;

  TaskActions(TaskStore tasks, TaskPlanning planning, InteractionStore interactions, WriteLock lock, Audited audited) {
    this.tasks = tasks;
    this.planning = planning;
    this.interactions = interactions;
    this.lock = lock;
    this.audited = audited;
  }

  /**
   * Closes the task as done with an outcome; with outcome {@code rescheduled} it moves the task to {@code dueDate}
   * instead and keeps it open.
   *
   * @param dueDate the new due day, only with {@code rescheduled}: today or later in the tasks' time zone
   * @throws BadRequest for an outcome outside {@link #OUTCOMES}, a missing or past {@code dueDate} when
   *     rescheduling, a {@code dueDate} with another outcome
   * @throws strata.server.api.NotFound when the task is not the viewer's to see
   * @throws Conflict when the task is no longer open
   */
  Task complete(long id, String outcome, String note, LocalDate dueDate, Viewer viewer) {
    if (outcome == null || !OUTCOMES.contains(outcome)) {
      throw new BadRequest("outcome", "expected one of " + OUTCOMES + ", got " + (outcome == null ? "none" : "'" + outcome + "'"));
    }
    String text = note == null ? "" : note.strip();
    if (text.length() > 2000) throw new BadRequest("note", "at most 2000 characters, got " + text.length());
    if (outcome.equals(RESCHEDULED)) return reschedule(id, dueDate, text, viewer);
    if (dueDate != null) throw new BadRequest("dueDate", "only with outcome 'rescheduled', got '" + outcome + "'");
    Task task = tasks.get(id, viewer);
    // The interaction is written under the data write lock, like every other writer of the interaction table; the
    // task's close, the interaction and the audit entry in the lock's transaction.
    return lock.lockedWithin(LOCK_PATIENCE, () -> audited.write(audit -> {
      OffsetDateTime now = planning.now();
      if (!tasks.close(id, "done", outcome, text, viewer.username(), now)) throw notOpen(task);
      interactions.write(List.of(new Interaction(PlanData.TASK_RECORD_PREFIX + id, task.customerId(),
          now.atZoneSameInstant(planning.zone()).toLocalDateTime(), interactionType(task), task.channel() == null
          ? "" : task.channel(), outcome)));
      audit.record(viewer.username(), "task_done", AuditDetail.of("task_done", "task", id,
          "type", task.type(), "customer", task.customerId(), "outcome", outcome, "note", text.isEmpty() ? null : text));
      return tasks.get(id, viewer);
    }));
  }

  /**
   * Moves an open task to a new due day. No contact is logged: the task still is to be done, and completing it
   * logs the contact.
   */
  private Task reschedule(long id, LocalDate dueDate, String note, Viewer viewer) {
    if (dueDate == null) throw new BadRequest("dueDate", "missing: rescheduling needs the new due day");
    LocalDate today = planning.today();
    if (dueDate.isBefore(today)) throw new BadRequest("dueDate", dueDate + " is before today, " + today);
    Task task = tasks.get(id, viewer);
    return audited.write(audit -> {
      if (!tasks.reschedule(id, dueDate, note, viewer.username(), planning.now())) throw notOpen(task);
      audit.record(viewer.username(), "task_rescheduled",
          AuditDetail.of("task_rescheduled", "task", id, "type", task.type(), "customer", task.customerId(),
              "from", String.valueOf(task.dueDate()), "to", dueDate.toString(), "note", note.isEmpty() ? null : note));
      return tasks.get(id, viewer);
    });
  }

  /** @throws BadRequest without a reason */
  Task skip(long id, String reason, Viewer viewer) {
    String text = reason == null ? "" : reason.strip();
    if (text.isEmpty()) throw new BadRequest("reason", "say why the task is skipped");
    if (text.length() > 2000) throw new BadRequest("reason", "at most 2000 characters, got " + text.length());
    Task task = tasks.get(id, viewer);
    return audited.write(audit -> {
      if (!tasks.close(id, "skipped", null, text, viewer.username(), planning.now())) throw notOpen(task);
      audit.record(viewer.username(), "task_skipped",
          AuditDetail.of("task_skipped", "task", id, "type", task.type(), "customer", task.customerId(),
          "reason", text));
      return tasks.get(id, viewer);
    });
  }

  private static Conflict notOpen(Task task) {
    return new Conflict("task " + task.id() + " is " + task.status() + ", not open");
  }

  /**
   * The interaction's type as scoring folds it: a visit or a call counts as one (the visits metric, the call
   * counts); messages are logged with the task's type and told apart by their channel.
   */
  private static String interactionType(Task task) {
    if ("visit".equals(task.channel())) return "visit";
    if ("phone".equals(task.channel())) return "call";
    return task.type();
  }
}
