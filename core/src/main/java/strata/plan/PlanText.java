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
    boolean zh = chinese(locale);
    Reason why = task.why();
    StringBuilder sb = new StringBuilder(why.tier()).append(zh ? "：" : ": ");
    sb.append(Labels.get("plan.trigger." + why.trigger().code(), locale));
    if (!why.detail().isEmpty()) sb.append(' ').append(why.detail());
    if (!why.values().isEmpty()) {
      sb.append(zh ? "（" : " (");
      for (int i = 0; i < why.values().size(); i++) {
        if (i > 0) sb.append(", ");
        sb.append(why.values().get(i).name()).append('=').append(why.values().get(i).value());
      }
      sb.append(zh ? "）" : ")");
    }
    String purpose = why.purpose().text(zh);
    if (!purpose.isEmpty()) sb.append(zh ? "——" : " — ").append(purpose);
    if (task.status() == PlannedTask.Status.CANCELLED && task.stoppedBy() != null) {
      sb.append(zh ? "；取消：" : "; cancelled: ").append(stop(task.stoppedBy(), locale));
    }
    return sb.toString();
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

  private static boolean chinese(Locale locale) {
    return locale != null && locale.getLanguage().equals("zh");
  }
}
