package strata.scoring;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import strata.i18n.Labels;

/**
 * A scoring setting in the model file is wrong: a stable code (one of the constants below, labels
 * {@code model.error.<code>} like the tier model's) and its values, always {@code key}, the full key path (for
 * example {@code scoring.rfm.buckets}), so the user can fix the file. The message is the English text.
 */
public class ConfigException extends IllegalArgumentException {
  public static final String UNKNOWN_SETTING = "unknown_setting";
  public static final String SETTING_NOT_MAP = "setting_not_map";
  public static final String SETTING_NOT_CHOICE = "setting_not_choice";
  public static final String SETTING_NOT_LIST = "setting_not_list";
  public static final String SETTING_NOT_WHOLE = "setting_not_whole";
  public static final String SETTING_OUT_OF_RANGE = "setting_out_of_range";
  public static final String SETTING_NOT_FINITE = "setting_not_finite";
  public static final String SETTING_NOT_NUMBER = "setting_not_number";
  public static final String SETTING_MISSING = "setting_missing";
  public static final String SETTING_NOT_TRUE_FALSE = "setting_not_true_false";
  public static final String SETTING_ONLY_IN_MODE = "setting_only_in_mode";
  public static final String ABOVE_ZERO_BELOW_ONE = "above_zero_below_one";
  public static final String ABOVE_ZERO_AT_MOST = "above_zero_at_most";
  public static final String ABC_CUTS_SUM = "abc_cuts_sum";
  public static final String NOT_BELOW_OTHER = "not_below_other";
  public static final String MEDIAN_OR_NUMBER = "median_or_number";
  public static final String MEAN_OR_NUMBER = "mean_or_number";
  public static final String WEIGHT_NEGATIVE = "weight_negative";
  public static final String WEIGHTS_ALL_ZERO = "weights_all_zero";
  public static final String INPUT_TWICE = "input_twice";
  public static final String WEIGHT_MISSING = "weight_missing";
  public static final String WEIGHT_ZERO = "weight_zero";
  public static final String BOUNDS_COUNT = "bounds_count";
  public static final String MONEY_DECIMALS = "money_decimals";
  public static final String MONEY_TOO_LARGE = "money_too_large";
  public static final String NOT_ASCENDING = "not_ascending";
  public static final String UNKNOWN_INPUT = "unknown_input";

  private final String code;
  private final Map<String, String> args;

  /** @param namesAndValues the sentence's other values as name, value, name, value … */
  public ConfigException(String code, String key, Object... namesAndValues) {
    this(code, args(key, namesAndValues));
  }

  private ConfigException(String code, Map<String, String> args) {
    super(text(code, args, Locale.ENGLISH));
    this.code = code;
    this.args = args;
  }

  public String code() {
    return code;
  }

  /** The values of the sentence, {@code key} among them. */
  public Map<String, String> args() {
    return args;
  }

  /** The error in {@code locale}. */
  public String text(Locale locale) {
    return text(code, args, locale);
  }

  private static String text(String code, Map<String, String> args, Locale locale) {
    return Labels.fill(Labels.get("model.error." + code, locale), args);
  }

  private static Map<String, String> args(String key, Object... namesAndValues) {
    Map<String, String> args = new LinkedHashMap<>();
    args.put("key", key);
    for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
      args.put(String.valueOf(namesAndValues[i]), String.valueOf(namesAndValues[i + 1]));
    }
    return java.util.Collections.unmodifiableMap(args);
  }
}
