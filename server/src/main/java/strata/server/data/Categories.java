package strata.server.data;

import java.util.Map;
import java.util.TreeMap;

/**
 * Lines per category as stored text: {@code name<TAB>count} lines. Names are user data, so tabs and line breaks in
 * them are replaced by spaces rather than trusted to an escape scheme.
 */
final class Categories {
  private Categories() {}

  static String format(Map<String, Long> lines) {
    StringBuilder sb = new StringBuilder();
    lines.forEach((k, v) -> sb.append(k.replace('\t', ' ').replace('\n', ' ').replace('\r', ' '))
        .append('\t').append(v).append('\n'));
    return sb.toString();
  }

  static Map<String, Long> parse(String text) {
    Map<String, Long> out = new TreeMap<>();
    for (String line : text.split("\n")) {
      int tab = line.lastIndexOf('\t');
      if (tab > 0) out.merge(line.substring(0, tab), Long.parseLong(line.substring(tab + 1)), Long::sum);
    }
    return out;
  }
}
