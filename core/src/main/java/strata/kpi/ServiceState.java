package strata.kpi;

/**
 * How a customer was served, as known at a snapshot's as-of day (README "KPIs by tier": contact coverage and task
 * completion). The server reads it from the interactions and service tasks; the CLI has no tasks and passes
 * {@link #NONE}.
 *
 * @param lastContactDay epoch day of the latest completed contact up to the as-of day (an interaction that reached
 *     the customer, or a task done with outcome reached), or -1 for none
 * @param tasksDue the customer's service tasks due in the period that count (neither cancelled nor suppressed)
 * @param tasksDone of those, the ones done by the end of the as-of day
 */
public record ServiceState(int lastContactDay, int tasksDue, int tasksDone) {
  public static final ServiceState NONE = new ServiceState(-1, 0, 0);

  public ServiceState {
    if (tasksDue < 0 || tasksDone < 0 || tasksDone > tasksDue) {
      throw new IllegalArgumentException("tasks done (" + tasksDone + ") must be between 0 and tasks due (" + tasksDue
          + ")");
    }
  }
}
