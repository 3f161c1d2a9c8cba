// Old and new SQL of the customer list page side by side on one H2 file made by setup.sql (bench/README.md, "H2 lists").
// The old SQL is the list before commit 4d347a9; the new one is what CustomerQueries.keyedPage writes.
import java.sql.*;
import java.util.*;

/** Median wall time (a new offset each pass: H2 reuses the result of a query it has just answered)  of old and new list page queries on one H2 file (run twice per pass, 5 passes). */
public class ListTimes {
  public static void main(String[] a) throws Exception {
    String url = "jdbc:h2:file:" + System.getProperty("db", "/tmp/h2-lists/db") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    String cols = "select r.customer_id, c.name, r.tier, r.monetary_cents, r.composite_score";
    String def = " order by r.composite_score desc nulls last, r.customer_id";
    String mon = " order by r.monetary_cents desc, r.customer_id";
    Map<String, String[]> cases = new LinkedHashMap<>();
    cases.put("default, page 10", new String[] {
        cols + " from (select r.* from snapshot_row r where r.run_id = 2" + def + " limit 50 offset 500) r left join customer c on c.id = r.customer_id" + def,
        cols + " from (select r.run_id, r.customer_id from snapshot_row r where r.run_id = 2 order by r.run_id, r.composite_score desc nulls last, r.customer_id limit 50 offset 500) k join snapshot_row r on r.run_id = k.run_id and r.customer_id = k.customer_id left join customer c on c.id = r.customer_id" + def});
    cases.put("tier t1, page 10", new String[] {
        cols + " from (select r.* from snapshot_row r where r.run_id = 2 and r.tier = 't1'" + def + " limit 50 offset 500) r left join customer c on c.id = r.customer_id" + def,
        cols + " from (select r.run_id, r.customer_id from snapshot_row r where r.run_id = 2 and r.tier = 't1' order by r.run_id, r.tier, r.composite_score desc nulls last, r.customer_id limit 50 offset 500) k join snapshot_row r on r.run_id = k.run_id and r.customer_id = k.customer_id left join customer c on c.id = r.customer_id" + def});
    cases.put("sort monetary desc, page 1", new String[] {
        cols + " from (select r.* from snapshot_row r where r.run_id = 2" + mon + " limit 50 offset 0) r left join customer c on c.id = r.customer_id" + mon,
        cols + " from (select r.run_id, r.customer_id from snapshot_row r where r.run_id = 2 order by r.run_id, r.monetary_cents desc, r.customer_id limit 50 offset 0) k join snapshot_row r on r.run_id = k.run_id and r.customer_id = k.customer_id left join customer c on c.id = r.customer_id" + mon});
    try (Connection c = DriverManager.getConnection(url, "sa", "")) {
      for (var e : cases.entrySet()) {
        double[][] t = new double[2][5];
        for (int pass = 0; pass < 6; pass++) {
          for (int v = 0; v < 2; v++) {
            long s = System.nanoTime();
            int n = 0;
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(e.getValue()[v].replaceAll("offset \\d+", "offset " + (500 + 50 * pass)))) { while (rs.next()) n++; }
            if (n != 50) throw new AssertionError(e.getKey() + " " + n);
            if (pass > 0) t[v][pass - 1] = (System.nanoTime() - s) / 1e6; // pass 0 warms up
          }
        }
        Arrays.sort(t[0]); Arrays.sort(t[1]);
        System.out.printf("%-28s old median %9.1f ms (min %.1f, max %.1f)   new median %7.1f ms (min %.1f, max %.1f)%n", e.getKey(),
            t[0][2], t[0][0], t[0][4], t[1][2], t[1][0], t[1][4]);
      }
    }
  }
}
