// What the search grams of migration V26 (h2) cost a customer write: N customers inserted in one statement and
// transaction (as an import's switch copies its staged customers), then all renamed, then a transfer of all to another
// owner (which keeps the grams), then all deleted; three passes into a fresh H2 file without V26, then another with
// it (bench/README.md, "H2 lists: the name sort and the search"). V26's trigger is a server class, so the classpath
// holds server/target/classes. Snapshot writes are not touched by V26 (no index or trigger on snapshot_row).
// Usage: java -cp h2.jar:server/target/classes CustomerWriteCost.java <fresh db path> <path of V26's sql, or "none"> [N]
import java.nio.file.*;
import java.sql.*;
import java.util.*;

public class CustomerWriteCost {
  static final String CITY = "(array['北京','上海','广州','深圳','杭州','成都','武汉','南京','苏州','西安','重庆','天津','长沙','郑州','青岛','宁波','合肥','厦门','福州','济南'])[mod(x * 7919, 20) + 1]";
  static final String WORD = "(array['华信','恒达','中科','鼎盛','瑞丰','博远','金桥','新元','汇通','东方','星河','宏图','安泰','海润','天成','明德','智联','启航','永安','万象','嘉禾','卓越','正泰','云帆'])[mod(x * 104729, 24) + 1]";
  static final String KIND = "(array['科技','贸易','制造','物流','餐饮','建材','电子','医药','咨询','传媒'])[mod(x * 31, 10) + 1]";

  public static void main(String[] a) throws Exception {
    String url = "jdbc:h2:file:" + a[0] + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    int n = a.length > 2 ? Integer.parseInt(a[2]) : 50_000;
    try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement st = c.createStatement()) {
      st.execute("create table customer (id varchar(256) primary key, name varchar(500) not null, industry varchar(200) not null, size varchar(100) not null, region varchar(200) not null, owner varchar(200) not null, phone varchar(100) not null, email varchar(320) not null, birthday date, created date, updated_at timestamp with time zone not null)");
      st.execute("create index customer_owner on customer (owner)");
      if (!a[1].equals("none")) {
        for (String sql : Files.readString(Path.of(a[1])).replaceAll("(?m)^--.*$", "").split(";")) {
          if (!sql.isBlank()) st.execute(sql);
        }
      }
      c.setAutoCommit(false);
      double[][] t = new double[4][3];
      for (int pass = 0; pass < 3; pass++) {
        t[0][pass] = timed(c, "insert into customer (id, name, industry, size, region, owner, phone, email, updated_at) select 'C' || x, " + CITY + " || " + WORD + " || " + KIND + " || '有限公司', '', '', '', 'owner' || mod(x, 40), '', '', current_timestamp from system_range(1, " + n + ") t(x)");
        t[1][pass] = timed(c, "update customer set name = name || '（新）'");
        t[2][pass] = timed(c, "update customer set owner = owner || 'b'");
        t[3][pass] = timed(c, "delete from customer");
      }
      String[] what = {"insert", "rename", "transfer", "delete"};
      for (int i = 0; i < 4; i++) {
        double[] s = t[i].clone();
        Arrays.sort(s);
        System.out.printf("%s, %d customers: %s %s median %.1f s (passes %s)%n", a[1].equals("none") ? "without V26" : "with V26", n, what[i], "", s[1], Arrays.toString(t[i]));
      }
    }
  }

  static double timed(Connection c, String sql) throws SQLException {
    long s = System.nanoTime();
    try (Statement st = c.createStatement()) { st.executeUpdate(sql); }
    c.commit();
    return (System.nanoTime() - s) / 1e9;
  }
}
