// What the indexes of migration V22 (h2) cost a publish: snapshots of 50,000 rows of setup.sql's shape written in
// one transaction (as a run writes its snapshot) and deleted again, three times, into a fresh H2 file with the list
// indexes of V1, V2 and V7 alone, then into another with V22's too (bench/README.md, "H2 lists").
// Usage: java -cp h2.jar PublishCost.java <fresh db path> <path of V22's sql, or "none">
import java.nio.file.*;
import java.sql.*;
import java.util.*;

public class PublishCost {
  public static void main(String[] a) throws Exception {
    String url = "jdbc:h2:file:" + a[0] + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    String setup = Files.readString(Path.of("bench/h2-lists/setup.sql"));
    try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement st = c.createStatement()) {
      for (String sql : setup.split(";\n")) {
        if (sql.strip().startsWith("create")) st.execute(sql); // the tables and the list indexes, no rows
      }
      if (!a[1].equals("none")) {
        for (String sql : Files.readString(Path.of(a[1])).replaceAll("(?m)^--.*$", "").split(";")) {
          if (!sql.isBlank()) st.execute(sql);
        }
      }
      c.setAutoCommit(false);
      double[] write = new double[3], delete = new double[3];
      for (int i = 0; i < 3; i++) {
        long s = System.nanoTime();
        st.executeUpdate("insert into snapshot_row select " + (i + 1) + ", 'C' || x, 't' || mod(x,4), 't' || mod(x,4), null, 'seg'||mod(x,11), 'seg'||mod(x,11), 'active', 'A', 'q', mod(x,365), mod(x,20), mod(x*31,1000000), 1,2,3, mod(x*17,1000)/1000.0, mod(x*13,10000), 0.5, repeat('m', 800), repeat('e', 1200), 'owner' || mod(x, 40) from system_range(1, 50000) t(x)");
        c.commit();
        write[i] = (System.nanoTime() - s) / 1e9;
        s = System.nanoTime();
        st.executeUpdate("delete from snapshot_row where run_id = " + (i + 1));
        c.commit();
        delete[i] = (System.nanoTime() - s) / 1e9;
      }
      System.out.println(a[1] + ": write 50k rows, s " + Arrays.toString(write) + "; delete, s " + Arrays.toString(delete));
    }
  }
}
