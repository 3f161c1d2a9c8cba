package strata.rfm;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import strata.scoring.ConfigException;
import strata.scoring.ConfigSection;

/**
 * How R, F and M scores are made, and where the classic eight segments split "high" from "low".
 *
 * <p>YAML section {@code scoring.rfm}, every key optional:
 *
 * <pre>
 * scoring:
 *   rfm:
 *     mode: percentile        # or thresholds
 *     buckets: 5              # percentile mode only, 2..10
 *     recency_days: [30, 90, 180, 365]   # thresholds mode: R = 5 if days &lt;= 30, 4 if &lt;= 90, ... 1 beyond
 *     frequency: [2, 3, 5, 10]           # thresholds mode: F = 1 + number of bounds &lt;= purchases
 *     monetary: [100, 500, 1000, 5000]   # thresholds mode, currency units: M = 1 + bounds &lt;= spend
 *     segment_cut: mean       # or a number: a score is "high" when strictly greater than the cut
 * </pre>
 *
 * @param mode percentile ranks or fixed thresholds
 * @param buckets score levels in percentile mode (2..10)
 * @param recencyDayLimits thresholds mode: ascending day limits, empty in percentile mode
 * @param frequencyBounds thresholds mode: ascending lower bounds on purchase count
 * @param monetaryBoundsCents thresholds mode: ascending lower bounds on spend, in cents
 * @param segmentCut empty: "high" means above the mean score of the dimension; else above this value
 */
public record RfmConfig(
    Mode mode,
    int buckets,
    List<Integer> recencyDayLimits,
    List<Integer> frequencyBounds,
    List<Long> monetaryBoundsCents,
    OptionalDouble segmentCut) {

  /** YAML path of this section, used in error messages. */
  public static final String SECTION = "scoring.rfm";

  /** Most bounds per dimension in thresholds mode, so scores stay within 1..10. */
  public static final int MAX_BOUNDS = 9;

  private static final BigDecimal MAX_MONEY_UNITS = BigDecimal.valueOf(1_000_000_000_000L);

  /** How scores are made. */
  public enum Mode {
    PERCENTILE("percentile"),
    THRESHOLDS("thresholds");

    private final String code;

    Mode(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }
  }

  public RfmConfig {
    recencyDayLimits = List.copyOf(recencyDayLimits);
    frequencyBounds = List.copyOf(frequencyBounds);
    monetaryBoundsCents = List.copyOf(monetaryBoundsCents);
    if (mode == Mode.PERCENTILE && (buckets < 2 || buckets > 10)) {
      throw new ConfigException(ConfigException.SETTING_OUT_OF_RANGE, SECTION + ".buckets", "min", 2, "max", 10,
          "value", buckets);
    }
    if (mode == Mode.THRESHOLDS) {
      checkAscending("recency_days", recencyDayLimits);
      checkAscending("frequency", frequencyBounds);
      checkAscending("monetary", monetaryBoundsCents);
    }
    if (segmentCut.isPresent() && !(segmentCut.getAsDouble() >= 0 && segmentCut.getAsDouble() <= 10)) {
      throw new ConfigException(ConfigException.MEAN_OR_NUMBER, SECTION + ".segment_cut", "value",
          segmentCut.getAsDouble());
    }
  }

  /** Percentile mode, 5 buckets, segments split at the mean score. */
  public static RfmConfig defaults() {
    return new RfmConfig(Mode.PERCENTILE, 5, List.of(), List.of(), List.of(), OptionalDouble.empty());
  }

  /**
   * Thresholds mode from code rather than YAML.
   *
   * @param monetaryBoundsCents lower bounds on spend in cents
   */
  public static RfmConfig thresholds(
      List<Integer> recencyDayLimits, List<Integer> frequencyBounds, List<Long> monetaryBoundsCents) {
    return new RfmConfig(
        Mode.THRESHOLDS, 0, recencyDayLimits, frequencyBounds, monetaryBoundsCents, OptionalDouble.empty());
  }

  /**
   * Reads the {@code scoring.rfm} section.
   *
   * @param map the section as parsed by snakeyaml; {@code null} or empty gives {@link #defaults()}
   * @throws ConfigException naming the key path of the first bad or unknown setting
   */
  public static RfmConfig fromMap(Map<String, ?> map) {
    ConfigSection section = ConfigSection.of(SECTION, map);
    section.allowOnly("mode", "buckets", "recency_days", "frequency", "monetary", "segment_cut");
    Mode mode = "thresholds".equals(section.choice("mode", "percentile", "percentile", "thresholds"))
        ? Mode.THRESHOLDS
        : Mode.PERCENTILE;
    OptionalDouble cut = readCut(section);
    if (mode == Mode.PERCENTILE) {
      for (String key : List.of("recency_days", "frequency", "monetary")) {
        if (section.has(key)) {
          throw new ConfigException(ConfigException.SETTING_ONLY_IN_MODE, section.path(key), "mode", "thresholds");
        }
      }
      int buckets = section.intValue("buckets", 5, 2, 10);
      return new RfmConfig(mode, buckets, List.of(), List.of(), List.of(), cut);
    }
    if (section.has("buckets")) {
      throw new ConfigException(ConfigException.SETTING_ONLY_IN_MODE, section.path("buckets"), "mode", "percentile");
    }
    List<Integer> recency = readInts(section, "recency_days", 0);
    List<Integer> frequency = readInts(section, "frequency", 1);
    List<Long> monetary = readCents(section, "monetary");
    return new RfmConfig(mode, 0, recency, frequency, monetary, cut);
  }

  private static OptionalDouble readCut(ConfigSection section) {
    Object raw = section.raw("segment_cut");
    if (raw == null || "mean".equals(raw)) {
      return OptionalDouble.empty();
    }
    if (!(raw instanceof Number)) {
      throw new ConfigException(ConfigException.MEAN_OR_NUMBER, section.path("segment_cut"), "value", "'" + raw + "'");
    }
    return OptionalDouble.of(ConfigSection.toDouble(section.path("segment_cut"), raw, 0, 10));
  }

  private static List<?> requiredList(ConfigSection section, String key) {
    List<?> raw = section.list(key);
    if (raw.isEmpty() || raw.size() > MAX_BOUNDS) {
      throw new ConfigException(ConfigException.BOUNDS_COUNT, section.path(key), "max", MAX_BOUNDS, "value",
          raw.size());
    }
    return raw;
  }

  private static List<Integer> readInts(ConfigSection section, String key, int min) {
    List<?> raw = requiredList(section, key);
    List<Integer> values = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      values.add(ConfigSection.toInt(section.path(key) + "[" + i + "]", raw.get(i), min, Integer.MAX_VALUE));
    }
    return values;
  }

  private static List<Long> readCents(ConfigSection section, String key) {
    List<?> raw = requiredList(section, key);
    List<Long> cents = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      String path = section.path(key) + "[" + i + "]";
      BigDecimal units = ConfigSection.toDecimal(path, raw.get(i));
      if (units.stripTrailingZeros().scale() > 2) {
        throw new ConfigException(ConfigException.MONEY_DECIMALS, path, "value", raw.get(i));
      }
      if (units.abs().compareTo(MAX_MONEY_UNITS) > 0) {
        throw new ConfigException(ConfigException.MONEY_TOO_LARGE, path, "value", raw.get(i));
      }
      cents.add(units.movePointRight(2).longValueExact());
    }
    return cents;
  }

  private static void checkAscending(String key, List<? extends Number> bounds) {
    if (bounds.isEmpty() || bounds.size() > MAX_BOUNDS) {
      throw new ConfigException(ConfigException.BOUNDS_COUNT, SECTION + "." + key, "max", MAX_BOUNDS, "value",
          bounds.size());
    }
    for (int i = 1; i < bounds.size(); i++) {
      if (bounds.get(i).longValue() <= bounds.get(i - 1).longValue()) {
        throw new ConfigException(ConfigException.NOT_ASCENDING, SECTION + "." + key, "index", i,
            "value", shown(key, bounds.get(i)), "previous", shown(key, bounds.get(i - 1)));
      }
    }
  }

  /** Monetary bounds are kept in cents but shown in the currency units the user wrote. */
  private static String shown(String key, Number bound) {
    return "monetary".equals(key) ? BigDecimal.valueOf(bound.longValue(), 2).toPlainString() : bound.toString();
  }
}
