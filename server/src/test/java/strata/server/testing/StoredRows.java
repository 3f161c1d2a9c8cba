package strata.server.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The embedded database of a {@link ServerProcess}'s data folder, opened with AUTO_SERVER so a kill test can read the
 * stored rows over JDBC while the server runs, and compare them with the state before and after a write.
 */
public final class StoredRows {
  private StoredRows() {}

  /** The server's H2 file database, shared with the test. */
  public static String url(Path data) {
    return "jdbc:h2:file:" + data.resolve("db/strata") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
        + "DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;AUTO_SERVER=TRUE";
  }

  /** The server's setting for {@link #url}. */
  public static String setting(Path data) {
    return "--spring.datasource.url=" + url(data);
  }

  /** Each row of the query as one text, its columns joined by '|', in the query's order. */
  public static List<String> rows(String url, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url, "strata", ""); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= columns; i++) row.append(i > 1 ? "|" : "").append(rs.getString(i));
        out.add(row.toString());
      }
    }
    return out;
  }

  public static long count(String url, String sql) throws SQLException {
    return Long.parseLong(rows(url, sql).get(0));
  }
}
