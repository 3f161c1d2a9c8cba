package strata.remind;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import strata.i18n.Labels;
import strata.plan.PlanText;

/** A notice in the user's language, from the {@code strata.labels} bundles ({@code remind.*}). */
public final class ReminderText {
  private ReminderText() {}

  /** E.g. "Win-back due 2026-03-10: customer A1" or "逾期 3 天：客户 A1 的挽回（负责人 张伟，2026-03-07 到期）". */
  public static String text(Reminder r, Locale locale) {
    String pattern = Labels.get("remind." + r.kind().code(), locale).replace("'", "''");
    return MessageFormat.format(pattern, PlanText.type(r.type(), locale), r.customerId(), r.due().toString(),
        String.valueOf(r.overdueDays()), r.owner(), r.returnDay() == null ? "" : r.returnDay().toString());
  }

  /**
   * The notice to a customer's new owner, e.g. "客户 A1 已转给你：由 刘强 分配".
   *
   * @param why {@code escalation} (by = the former owner) or {@code bulk} (by = the user who assigned it)
   */
  public static String assigned(String customerId, String why, String by, Locale locale) {
    String pattern = Labels.get("remind.assigned." + why, locale).replace("'", "''");
    return MessageFormat.format(pattern, customerId, by);
  }

  /**
   * The one notice a rep gets when a plan's owner policies gave them customers, e.g. "按分级负责人规则，5 位客户已分配给你：
   * 高价值客户 3，潜力客户 2".
   *
   * @param perTier customers given, by the tier's name in the reader's language, in the order to list them
   */
  public static String policyAssigned(Map<String, Integer> perTier, Locale locale) {
    boolean chinese = locale.getLanguage().equals("zh");
    List<String> tiers = new ArrayList<>();
    int total = 0;
    for (Map.Entry<String, Integer> e : perTier.entrySet()) {
      tiers.add(e.getKey() + " " + e.getValue());
      total += e.getValue();
    }
    String pattern = Labels.get("remind.assigned.policy", locale).replace("'", "''");
    return MessageFormat.format(pattern, String.valueOf(total), String.join(chinese ? "，" : ", ", tiers));
  }
}
