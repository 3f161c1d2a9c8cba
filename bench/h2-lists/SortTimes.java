// The list sorts without an index before migration V22 (h2) and with it, on one H2 file made by setup.sql
// (bench/README.md, "H2 lists"). Run "old" before the indexes of V22 exist and "new" after: the old SQL of some sorts
// is the new SQL, and only the index makes the difference.
import java.sql.*;
import java.util.*;

/** Median wall time of five list pages (after one warm-up; a new offset each pass, as H2 reuses a repeated query's result). */
public class SortTimes {
  static final String COLS = "select r.customer_id, c.name, r.tier, r.monetary_cents, r.composite_score";

  /** A page as CustomerQueries.keyedPage writes it: keys off an index, then the 50 rows and their customers. */
  static String page(String where, String indexOrder, String order) {
    return COLS + " from (select r.run_id, r.customer_id from snapshot_row r where r.run_id = 2" + where + indexOrder
        + " limit 50 offset 0) k join snapshot_row r on r.run_id = k.run_id and r.customer_id = k.customer_id "
        + "left join customer c on c.id = r.customer_id" + order;
  }

  public static void main(String[] a) throws Exception {
    boolean old = a.length > 0 && a[0].equals("old");
    String url = "jdbc:h2:file:" + System.getProperty("db", "/tmp/h2-lists/db") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    String owner = " and r.owner = 'owner7'";
    Map<String, String> cases = new LinkedHashMap<>();
    // The old SQL (commit a464cd1): the run alone in front of any sort but the default, ties always by ascending id.
    // Same SQL for clv and recency: the index of V22 alone makes the difference.
    cases.put("clv desc, page 10", page("", " order by r.run_id, r.clv desc nulls last, r.customer_id", " order by r.clv desc nulls last, r.customer_id"));
    cases.put("one owner, frequency desc, p10", old
        ? page(owner, " order by r.run_id, r.frequency desc, r.customer_id", " order by r.frequency desc, r.customer_id")
        : page(owner, " order by r.run_id, r.owner, r.frequency desc, r.customer_id", " order by r.frequency desc, r.customer_id"));
    cases.put("recency asc, page 10", page("", " order by r.run_id, r.recency_days asc nulls last, r.customer_id", " order by r.recency_days asc nulls last, r.customer_id"));
    cases.put("tier desc, page 10", old
        ? page("", " order by r.run_id, r.tier desc, r.customer_id", " order by r.tier desc, r.customer_id")
        : page("", " order by r.run_id desc, r.tier desc, r.composite_score asc nulls first, r.customer_id desc", " order by r.tier desc, r.composite_score asc nulls first, r.customer_id desc"));
    cases.put("score asc, page 10", old
        ? page("", " order by r.run_id, r.composite_score asc nulls last, r.customer_id", " order by r.composite_score asc nulls last, r.customer_id")
        : page("", " order by r.run_id desc, r.composite_score asc nulls first, r.customer_id desc", " order by r.composite_score asc nulls first, r.customer_id desc"));
    int first = Integer.getInteger("cases", cases.size()); // the old SQL takes minutes a case: the first n only
    try (Connection c = DriverManager.getConnection(url, "sa", "")) {
      for (var e : new ArrayList<>(cases.entrySet()).subList(0, first)) {
        double[] t = new double[5];
        for (int pass = 0; pass < 6; pass++) {
          long s = System.nanoTime();
          int n = 0;
          try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(e.getValue().replace("offset 0", "offset " + (500 + 50 * pass)))) { while (rs.next()) n++; }
          if (n != 50) throw new AssertionError(e.getKey() + " " + n);
          if (pass > 0) t[pass - 1] = (System.nanoTime() - s) / 1e6; // pass 0 warms up
        }
        Arrays.sort(t);
        System.out.printf("%s %-32s median %9.1f ms (min %.1f, max %.1f)%n", old ? "old" : "new", e.getKey(), t[2], t[0], t[4]);
      }
    }
  }
}
