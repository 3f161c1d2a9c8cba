// The name sort and the text search (q=) before migration V26 (h2) and with it, on one H2 file made by setup.sql and
// search-names.sql (bench/README.md, "H2 lists: the name sort and the search"). Run "old" before V26 and "new" after.
// Each case is what one list request asks of H2, as CustomerQueries writes it: for a search the capped count and the
// page (and, new, the choice of a long search's rarest gram); for the name sort the capped count and the page.
import java.sql.*;
import java.util.*;

public class SearchTimes {
  static final String COLS = "select r.customer_id, c.name, r.tier, r.monetary_cents, r.composite_score";
  static final String BY_SCORE = " order by r.composite_score desc nulls last, r.customer_id";

  public static void main(String[] a) throws Exception {
    boolean old = a.length > 0 && a[0].equals("old");
    String url = "jdbc:h2:file:" + System.getProperty("db", "/tmp/h2-lists/db") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    try (Connection c = DriverManager.getConnection(url, "sa", "")) {
      Map<String, java.util.function.IntFunction<List<String>>> cases = new LinkedHashMap<>();
      cases.put("name A to Z, page 10", off -> List.of(count(""), old
          ? COLS + " from snapshot_row r left join customer c on c.id = r.customer_id where r.run_id = 2 order by c.name asc nulls last, r.customer_id limit 50 offset " + off
          : nameKeys("", "", off)));
      cases.put("name Z to A, page 10", off -> List.of(count(""), old
          ? COLS + " from snapshot_row r left join customer c on c.id = r.customer_id where r.run_id = 2 order by c.name desc nulls first, r.customer_id desc limit 50 offset " + off
          : nameKeys("", " desc", off)));
      cases.put("one owner, name A to Z, p10", off -> List.of(count(" and r.owner = 'owner7'"), old
          ? COLS + " from snapshot_row r left join customer c on c.id = r.customer_id where r.run_id = 2 and r.owner = 'owner7' order by c.name asc nulls last, r.customer_id limit 50 offset " + off
          : nameKeys(" and r.owner = 'owner7'", "", off).replace("where exists", "where c.owner = 'owner7' and exists").replace("order by c.name", "order by c.owner, c.name")));
      for (String q : List.of("华信", "北京华信", "华信科技有限公司（", "C1234", "C4", "有限公司")) {
        cases.put("search " + q, off -> search(c, q, old, off));
      }
      String only = System.getProperty("only");
      for (var e : cases.entrySet()) {
        if (only != null && !e.getKey().contains(only)) continue;
        double[] t = new double[5];
        int rows = 0;
        for (int pass = 0; pass < 6; pass++) {
          // A new offset each pass (H2 reuses the result of a query it has just answered): page 10 and around it
          // for the name sort, page 0 (as bench/run-server.sh asks) and 1 for a search.
          int off = e.getKey().startsWith("search") ? 50 * (pass % 2) : 500 + 50 * pass;
          long s = System.nanoTime();
          rows = 0;
          for (String sql : e.getValue().apply(off)) {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) { while (rs.next()) rows++; }
          }
          if (pass > 0) t[pass - 1] = (System.nanoTime() - s) / 1e6; // pass 0 warms up
        }
        Arrays.sort(t);
        System.out.printf("%s %-32s median %9.1f ms (min %.1f, max %.1f), %d rows read back%n", old ? "old" : "new", e.getKey(), t[2], t[0], t[4], rows);
      }
    }
  }

  /** PagedQuery.countCapped of the snapshot without the customer table. */
  static String count(String where) {
    return "select count(*) from (select 1 as one from snapshot_row r where r.run_id = 2" + where + " limit 10001) capped";
  }

  /** CustomerQueries.keyedPage of the name sort (CustomerFilter.nameKeys) for an admin, page of 50 at {@code off}. */
  static String nameKeys(String where, String dir, int off) {
    String keys = "select k.run_id, k.customer_id from ((select cast(2 as bigint) as run_id, c.id as customer_id, c.name as name from customer c where exists (select 1 from snapshot_row r where r.run_id = 2" + where + " and r.customer_id = c.id) order by c.name" + dir + ", c.id" + dir + " limit " + (off + 50) + ")"
        + (where.isEmpty() ? " union all (select r.run_id, r.customer_id, cast(null as varchar) as name from snapshot_row r where r.run_id = 2 and r.owner is null and not exists (select 1 from customer c where c.id = r.customer_id) order by r.run_id" + dir + ", r.owner" + dir + ", r.customer_id" + dir + " limit " + (off + 50) + ")" : "")
        + ") k order by k.name" + (dir.isEmpty() ? " asc nulls last" : " desc nulls first") + ", k.customer_id" + dir;
    String order = dir.isEmpty() ? " order by c.name asc nulls last, r.customer_id" : " order by c.name desc nulls first, r.customer_id desc";
    return COLS + " from (" + keys + " limit 50 offset " + off + ") k join snapshot_row r on r.run_id = k.run_id and r.customer_id = k.customer_id left join customer c on c.id = r.customer_id" + order;
  }

  /**
   * A search as CustomerQueries.list asks it: the capped count, then the page by score. New (CustomerFilter.from and
   * CustomerQueries.searched): the customers of the search's gram (SearchGrams.pick) left-joined to the snapshot;
   * past 10,000 matches the page walks the score's index without the grams. The count runs here (timed with the case).
   */
  static List<String> search(Connection c, String q, boolean old, int off) {
    String text = q.strip().toLowerCase(Locale.ROOT);
    String like = "'%" + text + "%'";
    String match = " join customer c on c.id = r.customer_id where r.run_id = 2 and (lower(c.id) like " + like
        + " or lower(c.name) like " + like + ")";
    String scan = " from snapshot_row r" + match;
    if (old) return List.of("select count(*) from (select 1 as one" + scan + " limit 10001) capped",
        COLS + scan + BY_SCORE + " limit 50 offset " + off);
    String grams = text.length() <= 3 ? "gram like '" + text + "%'" : "gram = '" + rarest(c, text) + "'";
    String narrowed = " from (select distinct customer_id from customer_gram where " + grams + ") g left join snapshot_row r"
        + " on r.run_id = 2 and r.customer_id = g.customer_id" + match;
    long counted;
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select count(*) from (select 1 as one" + narrowed + " limit 10001) capped")) {
      rs.next();
      counted = rs.getLong(1);
    } catch (SQLException e) { throw new RuntimeException(e); }
    if (counted <= 10_000) return List.of(COLS + narrowed + BY_SCORE + " limit 50 offset " + off);
    return List.of(COLS + " from (select r.run_id, r.customer_id" + scan // CustomerQueries.keyedPage
        + " order by r.run_id, r.composite_score desc nulls last, r.customer_id limit 50 offset " + off
        + ") k join snapshot_row r on r.run_id = k.run_id and r.customer_id = k.customer_id left join customer c"
        + " on c.id = r.customer_id" + BY_SCORE);
  }

  /** SearchGrams.pick: the gram of at most 8 whose customers, counted up to 1,000, are fewest (timed with the case). */
  static String rarest(Connection c, String text) {
    String best = null;
    long fewest = Long.MAX_VALUE;
    Set<String> grams = new LinkedHashSet<>();
    for (int i = 0; i + 3 <= text.length() && grams.size() < 8; i++) grams.add(text.substring(i, i + 3));
    for (String g : grams) {
      if (fewest == 0) break;
      try (PreparedStatement ps = c.prepareStatement("select count(*) from (select 1 from customer_gram where gram = ? limit 1000) g")) {
        ps.setString(1, g);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          if (rs.getLong(1) < fewest) { fewest = rs.getLong(1); best = g; }
        }
      } catch (SQLException e) { throw new RuntimeException(e); }
    }
    return best;
  }
}
