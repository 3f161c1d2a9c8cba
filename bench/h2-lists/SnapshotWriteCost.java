// What writing one run's snapshot rows costs H2 (WRITE_DELAY=0, as the server runs it): N rows of snapshot_row's
// shape into its 17 indexes, in customer order, committed every B rows; optionally with H2's unsaved-page budget
// (MVStore.autoCommitMemory, 19 MB, not settable by URL) raised to M MB. Prints seconds, the file's size and H2's
// own count of bytes written. bench/README.md, "H2 at 250k customers".
// Usage: java -cp h2.jar SnapshotWriteCost.java <fresh db path> <rows> <rows per commit> <budget MB, 0 = H2's own> [runs]
//   [secondary indexes: the first n of INDEXES, 16 by default; 10 leaves out the six owner × metric sorts]
//   -Dcovering=true: the five owner × metric sorts (the last five of INDEXES) replaced by one index holding their
//   columns, from which H2 reads and sorts one owner's entries without the rows
import java.sql.*;
import java.util.*;

public class SnapshotWriteCost {
  static final String TABLE = """
      create table snapshot_row (run_id bigint not null, customer_id varchar(256) not null, tier varchar(64) not null,
        model_tier varchar(64) not null, override_id bigint, segment varchar(32), segment11 varchar(32),
        lifecycle varchar(16) not null, abc varchar(1), quadrant varchar(16), recency_days integer,
        frequency bigint not null, monetary_cents bigint not null, r_score smallint, f_score smallint, m_score smallint,
        composite_score real, clv real, p_alive real, metrics varchar(20000) not null, explanation varchar(20000) not null,
        owner varchar(200), primary key (run_id, customer_id))""";
  static final String[] INDEXES = {
      "run_id, owner, composite_score desc nulls last, customer_id",
      "run_id, owner, tier, composite_score desc nulls last, customer_id",
      "run_id, monetary_cents desc, customer_id",
      "run_id, composite_score desc nulls last, customer_id",
      "run_id, tier, composite_score desc nulls last, customer_id",
      "run_id, override_id",
      "run_id, frequency desc, customer_id",
      "run_id, recency_days asc nulls last, customer_id",
      "run_id, clv desc nulls last, customer_id",
      "run_id, p_alive desc nulls last, customer_id",
      "run_id, owner, customer_id",
      "run_id, owner, monetary_cents desc, customer_id",
      "run_id, owner, frequency desc, customer_id",
      "run_id, owner, recency_days asc nulls last, customer_id",
      "run_id, owner, clv desc nulls last, customer_id",
      "run_id, owner, p_alive desc nulls last, customer_id"};

  /** The one index in place of the five owner × metric sorts with -Dcovering=true. */
  static final String COVERING = "run_id, owner, customer_id, monetary_cents, frequency, recency_days, clv, p_alive";

  public static void main(String[] a) throws Exception {
    String url = "jdbc:h2:file:" + a[0] + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";
    int n = Integer.parseInt(a[1]), batch = Integer.parseInt(a[2]), budgetMb = Integer.parseInt(a[3]);
    int runs = a.length > 4 ? Integer.parseInt(a[4]) : 2;
    int indexes = a.length > 5 ? Integer.parseInt(a[5]) : INDEXES.length;
    try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement st = c.createStatement()) {
      st.execute(TABLE);
      List<String> chosen = new ArrayList<>(Arrays.asList(INDEXES).subList(0, indexes));
      if (Boolean.getBoolean("covering")) {
        chosen = new ArrayList<>(chosen.subList(0, Math.min(chosen.size(), INDEXES.length - 5)));
        chosen.add(COVERING);
      }
      for (int i = 0; i < chosen.size(); i++) st.execute("create index i" + i + " on snapshot_row (" + chosen.get(i) + ")");
      if (budgetMb > 0) raiseBudget(c, budgetMb);
      for (int run = 1; run <= runs; run++) {
        long w0 = written(c), t0 = System.nanoTime();
        write(c, run, n, batch);
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf("run %d: %d rows, %d indexes, commit every %d, budget %s: %.1f s, %.0f rows/s, written %.2f GB, file %.2f GB%n",
            run, n, chosen.size() + 1, batch, budgetMb > 0 ? budgetMb + " MB" : "H2's", s, n / s, (written(c) - w0) / 1e9,
            java.nio.file.Files.size(java.nio.file.Path.of(a[0] + ".mv.db")) / 1e9);
      }
    }
  }

  static void write(Connection c, long run, int n, int batch) throws SQLException {
    Random r = new Random(run);
    String[] tiers = {"high_value", "potential", "at_risk", "low_value"};
    String metrics = "{\"x\":" + "1234567.5,".repeat(12) + "\"y\":1}";
    c.setAutoCommit(false);
    try (PreparedStatement ps = c.prepareStatement("insert into snapshot_row values (?,?,?,?,null,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
      for (int i = 0; i < n; i++) {
        String tier = tiers[r.nextInt(4)];
        int k = 1;
        ps.setLong(k++, run);
        ps.setString(k++, String.format("C%07d", i));
        ps.setString(k++, tier);
        ps.setString(k++, tier);
        ps.setString(k++, "champions");
        ps.setString(k++, "loyal");
        ps.setString(k++, "active");
        ps.setString(k++, "B");
        ps.setString(k++, "star");
        ps.setInt(k++, r.nextInt(1000));
        ps.setLong(k++, 1 + r.nextInt(50));
        ps.setLong(k++, r.nextInt(10_000_000));
        ps.setShort(k++, (short) (1 + r.nextInt(5)));
        ps.setShort(k++, (short) (1 + r.nextInt(5)));
        ps.setShort(k++, (short) (1 + r.nextInt(5)));
        ps.setFloat(k++, r.nextFloat());
        ps.setFloat(k++, r.nextFloat() * 10000);
        ps.setFloat(k++, r.nextFloat());
        ps.setString(k++, metrics);
        ps.setString(k++, "");
        ps.setString(k++, "owner" + r.nextInt(50));
        ps.addBatch();
        if ((i + 1) % 1000 == 0 || i == n - 1) ps.executeBatch();
        if ((i + 1) % batch == 0 || i == n - 1) c.commit();
      }
    }
    c.setAutoCommit(true);
  }

  static long written(Connection c) throws SQLException {
    try (Statement st = c.createStatement();
         ResultSet rs = st.executeQuery("select setting_value from information_schema.settings where setting_name = 'info.FILE_WRITE_BYTES'")) {
      return rs.next() ? Long.parseLong(rs.getString(1)) : -1;
    }
  }

  /** H2 stores its changed pages whenever they pass 19 MB of memory, mid-transaction too; the budget is final. */
  static void raiseBudget(Connection c, int mb) throws Exception {
    org.h2.engine.SessionLocal s = (org.h2.engine.SessionLocal) ((org.h2.jdbc.JdbcConnection) c).getSession();
    org.h2.mvstore.MVStore store = s.getDatabase().getStore().getMvStore();
    java.lang.reflect.Field f = org.h2.mvstore.MVStore.class.getDeclaredField("autoCommitMemory");
    f.setAccessible(true);
    f.setInt(store, mb * 1024 * 1024);
  }
}
