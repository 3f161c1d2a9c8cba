package strata.remind;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToIntFunction;
import strata.playbook.TaskType;

/**
 * Which notices the open tasks call for on a day: a pure function, so re-running it the same day (or the next)
 * names the same notices by the same keys and the caller sends each once.
 *
 * <ul>
 *   <li>{@code task_due}: a task is due today or earlier, to its owner;</li>
 *   <li>{@code pool_warning}: the owner's warning that the customer returns to the pool on a day;</li>
 *   <li>{@code escalation}: a task {@code escalateAfterDays} or more past its due day, for the owner's manager.</li>
 * </ul>
 * Pool returns are done by the system and need no notice; tasks of pool customers have nobody to tell.
 */
public final class Reminders {
  private Reminders() {}

  /**
   * @param escalateAfterDays overdue days before a task is escalated, at least 1
   * @return notices in task key order, the owner's before the manager's
   * @throws IllegalArgumentException for escalateAfterDays below 1
   */
  public static List<Reminder> of(List<OpenTask> open, LocalDate today, int escalateAfterDays) {
    if (escalateAfterDays < 1) {
      throw new IllegalArgumentException("escalation needs at least 1 overdue day, got " + escalateAfterDays);
    }
    return of(open, today, t -> escalateAfterDays);
  }

  /**
   * The same with each task's own escalation days: its tier's {@code escalation.manager_after_days}.
   *
   * @throws IllegalArgumentException when a task's escalation days are below 1
   */
  public static List<Reminder> of(List<OpenTask> open, LocalDate today, ToIntFunction<OpenTask> escalateAfterDays) {
    List<OpenTask> sorted = new ArrayList<>(open);
    sorted.sort(Comparator.comparing(OpenTask::key));
    List<Reminder> out = new ArrayList<>();
    for (OpenTask t : sorted) {
      if (t.owner().isEmpty() || t.due().isAfter(today) || t.type() == TaskType.POOL_RETURN) continue;
      int overdue = (int) ChronoUnit.DAYS.between(t.due(), today);
      if (t.type() == TaskType.POOL_WARNING) {
        out.add(reminder(Reminder.Kind.POOL_WARNING, t, overdue));
        continue;
      }
      out.add(reminder(Reminder.Kind.TASK_DUE, t, overdue));
      int escalateAfter = escalateAfterDays.applyAsInt(t);
      if (escalateAfter < 1) {
        throw new IllegalArgumentException("escalation needs at least 1 overdue day, got " + escalateAfter);
      }
      if (overdue >= escalateAfter) out.add(reminder(Reminder.Kind.ESCALATION, t, overdue));
    }
    return List.copyOf(out);
  }

  private static Reminder reminder(Reminder.Kind kind, OpenTask t, int overdue) {
    return new Reminder(kind.code() + "|" + t.key(), kind, t.key(), t.customerId(), t.owner(), t.type(), t.due(),
        overdue, t.returnDay());
  }
}
