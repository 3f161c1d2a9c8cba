package strata.server.customer;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import strata.server.security.Viewer;

/**
 * How many customers each value of a filter would show, for the counts in the list's filter dropdowns. Each facet is
 * counted with every other filter applied but not its own (so choosing a tier still shows the other tiers' counts),
 * within the viewer's scope.
 */
@Service
class CustomerFacets {
  /** The facets in {@link CustomerFilter#KEYS} order: every filter but the search. */
  private static final List<String> FACETS = CustomerFilter.KEYS.stream()
      .filter(CustomerFilter.COLUMNS::containsKey).toList();

  private final JdbcClient db;

  CustomerFacets(JdbcClient db) {
    this.db = db;
  }

  /** @return per filter key, its values (customers without one left out) and their counts, largest first */
  Map<String, Map<String, Long>> count(CustomerFilter f, Viewer v) {
    // One grouped scan over all facet columns with only the search applied: the facet filters are equalities, so
    // each facet's counts under the other filters follow from the combinations here. Seven grouped scans of the
    // snapshot, one per facet, cost an admin about 0.3-0.65 s each at 400k customers (bench/server-explain.sql).
    CustomerFilter searchOnly = new CustomerFilter(f.runId(), null, null, null, null, null, null, null, f.q());
    CustomerFilter.Sql from = searchOnly.from(v, false);
    String columns = String.join(", ", FACETS.stream().map(CustomerFilter.COLUMNS::get).toList());
    String[] wanted = FACETS.stream().map(k -> value(f, k)).toArray(String[]::new);
    List<Map<String, Long>> counts = new ArrayList<>();
    for (int k = 0; k < FACETS.size(); k++) counts.add(new HashMap<>());
    db.sql("select " + columns + ", count(*)" + from.text() + " group by " + columns).params(from.params())
        .query((ResultSet rs) -> {
          String[] values = new String[FACETS.size()];
          for (int k = 0; k < values.length; k++) values[k] = rs.getString(k + 1);
          long n = rs.getLong(values.length + 1);
          for (int k = 0; k < values.length; k++) {
            if (values[k] != null && othersMatch(values, wanted, k)) counts.get(k).merge(values[k], n, Long::sum);
          }
        });
    Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
    for (int k = 0; k < FACETS.size(); k++) facets.put(FACETS.get(k), largestFirst(counts.get(k)));
    return facets;
  }

  private static boolean othersMatch(String[] values, String[] wanted, int facet) {
    for (int j = 0; j < values.length; j++) {
      if (j != facet && wanted[j] != null && !wanted[j].equals(values[j])) return false;
    }
    return true;
  }

  private static Map<String, Long> largestFirst(Map<String, Long> counts) {
    Map<String, Long> out = new LinkedHashMap<>();
    counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
        .thenComparing(Map.Entry.comparingByKey())).forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  /** The filter's value on a facet; null (no filter) for a blank one, as the list's query treats it. */
  private static String value(CustomerFilter f, String key) {
    String v = switch (key) {
      case "tier" -> f.tier();
      case "segment" -> f.segment();
      case "segment11" -> f.segment11();
      case "lifecycle" -> f.lifecycle();
      case "abc" -> f.abc();
      case "quadrant" -> f.quadrant();
      case "owner" -> f.owner();
      default -> throw new IllegalArgumentException("not a facet: " + key);
    };
    return v == null || v.isBlank() ? null : v;
  }
}
