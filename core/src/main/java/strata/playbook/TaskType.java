package strata.playbook;

import java.util.Locale;

/** What the owner is asked to do. */
public enum TaskType {
  FOLLOW_UP, WELCOME, WIN_BACK, REACTIVATE, RECOVERY, THANK_YOU, GREETING, GIFT, POOL_WARNING, POOL_RETURN;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static TaskType of(String code) {
    for (TaskType t : values()) {
      if (t.code().equals(code)) return t;
    }
    return null;
  }

  /** The task a trigger gives unless the model says otherwise. */
  public static TaskType defaultFor(Trigger trigger) {
    return switch (trigger) {
      case COMPLAINT, NPS_DETRACTOR -> RECOVERY;
      case MOVED_DOWN -> WIN_BACK;
      case ENTER_TIER -> WELCOME;
      case DORMANT -> REACTIVATE;
      case LARGE_FIRST_ORDER -> THANK_YOU;
      case CARE -> GREETING;
      case CADENCE, MANUAL -> FOLLOW_UP;
      case POOL_WARNING -> POOL_WARNING;
      case POOL_RETURN -> POOL_RETURN;
    };
  }
}
