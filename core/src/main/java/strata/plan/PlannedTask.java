package strata.plan;

import java.time.LocalDate;
import strata.playbook.Channel;
import strata.playbook.TaskType;
import strata.playbook.Trigger;

/**
 * A task of the plan.
 *
 * @param key identifies the task across re-plans: customer, trigger and the occasion (the event's date, the last
 *     contact a cadence counts from, ...); planning never yields two tasks with one key
 * @param owner "" for the pool
 * @param channel null for tasks that do not touch the customer (pool warnings and returns)
 * @param stoppedBy why a suppressed or cancelled task is not to be done, else null
 * @param created true when this plan created the task, false when it was already open
 */
public record PlannedTask(String key, String customerId, String owner, TaskType type, Channel channel, LocalDate due,
    Trigger trigger, Reason why, Status status, StopReason stoppedBy, boolean created) {

  public enum Status {
    OPEN, SUPPRESSED, CANCELLED, DONE;

    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** The key of a task: customer, trigger and occasion. Tasks made outside the planner use it to be re-planned alike. */
  public static String key(String customerId, Trigger trigger, String occasion) {
    return customerId + "|" + trigger.code() + "|" + occasion;
  }

  /** This task kept as it is, for its customer's owner of now (the pool rules or an owner policy moved it). */
  PlannedTask keptFor(String newOwner) {
    return new PlannedTask(key, customerId, newOwner, type, channel, due, trigger, why, status, stoppedBy, false);
  }

  PlannedTask as(Status newStatus, StopReason because, boolean isNew) {
    return new PlannedTask(key, customerId, owner, type, channel, due, trigger, why, newStatus, because, isNew);
  }
}
