package strata.playbook;

import java.util.Locale;

/**
 * Why a task is planned. The first six are configured under a tier's {@code triggers:}; cadence, care and the pool
 * rules come from their own keys; {@code MANUAL} tasks are made by a person (the customer list's bulk action) and
 * kept by the planner until done, skipped or the customer says stop. Order is priority: when caps leave room for one
 * touch, the earlier trigger gets it.
 */
public enum Trigger {
  COMPLAINT, NPS_DETRACTOR, MOVED_DOWN, ENTER_TIER, DORMANT, LARGE_FIRST_ORDER, MANUAL, CARE, CADENCE, POOL_WARNING,
  POOL_RETURN;

  // Kept, not lower-cased on each call: task keys and reasons ask for it per task (JFR, 1M-customer plan).
  private final String code = name().toLowerCase(Locale.ROOT);

  public String code() {
    return code;
  }

  /** The triggers a tier model lists under {@code triggers:}, by their YAML key. */
  public static Trigger ofKey(String key) {
    for (Trigger t : new Trigger[] {ENTER_TIER, MOVED_DOWN, DORMANT, COMPLAINT, NPS_DETRACTOR, LARGE_FIRST_ORDER}) {
      if (t.key().equals(key)) return t;
    }
    return null;
  }

  /** The YAML key: {@code enter}, {@code moved_down}, {@code dormant}, ... */
  public String key() {
    return this == ENTER_TIER ? "enter" : code();
  }

  /** Tasks of this trigger are touches of the customer, counted against caps; pool rules are work for the owner. */
  public boolean touchesCustomer() {
    return this != POOL_WARNING && this != POOL_RETURN;
  }
}
