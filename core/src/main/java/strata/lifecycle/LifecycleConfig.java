package strata.lifecycle;

import java.util.List;
import java.util.Map;
import strata.scoring.ConfigException;
import strata.scoring.ConfigSection;

/**
 * Day and gap thresholds for lifecycle stages. YAML section {@code scoring.lifecycle}, keys optional:
 *
 * <pre>
 * scoring:
 *   lifecycle:
 *     mode: relative     # or days
 *     new_days: 90       # new: first purchase at most 90 days before the as-of date
 *     dormant_days: 90   # dormant once recency exceeds max(90 days, 2 typical gaps)
 *     churned_days: 365  # churned once recency exceeds max(365 days, 4 typical gaps)
 *     dormant_gaps: 2.0  # relative mode only
 *     churned_gaps: 4.0  # relative mode only
 * </pre>
 *
 * In {@code days} mode the gap settings are not used: dormant after {@code dormant_days}, churned
 * after {@code churned_days}, for everyone.
 *
 * @param newDays a customer is new while the first purchase is at most this many days old
 * @param dormantDays least recency (days) beyond which a customer is dormant
 * @param churnedDays least recency (days) beyond which a customer is churned; at least dormantDays
 * @param dormantGaps relative mode: dormant beyond this many typical gaps, if that is longer
 * @param churnedGaps relative mode: churned beyond this many typical gaps; at least dormantGaps
 */
public record LifecycleConfig(
    Mode mode, int newDays, int dormantDays, int churnedDays, double dormantGaps, double churnedGaps) {

  public static final String SECTION = "scoring.lifecycle";

  /** Longest threshold accepted, in days (100 years). */
  public static final int MAX_DAYS = 36_500;

  /** Whether thresholds stretch with each customer's own buying rhythm. */
  public enum Mode {
    /** Thresholds scale with the customer's typical gap between purchase days. */
    RELATIVE("relative"),
    /** Fixed day thresholds for every customer. */
    DAYS("days");

    private final String code;

    Mode(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }
  }

  public LifecycleConfig {
    checkDays("new_days", newDays);
    checkDays("dormant_days", dormantDays);
    checkDays("churned_days", churnedDays);
    if (churnedDays < dormantDays) {
      throw new ConfigException(ConfigException.NOT_BELOW_OTHER, SECTION + ".churned_days", "value", churnedDays,
          "other_key", "dormant_days", "other", dormantDays);
    }
    checkGaps("dormant_gaps", dormantGaps);
    checkGaps("churned_gaps", churnedGaps);
    if (churnedGaps < dormantGaps) {
      throw new ConfigException(ConfigException.NOT_BELOW_OTHER, SECTION + ".churned_gaps", "value", churnedGaps,
          "other_key", "dormant_gaps", "other", dormantGaps);
    }
  }

  /** Relative mode; new 90 days; dormant max(90 days, 2 gaps); churned max(365 days, 4 gaps). */
  public static LifecycleConfig defaults() {
    return new LifecycleConfig(Mode.RELATIVE, 90, 90, 365, 2.0, 4.0);
  }

  /**
   * Reads the {@code scoring.lifecycle} section.
   *
   * @param map the section as parsed by snakeyaml; {@code null} or empty gives {@link #defaults()}
   * @throws ConfigException naming the key path of the first bad or unknown setting
   */
  public static LifecycleConfig fromMap(Map<String, ?> map) {
    ConfigSection section = ConfigSection.of(SECTION, map);
    section.allowOnly("mode", "new_days", "dormant_days", "churned_days", "dormant_gaps", "churned_gaps");
    Mode mode = "days".equals(section.choice("mode", "relative", "relative", "days")) ? Mode.DAYS : Mode.RELATIVE;
    LifecycleConfig d = defaults();
    if (mode == Mode.DAYS) {
      for (String key : List.of("dormant_gaps", "churned_gaps")) {
        if (section.has(key)) {
          throw new ConfigException(ConfigException.SETTING_ONLY_IN_MODE, section.path(key), "mode", "relative");
        }
      }
    }
    return new LifecycleConfig(
        mode,
        section.intValue("new_days", d.newDays, 0, MAX_DAYS),
        section.intValue("dormant_days", d.dormantDays, 0, MAX_DAYS),
        section.intValue("churned_days", d.churnedDays, 0, MAX_DAYS),
        section.doubleValue("dormant_gaps", d.dormantGaps, 0, 1000),
        section.doubleValue("churned_gaps", d.churnedGaps, 0, 1000));
  }

  private static void checkDays(String key, int days) {
    if (days < 0 || days > MAX_DAYS) {
      throw new ConfigException(ConfigException.SETTING_OUT_OF_RANGE, SECTION + "." + key, "min", 0, "max", MAX_DAYS,
          "value", days);
    }
  }

  private static void checkGaps(String key, double gaps) {
    if (!(gaps > 0 && gaps <= 1000)) {
      throw new ConfigException(ConfigException.ABOVE_ZERO_AT_MOST, SECTION + "." + key, "max", 1000, "value", gaps);
    }
  }
}
