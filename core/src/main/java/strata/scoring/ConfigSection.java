package strata.scoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One map of a parsed YAML file (as snakeyaml returns it), read with errors that name the full key
 * path. Shared by the scoring configs so they all reject unknown keys and bad values the same way.
 */
public final class ConfigSection {
  private final String path;
  private final Map<String, ?> map;

  private ConfigSection(String path, Map<String, ?> map) {
    this.path = path;
    this.map = map == null ? Map.of() : map;
  }

  /**
   * @param path key path of this section, for messages (e.g. {@code scoring.rfm})
   * @param map the section as parsed; {@code null} reads as empty (all defaults)
   */
  public static ConfigSection of(String path, Map<String, ?> map) {
    return new ConfigSection(path, map);
  }

  /** Full key path of {@code key}, for messages. */
  public String path(String key) {
    return path + "." + key;
  }

  public boolean has(String key) {
    return map.get(key) != null;
  }

  /** Keys of this section in file order. */
  public List<String> keys() {
    return new ArrayList<>(map.keySet());
  }

  /** @throws ConfigException naming the first key that is not one of {@code known} */
  public void allowOnly(String... known) {
    Set<String> allowed = new TreeSet<>(List.of(known));
    for (Object key : map.keySet()) {
      if (!allowed.contains(String.valueOf(key))) {
        throw new ConfigException(ConfigException.UNKNOWN_SETTING, path(String.valueOf(key)),
            "expected", String.join(", ", allowed));
      }
    }
  }

  /** Nested section; empty if the key is absent. */
  public ConfigSection section(String key) {
    Object value = map.get(key);
    if (value == null) {
      return new ConfigSection(path(key), Map.of());
    }
    if (!(value instanceof Map<?, ?> nested)) {
      throw new ConfigException(ConfigException.SETTING_NOT_MAP, path(key), "value", describe(value));
    }
    Map<String, Object> copy = new LinkedHashMap<>();
    nested.forEach((k, v) -> copy.put(String.valueOf(k), v));
    return new ConfigSection(path(key), copy);
  }

  /** The raw value (number, string, list, map) or {@code null}. */
  public Object raw(String key) {
    return map.get(key);
  }

  public int intValue(String key, int defaultValue, int min, int max) {
    if (!has(key)) {
      return defaultValue;
    }
    return toInt(path(key), map.get(key), min, max);
  }

  public double doubleValue(String key, double defaultValue, double min, double max) {
    if (!has(key)) {
      return defaultValue;
    }
    return toDouble(path(key), map.get(key), min, max);
  }

  /** A word from {@code choices}; the default if absent. */
  public String choice(String key, String defaultValue, String... choices) {
    if (!has(key)) {
      return defaultValue;
    }
    Object value = map.get(key);
    for (String choice : choices) {
      if (choice.equals(value)) {
        return choice;
      }
    }
    throw new ConfigException(ConfigException.SETTING_NOT_CHOICE, path(key), "expected", String.join(", ", choices),
        "value", describe(value));
  }

  /** A list; empty if absent. */
  public List<?> list(String key) {
    Object value = map.get(key);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> list)) {
      throw new ConfigException(ConfigException.SETTING_NOT_LIST, path(key), "value", describe(value));
    }
    return list;
  }

  /** Converts one YAML scalar to an int in [min, max]. */
  public static int toInt(String path, Object value, int min, int max) {
    BigDecimal number = toDecimal(path, value);
    if (number.stripTrailingZeros().scale() > 0) {
      throw new ConfigException(ConfigException.SETTING_NOT_WHOLE, path, "value", describe(value));
    }
    if (number.compareTo(BigDecimal.valueOf(min)) < 0 || number.compareTo(BigDecimal.valueOf(max)) > 0) {
      throw new ConfigException(ConfigException.SETTING_OUT_OF_RANGE, path, "min", min, "max", max,
          "value", describe(value));
    }
    return number.intValueExact();
  }

  /** Converts one YAML scalar to a finite double in [min, max]. */
  public static double toDouble(String path, Object value, double min, double max) {
    double number = toDecimal(path, value).doubleValue();
    if (number < min || number > max) {
      throw new ConfigException(ConfigException.SETTING_OUT_OF_RANGE, path, "min", plain(min), "max", plain(max),
          "value", describe(value));
    }
    return number;
  }

  /** Converts one YAML scalar to an exact decimal; only numbers are accepted, not quoted strings. */
  public static BigDecimal toDecimal(String path, Object value) {
    if (value instanceof Double d) {
      if (!Double.isFinite(d)) {
        throw new ConfigException(ConfigException.SETTING_NOT_FINITE, path, "value", describe(value));
      }
      // Double.toString gives the shortest decimal that reads back to d: "0.8", not 0.8000000000000000444.
      return new BigDecimal(d.toString());
    }
    if (value instanceof Float f) {
      return toDecimal(path, f.doubleValue());
    }
    if (value instanceof Number n) {
      return new BigDecimal(n.toString());
    }
    throw new ConfigException(ConfigException.SETTING_NOT_NUMBER, path, "value", describe(value));
  }

  static String describe(Object value) {
    if (value instanceof String s) {
      return "'" + s + "'";
    }
    return String.valueOf(value);
  }

  private static String plain(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }
}
