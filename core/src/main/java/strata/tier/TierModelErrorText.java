package strata.tier;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import strata.i18n.Labels;

/**
 * A {@link TierModelError} as a sentence from the labels bundles ({@code model.error.<code>}), e.g. "tier 'gold':
 * service.cadence.every_days: must be at least 1, got 0" / "等级 'gold'：service.cadence.every_days：至少为 1，实际为 0".
 * Placeholders are named ({@code {key}}), as in {@link ConditionErrorText}.
 */
public final class TierModelErrorText {
  private TierModelErrorText() {}

  public static String render(TierModelError error, Locale locale) {
    Map<String, String> args = new HashMap<>(error.args());
    if (error.condition() != null) args.put("reason", reason(error.condition(), locale));
    String template = Labels.get("model.error." + error.code(), locale);
    String text = Labels.fill(template, args);
    // Errors about one tier say which, unless their sentence names it already (tier 'a' is defined twice, tier #2 …).
    String tier = error.args().get("tier");
    if (tier == null || template.contains("{tier}") || template.contains("{position}")) return text;
    return Labels.fill(Labels.get("model.where.tier", locale), Map.of("tier", tier)) + text;
  }

  private static String reason(ConditionError condition, Locale locale) {
    String text = ConditionErrorText.render(condition, locale);
    if (condition.code().equals(ConditionError.UNKNOWN_METRIC) && !condition.args().containsKey("suggestion")) {
      text += Labels.fill(Labels.get("model.hint.known_metrics", locale), Map.of("metrics",
          String.join(", ", Arrays.stream(Metric.values()).map(Metric::variable).toList())));
    }
    return text;
  }
}
