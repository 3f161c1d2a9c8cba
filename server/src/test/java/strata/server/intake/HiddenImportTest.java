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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import strata.server.testing.Api;
import strata.server.testing.ServerProcess;
import tools.jackson.databind.JsonNode;

/**
 * An import's rows are committed in chunks but seen by nobody until its switch: a server is stopped for good after
 * an import's first chunk (StallImport), readers must not see those rows, and after {@code kill -9} and a restart
 * they must be gone and the job failed; the same file imported again then shows them all. A customers file the
 * same: its profiles change nothing until the switch and nothing at all when it is cut off.
 */
class HiddenImportTest {
  /** Three chunks of {@link FileImport#CHUNK}, and a half. */
  private static final int ROWS = 35_000;

  @Test
  void rowsOfAnImportThatNeverSwitchedAreNeverSeenAndAreGoneAfterARestart(
      @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path data) throws Exception {
    int port = ServerProcess.freePort();
    String url = "jdbc:h2:file:" + data.resolve("db/strata") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
        + "DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;AUTO_SERVER=TRUE";
    String db = "--spring.datasource.url=" + url;
    long stalled;
    try (ServerProcess first = ServerProcess.start(data, port, db, "--strata.test.stall-import=3")) {
      Api admin = first.admin();
      // Import 1: K1 bought once; import 2: K1's profile.
      assertThat(status(admin, Uploads.importFile(admin, "a.csv", bytes("customer_id,order_date,amount,order_id\n"
          + "K1,2024-01-05,10.00,A1\n"), "transactions"))).isEqualTo("succeeded");
      assertThat(status(admin, Uploads.importFile(admin, "k.csv", bytes("customer_id,name\nK1,Old name\n"),
          "customers"))).isEqualTo("succeeded");
      stalled = upload(admin, purchases(), "transactions");
      long id = stalled;
      waitFor(() -> logHas(first, "STALLED import " + id));

      // Committed: 10,000 rows of import 3 are stored under its id. Hidden: no reader shows them.
      assertThat(count(url, "select count(*) from purchase where import_id = " + id)).isEqualTo(FileImport.CHUNK);
      assertThat(admin.get("/api/v1/customers/K1/transactions").json().get("total").asLong()).isEqualTo(1);
      assertThat(admin.get("/api/v1/customers/N7").status()).isEqualTo(404);
      assertThat(admin.get("/api/v1/imports/" + id).json().get("status").asString()).isEqualTo("running");
      first.kill();
    }
    long customers;
    try (ServerProcess second = ServerProcess.start(data, port, db, "--strata.test.stall-import=2")) {
      Api admin = second.admin();
      JsonNode killed = admin.get("/api/v1/imports/" + stalled).json();
      assertThat(killed.get("status").asString()).isEqualTo("failed");
      assertThat(killed.at("/error/code").asString()).isEqualTo("import_cut_off");
      assertThat(killed.at("/error/en").asString()).isEqualTo(
          "the server stopped before the import finished; nothing of it was kept, upload the file again");
      assertThat(killed.at("/error/zh").asString()).isEqualTo("导入完成前服务器停止了；导入的内容均未保留，请重新上传文件");
      assertThat(count(url, "select count(*) from purchase")).isEqualTo(1);
      assertThat(count(url, "select count(*) from import_hidden")).isZero();

      // The same file again switches on whole: K1's one purchase in it (row 0) and every new customer.
      JsonNode again = Uploads.importFile(admin, "b.csv", purchases(), "transactions");
      assertThat(status(admin, again)).isEqualTo("succeeded");
      assertThat(again.at("/quality/inserted").asLong()).isEqualTo(ROWS);
      assertThat(admin.get("/api/v1/customers/K1/transactions").json().get("total").asLong()).isEqualTo(2);
      assertThat(admin.get("/api/v1/customers/N7").status()).isEqualTo(200);

      // The next, a customers file, is stopped after its first chunk: K1 keeps its name, M7 is not there.
      customers = upload(admin, customers(), "customers");
      long id = customers;
      waitFor(() -> logHas(second, "STALLED import " + id));
      assertThat(admin.get("/api/v1/customers/M7").status()).isEqualTo(404);
      assertThat(admin.get("/api/v1/customers/K1").json().at("/profile/name").asString()).isEqualTo("Old name");
      assertThat(count(url, "select count(*) from customer")).isEqualTo(1);
      second.kill();
    }
    try (ServerProcess third = ServerProcess.start(data, port, db)) {
      Api admin = third.admin();
      assertThat(admin.get("/api/v1/imports/" + customers).json().get("status").asString()).isEqualTo("failed");
      assertThat(admin.get("/api/v1/customers/K1").json().at("/profile/name").asString()).isEqualTo("Old name");
      assertThat(count(url, "select count(*) from customer_staged")).isZero();
      assertThat(count(url, "select count(*) from customer")).isEqualTo(1);
      assertThat(count(url, "select count(*) from purchase")).isEqualTo(1 + ROWS);
    }
  }

  /** K1 once (row 0), then customers N0..N999 with one order per row. */
  private static byte[] purchases() {
    StringBuilder csv = new StringBuilder("customer_id,order_date,amount,order_id\nK1,2024-02-01,20.00,B0\n");
    for (int i = 1; i < ROWS; i++) {
      csv.append('N').append(i % 1000).append(",2024-03-").append(10 + i % 18).append(',').append(1 + i % 90)
          .append(".50,B").append(i).append('\n');
    }
    return bytes(csv.toString());
  }

  /** K1 renamed (row 0), then new customers M1.. . */
  private static byte[] customers() {
    StringBuilder csv = new StringBuilder("customer_id,name\nK1,New name\n");
    for (int i = 1; i < ROWS; i++) csv.append('M').append(i).append(",Name ").append(i).append('\n');
    return bytes(csv.toString());
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static long upload(Api admin, byte[] file, String kind) {
    Api.Response r = Uploads.upload(admin, "/api/v1/imports", "f.csv", file, java.util.Map.of("kind", kind));
    assertThat(r.status()).as(r.body()).isEqualTo(202);
    return r.json().get("id").asLong();
  }

  private static String status(Api admin, JsonNode job) {
    return job.get("status").asString();
  }

  private static boolean logHas(ServerProcess server, String text) {
    try {
      return server.log().contains(text);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static long count(String url, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(url, "strata", ""); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
