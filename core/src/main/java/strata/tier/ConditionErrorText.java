package strata.tier;

import java.util.Locale;
import java.util.Map;
import strata.i18n.Labels;

/**
 * A {@link ConditionError} as a plain sentence from the labels bundles ({@code condition.error.<code>}), e.g.
 * "a value is missing after `>`" / "`>` 后面缺少数值". Placeholders are named ({@code {token}}), not positional, so the
 * same args serve the web UI's message bundle.
 */
public final class ConditionErrorText {
  private ConditionErrorText() {}

  public static String render(ConditionError error, Locale locale) {
    String text = Labels.get("condition.error." + error.code(), locale);
    if (error.code().equals(ConditionError.UNKNOWN_METRIC) && error.args().containsKey("suggestion")) {
      text += Labels.get("condition.error.did_you_mean", locale);
    }
    for (Map.Entry<String, String> arg : error.args().entrySet()) {
      String value = arg.getKey().equals("left") || arg.getKey().equals("right") || arg.getKey().equals("type")
          ? typeName(arg.getValue(), locale) : arg.getValue();
      text = text.replace("{" + arg.getKey() + "}", value);
    }
    return text;
  }

  /** A CEL type name for people (int → 整数); unknown ones as written. */
  private static String typeName(String celType, Locale locale) {
    String label = Labels.get("condition.type." + celType, locale);
    return label.equals("condition.type." + celType) ? celType : label;
  }
}
