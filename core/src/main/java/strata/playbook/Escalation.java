package strata.playbook;

/**
 * What happens to a tier's overdue tasks ({@code service.escalation}): the owner's manager is told after
 * {@code managerAfterDays} overdue days, and after {@code actAfterDays} the customer is reassigned within the tier's
 * team or returned to the pool.
 *
 * @param managerAfterDays overdue days before the manager is notified; 0 = the server's default
 * @param actAfterDays overdue days before {@code then} is done; 0 = never
 * @param then what is done after {@code actAfterDays}; null when {@code actAfterDays} is 0
 */
public record Escalation(int managerAfterDays, int actAfterDays, Action then) {
  public static final Escalation NONE = new Escalation(0, 0, null);

  public enum Action {
    /** to the team member with the smallest book under the cap, as {@code owner.policy: assign} does */
    REASSIGN,
    /** back to the customer pool (公海) */
    POOL;

    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
