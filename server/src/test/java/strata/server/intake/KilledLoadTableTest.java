package strata.server.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static strata.server.testing.ServerProcess.waitFor;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import strata.server.data.LoadTables;
import strata.server.testing.Api;
import strata.server.testing.Postgres;
import strata.server.testing.ServerProcess;
import tools.jackson.databind.JsonNode;

/**
 * PostgreSQL's import path through purchase_load (StagedRecords): a server stopped after one move of
 * {@link LoadTables#MOVED} rows into purchase and a chunk more in the load table, then killed with -9, keeps
 * nothing of that import after a restart, in either table; the same file again is stored whole.
 */
class KilledLoadTableTest {
  /** One move and a chunk past it stored, then the server stalls; the file holds more. */
  private static final int STALL_AT = LoadTables.MOVED + FileImport.CHUNK;
  private static final int ROWS = STALL_AT + 2 * FileImport.CHUNK;

  @Test
  void anImportKilledBetweenMovesLeavesNothingInPurchaseOrTheLoadTable(
      @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path data) throws Exception {
    Postgres.Database pg = Postgres.newDatabase();
    int port = ServerProcess.freePort();
    String[] db = {"--spring.datasource.url=" + pg.url(), "--spring.datasource.username=" + pg.user(),
        "--spring.datasource.password=" + pg.password()};
    long stalled;
    try (ServerProcess first = ServerProcess.start(data, port, with(db, "--strata.test.stall-import=1",
        "--strata.test.stall-after-rows=" + STALL_AT))) {
      Api admin = first.admin();
      Api.Response r = Uploads.upload(admin, "/api/v1/imports", "p.csv", purchases(), Map.of("kind", "transactions"));
      assertThat(r.status()).as(r.body()).isEqualTo(202);
      stalled = r.json().get("id").asLong();
      waitFor(() -> logHas(first, "STALLED import " + stalled));
      // Moved: one batch in purchase, hidden; loaded: the chunk after it.
      assertThat(count(pg, "select count(*) from purchase where import_id = " + stalled))
          .isEqualTo(LoadTables.MOVED);
      assertThat(count(pg, "select count(*) from purchase_load")).isEqualTo(FileImport.CHUNK);
      assertThat(admin.get("/api/v1/customers/N7").status()).isEqualTo(404);
      first.kill();
    }
    try (ServerProcess second = ServerProcess.start(data, port, db)) {
      Api admin = second.admin();
      waitFor(() -> "failed".equals(admin.get("/api/v1/imports/" + stalled).json().get("status").asString()));
      waitFor(() -> count(pg, "select count(*) from purchase") == 0);
      assertThat(count(pg, "select count(*) from purchase_load")).isZero();
      assertThat(count(pg, "select count(*) from import_hidden")).isZero();

      JsonNode again = Uploads.importFile(admin, "p.csv", purchases(), "transactions");
      assertThat(again.get("status").asString()).isEqualTo("succeeded");
      assertThat(again.at("/quality/inserted").asLong()).isEqualTo(ROWS);
      assertThat(count(pg, "select count(*) from purchase")).isEqualTo(ROWS);
      assertThat(count(pg, "select count(*) from purchase_load")).isZero();
    }
  }

  private static boolean logHas(ServerProcess server, String text) {
    try {
      return server.log().contains(text);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String[] with(String[] a, String... more) {
    String[] all = java.util.Arrays.copyOf(a, a.length + more.length);
    System.arraycopy(more, 0, all, a.length, more.length);
    return all;
  }

  /** Customers N0..N4999, one order per row. */
  private static byte[] purchases() {
    StringBuilder csv = new StringBuilder("customer_id,order_date,amount,order_id\n");
    for (int i = 0; i < ROWS; i++) {
      csv.append('N').append(i % 5000).append(",2024-03-").append(10 + i % 18).append(',').append(1 + i % 90)
          .append(".50,B").append(i).append('\n');
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static long count(Postgres.Database pg, String sql) {
    try (Connection c = DriverManager.getConnection(pg.url(), pg.user(), pg.password());
        Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
