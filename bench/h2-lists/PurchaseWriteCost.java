// What storing a file import's purchases costs H2 itself (WRITE_DELAY=0 and the write budget the server sets), without
// the server: the first N rows of a transactions CSV as `purchase` rows (a record id from a hash of the line and its
// number, so keys arrive in random order as the import's do; the server's three purchase indexes), committed every
// 10,000 rows, in one of two ways:
//   direct  into purchase in file order
//   moved   into the unindexed purchase_load, moved into purchase 200,000 at a time in record_id order (as
//           strata.server.data.StagedRecords does on H2)
// Prints seconds and rows per second: the floor under any import of these rows, before summaries, search grams or the
// all-or-nothing switch. bench/README.md, "H2 imports: what H2 itself takes".
// Usage: java -cp h2-2.4.240.jar PurchaseWriteCost.java <fresh db path> <transactions.csv> <rows> direct|moved [budget MB]
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.security.MessageDigest;
import java.sql.*;
import java.util.*;

public class PurchaseWriteCost {
  static final String TABLE = """
      create table %s (record_id varchar(256) %s, customer_id varchar(256) not null, purchase_day date not null,
        amount_cents bigint not null, order_id varchar(256) not null, product varchar(500) not null,
        category varchar(200) not null, quantity varchar(50) not null, channel varchar(200) not null, import_id bigint)""";

  public static void main(String[] a) throws Exception {
    String url = "jdbc:h2:file:" + a[0] + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";
    Path csv = Path.of(a[1]);
    int n = Integer.parseInt(a[2]);
    boolean moved = a[3].equals("moved");
    int budgetMb = a.length > 4 ? Integer.parseInt(a[4]) : 448;
    List<String> lines = new ArrayList<>(n);
    try (var r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      r.readLine();
      for (String l; lines.size() < n && (l = r.readLine()) != null; ) lines.add(l);
    }
    try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement st = c.createStatement()) {
      st.execute(String.format(TABLE, "purchase", "primary key"));
      st.execute("create index purchase_customer on purchase (customer_id, purchase_day)");
      st.execute("create index purchase_import on purchase (import_id)");
      st.execute(String.format(TABLE, "purchase_load", ""));
      raiseBudget(c, budgetMb);
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      long t0 = System.nanoTime();
      c.setAutoCommit(false);
      String target = moved ? "purchase_load" : "purchase";
      try (PreparedStatement ps = c.prepareStatement("insert into " + target + " values (?,?,?,?,'','','','','',1)")) {
        for (int i = 0; i < lines.size(); i++) {
          String[] f = lines.get(i).split(",");
          // The line and its number: a repeated line is another purchase, as the import counts it.
          byte[] h = sha.digest((lines.get(i) + "\n" + i).getBytes(StandardCharsets.UTF_8));
          ps.setString(1, "f:" + HexFormat.of().formatHex(h, 0, 12));
          ps.setString(2, f[0]);
          ps.setDate(3, java.sql.Date.valueOf(f[1]));
          ps.setLong(4, Math.round(Double.parseDouble(f[2]) * 100));
          ps.addBatch();
          if ((i + 1) % 1000 == 0 || i == lines.size() - 1) ps.executeBatch();
          if ((i + 1) % 10_000 == 0 || i == lines.size() - 1) c.commit();
          if (moved && ((i + 1) % 200_000 == 0 || i == lines.size() - 1)) {
            st.execute("insert into purchase select * from purchase_load order by record_id");
            st.execute("delete from purchase_load");
            c.commit();
          }
        }
      }
      double s = (System.nanoTime() - t0) / 1e9;
      System.out.printf("%s: %d rows in %.1f s, %.0f rows/s, budget %d MB%n", a[3], lines.size(), s, lines.size() / s,
          budgetMb);
    }
  }

  /**
   * As the server's H2WriteBudget: H2 stores its changed pages whenever they pass this much memory (19 MB its own).
   * SnapshotWriteCost's own, repeated: a single-file program (java File.java) cannot use another file's class.
   */
  static void raiseBudget(Connection c, int mb) throws Exception {
    org.h2.engine.SessionLocal s = (org.h2.engine.SessionLocal) ((org.h2.jdbc.JdbcConnection) c).getSession();
    org.h2.mvstore.MVStore store = s.getDatabase().getStore().getMvStore();
    java.lang.reflect.Field f = org.h2.mvstore.MVStore.class.getDeclaredField("autoCommitMemory");
    f.setAccessible(true);
    f.setInt(store, mb * 1024 * 1024);
  }
}
