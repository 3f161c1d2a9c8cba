package strata.plan;

import java.text.MessageFormat;
import java.util.Locale;
import strata.i18n.Labels;
import strata.playbook.Channel;
import strata.playbook.TaskType;

/**
 * Renders a task's structured reason in the user's language, in the spirit of {@code tier_reason}: the tier, the
 * trigger and the values read, then the playbook's purpose, e.g. {@code at_risk: Moved down (lifecycle_stage=dormant,
 * previous_tier=high_value, tier=at_risk) — win them back}. Labels come from the {@code strata.labels} bundles.
 */
public final class PlanText {
  private PlanText() {}

  /** The reason column of tasks.csv. */
  public static String reason(PlannedTask task, Locale locale) {
    Reason why = task.why();
    String trigger = Labels.get("plan.trigger." + why.trigger().code(), locale);
    if (!why.detail().isEmpty()) trigger += " " + why.detail();
    StringBuilder sb =
        new StringBuilder(Labels.text("plan.reason.head", locale, "tier", why.tier(), "trigger", trigger));
    if (!why.values().isEmpty()) {
      StringBuilder values = new StringBuilder();
      for (int i = 0; i < why.values().size(); i++) {
        if (i > 0) values.append(", ");
        values.append(why.values().get(i).name()).append('=').append(why.values().get(i).value());
      }
      sb.append(Labels.text("plan.reason.values", locale, "values", values));
    }
    String purpose = why.purpose().text(chinese(locale));
    if (!purpose.isEmpty()) sb.append(Labels.text("plan.reason.purpose", locale, "purpose", purpose));
    if (task.status() == PlannedTask.Status.CANCELLED && task.stoppedBy() != null) {
      sb.append(cancelled(task.stoppedBy(), locale));
    }
    return sb.toString();
  }

  /**
   * What a cancelled task's reason ends with, e.g. "; cancelled: tier changed at_risk": a suffix, as the server appends
   * it to the reason a task already stores.
   */
  public static String cancelled(StopReason stop, Locale locale) {
    return Labels.text("plan.reason.cancelled", locale, "stop", stop(stop, locale));
  }

  /** Why a task was stopped, e.g. "over the cap phone/week<=1" or "缺少电话 phone". */
  public static String stop(StopReason stop, Locale locale) {
    String label = Labels.get("plan.stop." + stop.code(), locale);
    return stop.detail().isEmpty() ? label : label + " " + stop.detail();
  }

  public static String type(TaskType type, Locale locale) {
    return Labels.get("plan.type." + type.code(), locale);
  }

  public static String channel(Channel channel, Locale locale) {
    return channel == null ? "" : Labels.get("plan.channel." + channel.code(), locale);
  }

  public static String warning(Plan.Warning w, Locale locale) {
    return MessageFormat.format(Labels.get("plan.warning." + w.code(), locale).replace("'", "''"), w.detail(),
        String.valueOf(w.count()));
  }

  /** Which of the playbook's own two texts (written in the model file, not a bundle) the reader gets. */
  private static boolean chinese(Locale locale) {
    return locale != null && locale.getLanguage().equals("zh");
  }
}
