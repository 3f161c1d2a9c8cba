package strata.playbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Typed reads of SnakeYAML values with errors that name the key. */
final class Yaml {
  private Yaml() {}

  static Map<?, ?> map(String at, Object value) {
    if (value instanceof Map<?, ?> m) return m;
    throw new PlaybookException(at, "not_mapping");
  }

  static void onlyKeys(String at, Map<?, ?> m, String... known) {
    for (Object key : m.keySet()) {
      if (!List.of(known).contains(String.valueOf(key))) {
        String path = at.isEmpty() ? String.valueOf(key) : at + "." + key;
        throw new PlaybookException(path, "unknown_key", "expected", String.join(", ", known));
      }
    }
  }

  static String text(String at, Object value) {
    if (value instanceof String s && !s.isBlank()) return s.strip();
    if (value instanceof Number || value instanceof Boolean) return String.valueOf(value);
    throw new PlaybookException(at, value == null ? "missing" : "not_text");
  }

  static List<String> texts(String at, Object value) {
    if (!(value instanceof List<?> list)) throw new PlaybookException(at, "not_list");
    List<String> out = new ArrayList<>();
    for (Object item : list) out.add(text(at, item));
    return List.copyOf(out);
  }

  /** A whole number of 0 or more; {@code fallback} when absent. */
  static int count(String at, Object value, int fallback) {
    if (value == null) return fallback;
    if (!(value instanceof Integer i)) throw new PlaybookException(at, "not_whole_number", "value", String.valueOf(value));
    if (i < 0) throw new PlaybookException(at, "negative", "value", String.valueOf(i));
    return i;
  }

  static double amount(String at, Object value) {
    if (!(value instanceof Number n)) throw new PlaybookException(at, value == null ? "missing" : "not_number", "value", String.valueOf(value));
    if (!(n.doubleValue() >= 0) || Double.isInfinite(n.doubleValue())) {
      throw new PlaybookException(at, "negative", "value", String.valueOf(n));
    }
    return n.doubleValue();
  }
}
