package strata.server.data;

import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Lines per category as stored text (customer_summary.categories): a JSON object, {@code {"name": count}}. Rows stored
 * before it hold {@code name<TAB>count} lines; they still read, since JSON text never holds a raw tab and such a row
 * always does (an empty map was stored as an empty text).
 */
final class Categories {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  /** The type resolved once: its lookup per call showed in the profile of a run reading 1M summaries. */
  private static final ObjectReader MAP = JSON.readerFor(new TypeReference<TreeMap<String, Long>>() {});

  private Categories() {}

  static String format(Map<String, Long> lines) {
    return JSON.writeValueAsString(new TreeMap<>(lines));
  }

  static Map<String, Long> parse(String text) {
    if (text.isEmpty() || text.indexOf('\t') >= 0) return parseTabbed(text);
    return MAP.readValue(text);
  }

  /** The format before JSON: names had tabs and line breaks replaced by spaces, so a name never holds either. */
  private static Map<String, Long> parseTabbed(String text) {
    Map<String, Long> out = new TreeMap<>();
    for (String line : text.split("\n")) {
      int tab = line.lastIndexOf('\t');
      if (tab > 0) out.merge(line.substring(0, tab), Long.parseLong(line.substring(tab + 1)), Long::sum);
    }
    return out;
  }
}
