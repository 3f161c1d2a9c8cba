// What the indexes of migration V22 (h2) cost a publish: a snapshot of 250,000 rows written (a copy of run 2 as
// run 3, in one transaction like a run's snapshot) and deleted again, three times; run before and after V22
// (bench/README.md, "H2 lists").
import java.sql.*;
import java.util.*;

public class PublishCost {
  public static void main(String[] a) throws Exception {
    String url = "jdbc:h2:file:" + System.getProperty("db", "/tmp/h2-lists/db") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement st = c.createStatement()) {
      c.setAutoCommit(false);
      double[] write = new double[3], delete = new double[3];
      for (int i = 0; i < 3; i++) {
        long s = System.nanoTime();
        st.executeUpdate("insert into snapshot_row select 3, customer_id, tier, model_tier, override_id, segment, segment11, lifecycle, abc, quadrant, recency_days, frequency, monetary_cents, r_score, f_score, m_score, composite_score, clv, p_alive, metrics, explanation, owner from snapshot_row where run_id = 2");
        c.commit();
        write[i] = (System.nanoTime() - s) / 1e9;
        s = System.nanoTime();
        st.executeUpdate("delete from snapshot_row where run_id = 3");
        c.commit();
        delete[i] = (System.nanoTime() - s) / 1e9;
      }
      System.out.println("write 250k rows, s: " + Arrays.toString(write) + "   delete, s: " + Arrays.toString(delete));
    }
  }
}
