package strata.tier;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Why a tier model cannot be loaded, as data each reader renders in their language ({@link TierModelErrorText}, labels
 * {@code model.error.<code>}): a stable code and the pieces of the sentence.
 *
 * @param code one of the constants below
 * @param args named values: {@code tier} (the offending tier's id, when known), {@code key} (the key at fault, dotted
 *     under a tier, e.g. {@code service.cadence.every_days}), {@code value} (what was written), {@code line} and
 *     {@code column} (1-based, YAML syntax errors), {@code expected} (what may be written) and code-specific ones
 * @param condition why the condition cannot be used when the code is {@link #BAD_CONDITION}, else null
 */
public record TierModelError(String code, Map<String, String> args, ConditionError condition) {
  // The file as a whole.
  public static final String FILE_TOO_LARGE = "file_too_large";
  public static final String NOT_UTF8 = "not_utf8";
  public static final String UNREADABLE = "unreadable";
  public static final String YAML_SYNTAX = "yaml_syntax";
  public static final String YAML_TAB = "yaml_tab";
  public static final String DUPLICATE_KEY = "duplicate_key";
  public static final String YAML_INVALID = "yaml_invalid";
  public static final String NOT_A_MODEL = "not_a_model";
  public static final String UNKNOWN_KEY = "unknown_key";
  public static final String NOT_MAPPING = "not_mapping";
  public static final String NO_TIERS = "no_tiers";
  public static final String TOO_MANY_TIERS = "too_many_tiers";
  // Tiers.
  public static final String TIER_NOT_MAPPING = "tier_not_mapping";
  public static final String BAD_TIER_ID = "bad_tier_id";
  public static final String DUPLICATE_TIER = "duplicate_tier";
  public static final String MISSING_CATCH_ALL = "missing_catch_all";
  public static final String EARLY_CATCH_ALL = "early_catch_all";
  public static final String NOT_LOCALIZED = "not_localized";
  public static final String BAD_CONDITION = "bad_condition";
  public static final String CONDITION_NOT_RUNNABLE = "condition_not_runnable";
  // A tier's service playbook (strata.playbook): values.
  public static final String MISSING = "missing";
  public static final String NOT_TEXT = "not_text";
  public static final String NOT_LIST = "not_list";
  public static final String NOT_WHOLE_NUMBER = "not_whole_number";
  public static final String NEGATIVE = "negative";
  public static final String NOT_NUMBER = "not_number";
  public static final String NOT_TRUE_OR_FALSE = "not_true_or_false";
  public static final String BELOW_MINIMUM = "below_minimum";
  public static final String LISTED_TWICE = "listed_twice";
  // A tier's service playbook: its sections.
  public static final String DORMANT_DAYS = "dormant_days";
  public static final String NPS_OUT_OF_RANGE = "nps_out_of_range";
  public static final String ESCALATION_NEEDS_DAYS = "escalation_needs_days";
  public static final String THEN_NEEDS_AFTER_DAYS = "then_needs_after_days";
  public static final String AFTER_NOT_ABOVE_MANAGER = "after_not_above_manager";
  public static final String MISSING_ACTION = "missing_action";
  public static final String UNKNOWN_ACTION = "unknown_action";
  public static final String REASSIGN_NEEDS_TEAM = "reassign_needs_team";
  public static final String POOL_HAS_NO_OWNER = "pool_has_no_owner";
  public static final String SURVEY_CHANNEL = "survey_channel";
  public static final String SURVEY_INVITES_NOBODY = "survey_invites_nobody";
  public static final String UNKNOWN_POLICY = "unknown_policy";
  public static final String ASSIGN_NEEDS_TEAM = "assign_needs_team";
  public static final String RETURN_NEEDS_DAYS = "return_needs_days";
  public static final String WARN_NOT_BEFORE_RETURN = "warn_not_before_return";
  public static final String UNKNOWN_TRIGGER = "unknown_trigger";
  public static final String WITHIN_BOTH = "within_both";
  public static final String CARE_NOT_LIST = "care_not_list";
  public static final String UNKNOWN_EVENT = "unknown_event";
  public static final String BAD_FIXED_ID = "bad_fixed_id";
  public static final String FIXED_ONLY = "fixed_only";
  public static final String BAD_MONTH_DAY = "bad_month_day";
  public static final String UNKNOWN_CAP = "unknown_cap";
  public static final String MONTH_BELOW_WEEK = "month_below_week";
  public static final String QUIET_HOURS_SAME = "quiet_hours_same";
  public static final String BAD_QUIET_HOURS = "bad_quiet_hours";
  public static final String MISSING_CHANNELS = "missing_channels";
  public static final String NO_CHANNELS = "no_channels";
  public static final String UNKNOWN_CHANNEL = "unknown_channel";
  public static final String UNKNOWN_TASK_TYPE = "unknown_task_type";
  public static final String BAD_EXPERIMENT_ID = "bad_experiment_id";
  public static final String MISSING_SHARE = "missing_share";
  public static final String SHARE_OUT_OF_RANGE = "share_out_of_range";
  public static final String EXPERIMENT_TWICE_IN_TIER = "experiment_twice_in_tier";
  public static final String EXPERIMENT_SHARE_DIFFERS = "experiment_share_differs";
  public static final String EXPERIMENT_DAYS_DIFFERS = "experiment_days_differs";
  public static final String DAYS_OUT_OF_RANGE = "days_out_of_range";
  public static final String MINUTES_OUT_OF_RANGE = "minutes_out_of_range";
  public static final String NOT_A_SHARE = "not_a_share";
  public static final String REP_HOURS_OVER_ONE = "rep_hours_over_one";

  public TierModelError {
    Map<String, String> clipped = new LinkedHashMap<>();
    args.forEach((name, value) -> clipped.put(name, clip(value)));
    args = java.util.Collections.unmodifiableMap(clipped);
  }

  /** An error with {@code args} given as name, value, name, value …. */
  public static TierModelError of(String code, String... namesAndValues) {
    Map<String, String> args = new LinkedHashMap<>();
    for (int i = 0; i + 1 < namesAndValues.length; i += 2) args.put(namesAndValues[i], namesAndValues[i + 1]);
    return new TierModelError(code, args, null);
  }

  /** This error with one more arg (e.g. the tier it was found at); an arg already set wins. */
  TierModelError with(String name, String value) {
    if (value == null || args.containsKey(name)) return this;
    Map<String, String> more = new LinkedHashMap<>(args);
    more.put(name, value);
    return new TierModelError(code, more, condition);
  }

  /** This error with the reason its condition cannot be used. */
  TierModelError withCondition(ConditionError reason) {
    return new TierModelError(code, args, reason);
  }

  /** A hostile 4,000-character value must not come back as a 4,000-character message. */
  private static String clip(String text) {
    if (text == null) return "null";
    return text.codePointCount(0, text.length()) <= 120 ? text : text.substring(0, text.offsetByCodePoints(0, 117)) + "…";
  }
}
