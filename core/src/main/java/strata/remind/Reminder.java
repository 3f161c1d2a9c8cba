package strata.remind;

import java.time.LocalDate;
import strata.playbook.TaskType;

/**
 * A notice to send about a task: to its owner when it falls due or the customer is about to return to the pool, to
 * the owner's manager when it is overdue too long.
 *
 * @param key identifies the notice across days, so it is sent once: the kind and the task's key
 * @param overdueDays days past the due day (0 when due today)
 */
public record Reminder(String key, Kind kind, String taskKey, String customerId, String owner, TaskType type,
    LocalDate due, int overdueDays, LocalDate returnDay) {

  public enum Kind {
    TASK_DUE, ESCALATION, POOL_WARNING;

    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
