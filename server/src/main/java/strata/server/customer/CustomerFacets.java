package strata.server.customer;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import strata.server.security.Viewer;

/**
 * How many customers each value of a filter would show, for the counts in the list's filter dropdowns. Each facet is
 * counted with every other filter applied but not its own (so choosing a tier still shows the other tiers' counts),
 * by one grouped query on the snapshot, within the viewer's scope.
 */
@Service
class CustomerFacets {
  private final JdbcClient db;
  private final SearchGrams grams;

  CustomerFacets(JdbcClient db, SearchGrams grams) {
    this.db = db;
    this.grams = grams;
  }

  /** @return per filter key, its values (customers without one left out) and their counts, largest first */
  Map<String, Map<String, Long>> count(CustomerFilter f, Viewer v) {
    Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
    SearchGrams.Gram gram = grams.pick(f.q());
    for (String key : CustomerFilter.KEYS) {
      String column = CustomerFilter.COLUMNS.get(key);
      if (column == null) continue; // the search has no values to count
      // Without the customer table unless searching: with run_id and the owner first in the snapshot's indexes,
      // a sales user's facet is an index range (bench/server-explain.sql, "facets").
      CustomerFilter.Sql from = f.without(key).from(v, false, gram);
      Map<String, Long> counts = new LinkedHashMap<>();
      db.sql("select " + column + ", count(*)" + from.text() + " and " + column + " is not null group by " + column
              + " order by count(*) desc, " + column).params(from.params())
          .query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2))).list();
      facets.put(key, counts);
    }
    return facets;
  }
}
