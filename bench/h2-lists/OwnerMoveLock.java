// The owner moves' lock on H2 (strata.server.pool.OwnerMoves.LOCK): N moves staged, uncommitted, in owner_move as a
// re-plan stages them, among 250,000 customers, then the staged customers locked three ways, each in its own
// transaction. bench/README.md, "H2 at 250k customers".
// Usage: java -cp h2.jar OwnerMoveLock.java <fresh db path> <moves>
import java.sql.*;

public class OwnerMoveLock {
  public static void main(String[] a) throws Exception {
    String url = "jdbc:h2:file:" + a[0] + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;WRITE_DELAY=0";
    String stage = "insert into owner_move select 'C' || (x * 4), x, 'o' || mod(x * 4, 50) from system_range(1, " + a[1]
        + ") t(x)";
    try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement st = c.createStatement()) {
      st.execute("create table customer (id varchar(256) primary key, owner varchar(200))");
      st.execute("insert into customer select 'C' || x, 'o' || mod(x, 50) from system_range(1, 250000) t(x)");
      st.execute("create table owner_move (customer_id varchar(256) not null primary key, seq int not null, "
          + "from_owner varchar(200))");
      c.setAutoCommit(false);
      for (String q : new String[] {
          "select c.id from owner_move m join customer c on c.id = m.customer_id for update",
          "select id from customer c where exists (select 1 from owner_move m where m.customer_id = c.id) for update",
          "select id from customer where id in (select customer_id from owner_move) for update"}) {
        st.execute(stage);
        long t = System.nanoTime();
        int n = 0;
        try (ResultSet rs = st.executeQuery(q)) { while (rs.next()) n++; }
        System.out.printf("%d rows %.2f s: %s%n", n, (System.nanoTime() - t) / 1e9, q);
        c.rollback();
      }
    }
  }
}
