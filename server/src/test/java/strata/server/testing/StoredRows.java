package strata.server.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

  /**
   * A server on {@code data} whose database the test reads over {@link #url} too; {@code extra} settings after.
   */
  public static ServerProcess start(Path data, int port, String... extra) throws java.io.IOException {
    String[] settings = new String[extra.length + 1];
    settings[0] = setting(data);
    System.arraycopy(extra, 0, settings, 1, extra.length);
    return ServerProcess.start(data, port, settings);
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

  /** Each named query's {@link #rows}: what a kill test compares before and after a write. */
  public static Map<String, List<String>> tables(String url, Map<String, String> queries) throws SQLException {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (Map.Entry<String, String> q : queries.entrySet()) out.put(q.getKey(), rows(url, q.getValue()));
    return out;
  }

  /**
   * How many of a client's sequential writes a kill left applied: the index k for which {@code stored} equals
   * {@code states.get(k)}, the state after the first k writes; fails when it equals none (a write half-applied, or
   * one applied after a later one failed).
   */
  public static int writesApplied(List<String> stored, List<List<String>> states) {
    int k = states.indexOf(stored);
    if (k < 0) {
      throw new AssertionError("the stored rows are no state between the writes:\n" + String.join("\n", stored)
          + "\nstate before them:\n" + String.join("\n", states.get(0)));
    }
    return k;
  }
}
