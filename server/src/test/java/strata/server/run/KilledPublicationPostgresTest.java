package strata.server.run;

import static org.assertj.core.api.Assertions.assertThat;
import static strata.server.testing.ServerProcess.waitFor;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import strata.server.intake.Uploads;
import strata.server.testing.Api;
import strata.server.testing.Kills;
import strata.server.testing.Postgres;
import strata.server.testing.ServerProcess;

/**
 * A PostgreSQL run killed at its publication, where its rows are whole in a table of their own (SnapshotTables): once
 * before the attach (the test holds the current-snapshot pointer the publication locks first) and once after it, in
 * the publishing transaction (the test lets the pointer go and holds the run lock, which the publication releases
 * last). After each restart the run is failed, its table gone, and the previous snapshot current with all its rows;
 * then a run publishes as usual.
 */
class KilledPublicationPostgresTest {
  private static final int CUSTOMERS = 3_000;

  @Test
  void aRunKilledBeforeOrAfterItsAttachLeavesNoTableAndThePreviousSnapshot(
      @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path data) throws Exception {
    Postgres.Database pg = Postgres.newDatabase();
    String[] settings = {"--spring.datasource.url=" + pg.url(), "--spring.datasource.username=" + pg.user(),
        "--spring.datasource.password=" + pg.password(), "--strata.instance.id=killed-publication"};
    int port = ServerProcess.freePort();
    ServerProcess server = ServerProcess.start(data, port, settings);
    try {
      Api admin = server.admin();
      server.awaitReady();
      assertThat(Uploads.importFile(admin, "orders.csv", orders(), "transactions").get("status").asString())
          .isEqualTo("succeeded");
      long first = startRun(admin);
      waitFor(() -> !status(admin, first).equals("running"));
      assertThat(status(admin, first)).isEqualTo("succeeded");

      for (boolean afterAttach : new boolean[] {false, true}) {
        long run;
        Api api = server.admin();
        try (Connection held = DriverManager.getConnection(pg.url(), pg.user(), pg.password());
            Statement s = held.createStatement()) {
          held.setAutoCommit(false);
          s.execute("select run_id from current_run where id = 1 for update");
          run = startRun(api);
          waitFor(() -> Kills.waitingFor(held)); // rows copied and indexed, the publication waits for the pointer
          assertThat(tableOf(s, run)).isEqualTo("bare");
          if (afterAttach) {
            try (Connection lock = DriverManager.getConnection(pg.url(), pg.user(), pg.password());
                Statement l = lock.createStatement()) {
              lock.setAutoCommit(false);
              l.execute("select run_id from run_lock where id = 1 for update");
              held.rollback(); // the publication goes on: attach, aggregates, status, pointer, then the run lock
              waitFor(() -> Kills.waitingFor(lock));
              // The attach is done in the open transaction: it holds snapshot_row as an attach does.
              assertThat(count(l, "select count(*) from pg_locks where granted and relation = 'snapshot_row'::regclass "
                  + "and mode = 'ShareUpdateExclusiveLock'")).isEqualTo(1);
              server.kill();
            }
          } else {
            server.kill();
          }
        }
        server = ServerProcess.start(data, port, settings);
        Api restarted = server.admin();
        server.awaitReady();
        long killed = run;
        waitFor(() -> status(restarted, killed).equals("failed"));
        try (Connection c = DriverManager.getConnection(pg.url(), pg.user(), pg.password());
            Statement s = c.createStatement()) {
          waitFor(() -> tableOf(s, killed) == null);
          assertThat(count(s, "select run_id from current_run")).as("after attach: " + afterAttach).isEqualTo(first);
          assertThat(count(s, "select count(*) from snapshot_row where run_id = " + first)).isEqualTo(CUSTOMERS);
          assertThat(count(s, "select count(*) from snapshot_row where run_id = " + run)).isZero();
        }
      }
      Api api = server.admin();
      long last = startRun(api);
      waitFor(() -> !status(api, last).equals("running"));
      assertThat(status(api, last)).isEqualTo("succeeded");
    } finally {
      server.kill();
    }
  }

  private static byte[] orders() {
    StringBuilder csv = new StringBuilder("customer_id,order_date,amount\n");
    Random random = new Random(48);
    for (int i = 0; i < CUSTOMERS * 3; i++) {
      csv.append('C').append(i % CUSTOMERS).append(',').append(LocalDate.of(2025, 1, 1).plusDays(random.nextInt(300)))
          .append(',').append(10 + random.nextInt(500)).append('\n');
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static long startRun(Api api) {
    Api.Response r = api.post("/api/v1/runs", Map.of("asOf", "2025-12-01"));
    assertThat(r.status()).as(r.body()).isEqualTo(202);
    return r.json().get("id").asLong();
  }

  private static String status(Api api, long run) {
    return api.get("/api/v1/runs/" + run).json().get("status").asString();
  }

  private static String tableOf(Statement s, long run) {
    try (ResultSet rs = s.executeQuery("select case when relispartition then 'attached' else 'bare' end "
        + "from pg_class where relname = 'snapshot_run_" + run + "'")) {
      return rs.next() ? rs.getString(1) : null;
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
  }

  private static long count(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
