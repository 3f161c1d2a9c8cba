package strata.server.run;

import static org.assertj.core.api.Assertions.assertThat;
import static strata.server.testing.ServerProcess.waitFor;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import strata.server.testing.Api;
import strata.server.testing.Kills;
import strata.server.testing.Postgres;
import strata.server.testing.ServerProcess;
import tools.jackson.databind.JsonNode;

/**
 * PostgreSQL's run path, where the side rows (products, then KPI inputs) go in on a second connection while the
 * snapshot rows are copied (RunService.writeRows), each in transactions of their own: a server killed with -9 while
 * the KPI inputs are being copied, its product rows already committed, keeps none of that run's rows after a restart,
 * the previous snapshot stays current, and the next run publishes whole. (KilledRunTest kills runs on H2, which
 * writes the side rows after the snapshot rows on one thread.)
 */
class KilledSideRowsTest {
  private static final int CUSTOMERS = 300;
  private static final String[] TABLES = {"snapshot_row", "snapshot_product", "snapshot_kpi_input"};

  @Test
  void aRunKilledWhileWritingItsSideRowsLeavesThePreviousSnapshotAndNoneOfItsRows(
      @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path data) throws Exception { // the servers' logs stay on failure
    Postgres.Database pg = Postgres.newDatabase();
    int port = ServerProcess.freePort();
    String[] db = {"--spring.datasource.url=" + pg.url(), "--spring.datasource.username=" + pg.user(),
        "--spring.datasource.password=" + pg.password()};
    long before;
    long killed;
    JsonNode tiers;
    try (ServerProcess first = ServerProcess.start(data, port, db)) {
      Api admin = first.admin();
      store(admin);
      before = runToEnd(admin);
      for (String table : TABLES) assertThat(rows(pg, table, before)).as(table).isEqualTo(CUSTOMERS);
      tiers = admin.get("/api/v1/dashboard").json().get("tiers");

      // The next run's KPI input of K150, inserted and not committed by the test: the run's COPY of its KPI inputs
      // waits there, after its product rows committed, until the server is killed.
      killed = before + 1;
      AtomicLong started = new AtomicLong();
      Kills.whileHeld(first, pg, "insert into snapshot_kpi_input (run_id, customer_id, tier, orders, purchase_days, "
          + "net_cents, complaints) values (" + killed + ", 'K150', 'held', 0, 0, 0, 0)",
          () -> started.set(admin.post("/api/v1/runs", Map.of()).json().get("id").asLong()));
      assertThat(started.get()).isEqualTo(killed);
    }
    // The kill left the run's committed rows behind: what the restart must remove.
    assertThat(rows(pg, "snapshot_product", killed)).isEqualTo(CUSTOMERS);
    assertThat(rows(pg, "snapshot_kpi_input", killed)).isZero();

    try (ServerProcess second = ServerProcess.start(data, port, db)) {
      Api admin = second.admin();
      waitFor(() -> admin.get("/api/v1/runs/" + killed).json().get("status").asString().equals("failed"));
      assertThat(admin.get("/api/v1/runs/" + killed).json().at("/error/code").asString()).isEqualTo("run_interrupted");
      assertThat(admin.get("/api/v1/runs/current").json().get("id").asLong()).isEqualTo(before);
      assertThat(admin.get("/api/v1/dashboard").json().get("tiers")).isEqualTo(tiers);
      for (String table : TABLES) {
        assertThat(rows(pg, table, killed)).as(table + " of the killed run").isZero();
        assertThat(rows(pg, table, before)).as(table + " of the current run").isEqualTo(CUSTOMERS);
      }
      assertThat(rows(pg, "snapshot_explanation", killed)).as("explanations of the killed run").isZero();
      assertThat(rows(pg, "snapshot_explanation", before)).as("explanations of the current run").isPositive();

      long next = runToEnd(admin);
      assertThat(admin.get("/api/v1/runs/" + next).json().get("status").asString()).isEqualTo("succeeded");
      assertThat(admin.get("/api/v1/runs/current").json().get("id").asLong()).isEqualTo(next);
      for (String table : TABLES) assertThat(rows(pg, table, next)).as(table + " of the next run").isEqualTo(CUSTOMERS);
    }
  }

  /** K0..K299, each buying two categories, so every customer has a product row as well. */
  private static void store(Api admin) {
    List<Map<String, String>> customers = new ArrayList<>();
    List<Map<String, String>> purchases = new ArrayList<>();
    for (int i = 0; i < CUSTOMERS; i++) {
      customers.add(Map.of("id", "K" + i, "name", "Customer " + i, "owner", "rep" + i % 5));
      purchases.add(Map.of("recordId", "a" + i, "customerId", "K" + i, "date", "2026-06-05", "amount",
          Integer.toString(100 + i), "category", "c" + i % 3, "product", "p" + i % 3));
      purchases.add(Map.of("recordId", "b" + i, "customerId", "K" + i, "date", "2026-06-0" + (6 + i % 3), "amount",
          "50", "category", "c" + (i + 1) % 3, "product", "p" + (i + 1) % 3));
    }
    assertThat(admin.post("/api/v1/batch/customers", customers).status()).isEqualTo(200);
    assertThat(admin.post("/api/v1/batch/transactions", purchases).status()).isEqualTo(200);
  }

  /** Starts a run and waits until it succeeded. @return its id */
  private static long runToEnd(Api admin) {
    long run = admin.post("/api/v1/runs", Map.of()).json().get("id").asLong();
    waitFor(() -> !admin.get("/api/v1/runs/" + run).json().get("status").asString().equals("running"));
    assertThat(admin.get("/api/v1/runs/" + run).json().get("status").asString()).isEqualTo("succeeded");
    return run;
  }

  private static long rows(Postgres.Database pg, String table, long run) throws SQLException {
    try (Connection c = DriverManager.getConnection(pg.url(), pg.user(), pg.password());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select count(*) from " + table + " where run_id = " + run)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
