package strata.server.data;

import static org.assertj.core.api.Assertions.assertThat;
import static strata.server.testing.ServerProcess.waitFor;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import strata.server.testing.Api;
import strata.server.testing.ServerProcess;
import tools.jackson.databind.JsonNode;

/**
 * Nothing half-applied under {@code kill -9}: the server is killed at random moments of file imports and tiering
 * runs ({@code strata.kill.points} of them, {@link #points} by default, from the fixed seed or
 * {@code strata.kill.seed}; bench/kill-writes.sh runs many more), and
 * after each restart the stored data must equal the state before the write or the state after it, and the job's
 * status must say which: a failed job changed nothing; a succeeded import was stored whole (sending its file again
 * inserts nothing), a succeeded run is the current snapshot with all its rows. Every state keeps the summaries equal
 * to the stored purchases and leaves nothing behind in the tables an import stages its writes in. Run on embedded H2
 * ({@link KilledWritesTest}) and on PostgreSQL ({@link KilledWritesPostgresTest}), whose imports take another path
 * (rows moved from an unlogged load table).
 */
abstract class KilledWritesContract {
  private static final long SEED = 20261203L;
  private static final int CUSTOMERS = 4_000;
  private static final int ROWS_PER_FILE = 30_000;

  /** What a test can see of the stored data: enough to tell "before" from "after" and a half-applied write. */
  record Fingerprint(long purchases, long purchaseCents, long customers, long summaries, long summaryCents,
      long summaryLines, long currentRun, long currentRows) {}

  /**
   * The database every server of the walk opens, and how the test reads it.
   *
   * @param settings the servers' command-line settings for it
   */
  record Store(String url, String user, String password, String... settings) {}

  /** A database for the walk, with its data folder. */
  abstract Store store(Path data);

  /** Kill points when {@code strata.kill.points} is not set. */
  abstract int points();

  @Test
  void killedImportsAndRunsLeaveTheStoreBeforeOrAfter(@TempDir(cleanup = CleanupMode.ON_SUCCESS) Path data)
      throws Exception {
    int points = Integer.getInteger("strata.kill.points", points());
    Random random = new Random(Long.getLong("strata.kill.seed", SEED));
    int port = ServerProcess.freePort();
    Store store = store(data);
    String[] settings = store.settings();

    ServerProcess server = ServerProcess.start(data, port, settings);
    try {
      Api admin = server.admin();
      server.awaitReady();
      long started = System.nanoTime();
      awaitImport(admin, upload(admin, transactions(0)));
      long importNanos = System.nanoTime() - started;
      started = System.nanoTime();
      awaitRun(admin, admin.post("/api/v1/runs", "{}").json().get("id").asLong());
      long runNanos = System.nanoTime() - started;
      Fingerprint state = fingerprint(store);
      assertConsistent(state);
      System.out.printf("%s: an import takes %d ms, a run %d ms%n", getClass().getSimpleName(),
          importNanos / 1_000_000, runNanos / 1_000_000);

      int killedImports = 0;
      int killedRuns = 0;
      for (int point = 1; point <= points; point++) {
        boolean run = point % 4 == 0;
        byte[] file = run ? null : transactions(point);
        long id = run ? admin.post("/api/v1/runs", "{}").json().get("id").asLong() : upload(admin, file);
        long budget = run ? runNanos : importNanos;
        Thread.sleep((long) (random.nextDouble() * 1.2 * budget / 1_000_000));
        server.kill();

        server = ServerProcess.start(data, port, settings);
        admin = server.admin();
        // Its start-up work first: it marks the cut-off run failed and deletes its rows after it starts answering.
        server.awaitReady();
        Fingerprint afterKill = fingerprint(store);
        assertConsistent(afterKill);
        String status = run ? runStatus(admin, id) : admin.get("/api/v1/imports/" + id).json().get("status").asString();
        if (status.equals("failed")) {
          assertThat(afterKill).as("point %d: a failed %s changed nothing", point, run ? "run" : "import")
              .isEqualTo(state);
          if (run) killedRuns++;
          else killedImports++;
        } else {
          assertThat(status).as("point %d", point).isEqualTo("succeeded");
          assertThat(afterKill).as("point %d: a succeeded write changed the store", point).isNotEqualTo(state);
          if (run) {
            assertThat(afterKill.currentRun()).as("point %d: a succeeded run is current", point).isEqualTo(id);
            assertThat(afterKill.currentRows()).as("point %d: with a row per customer", point)
                .isEqualTo(afterKill.summaries());
          } else {
            // Applied whole: importing the same file again finds every row already stored.
            JsonNode again = awaitImport(admin, upload(admin, file));
            assertThat(again.at("/quality/inserted").asLong()).as("point %d: rows missing", point).isZero();
            assertThat(fingerprint(store)).isEqualTo(afterKill);
          }
        }
        state = afterKill;
        System.out.printf("%s: point %d (%s) left it %s%n", getClass().getSimpleName(), point,
            run ? "run" : "import", status);
      }
      // The seed must land some kills inside the writes, or the test proved nothing.
      assertThat(killedImports).as("imports cut off").isGreaterThan(0);
      assertThat(killedRuns + killedImports).isGreaterThan(points / 4);
    } finally {
      server.kill();
    }
  }

  /** Every purchase is in its customer's summary exactly once: a half-applied import would break the sums. */
  private static void assertConsistent(Fingerprint f) {
    assertThat(f.summaryCents()).as("summaries hold every stored purchase's amount").isEqualTo(f.purchaseCents());
    assertThat(f.summaryLines()).as("summaries count every stored purchase").isEqualTo(f.purchases());
  }

  /** Read while no write is going: the staging tables are empty then, whatever was cut off before. */
  private static Fingerprint fingerprint(Store store) throws SQLException {
    try (Connection c = DriverManager.getConnection(store.url(), store.user(), store.password());
        Statement s = c.createStatement()) {
      for (String staging : new String[] {"import_hidden", "purchase_load", "summary_staged", "customer_staged"}) {
        // purchase_load is PostgreSQL's alone (db/h2/V52 dropped H2's).
        if (longs(s, "select count(*) from information_schema.tables where lower(table_name) = '" + staging + "'")[0]
            == 0) {
          continue;
        }
        assertThat(longs(s, "select count(*) from " + staging)[0]).as("rows left in %s", staging).isZero();
      }
      long[] p = longs(s, "select count(*), coalesce(sum(amount_cents), 0) from purchase");
      long[] cu = longs(s, "select count(*) from customer");
      long[] su = longs(s, "select count(*), coalesce(sum(net_cents), 0), coalesce(sum(lines), 0) "
          + "from customer_summary");
      long[] run = longs(s, "select coalesce(max(run_id), 0) from current_run");
      long[] rows = longs(s, "select count(*) from snapshot_row where run_id = " + run[0]);
      long[] orphans = longs(s, "select count(*) from snapshot_row r join tier_run t on t.id = r.run_id "
          + "where t.status <> 'succeeded'");
      assertThat(orphans[0]).as("snapshot rows of unfinished or failed runs").isZero();
      if (store.url().startsWith("jdbc:postgresql:")) {
        // A run's own table (SnapshotTables): attached when it published, dropped when it was cut off.
        long[] tables = longs(s, "select count(*) from pg_class t left join tier_run r on t.relname = 'snapshot_run_' "
            + "|| r.id where t.relname like 'snapshot\\_run\\_%' and t.relkind = 'r' "
            + "and (not t.relispartition or r.status is distinct from 'succeeded')");
        assertThat(tables[0]).as("tables of runs cut off or failed").isZero();
      }
      return new Fingerprint(p[0], p[1], cu[0], su[0], su[1], su[2], run[0], rows[0]);
    }
  }

  private static long[] longs(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      long[] out = new long[rs.getMetaData().getColumnCount()];
      for (int i = 0; i < out.length; i++) out[i] = rs.getLong(i + 1);
      return out;
    }
  }

  /** A fresh file of purchases by known and new customers; a tenth of its rows repeat an earlier file's. */
  private static byte[] transactions(int file) {
    StringBuilder csv = new StringBuilder("customer_id,order_date,amount,order_id\n");
    LocalDate first = LocalDate.of(2024, 1, 1);
    for (int i = 0; i < ROWS_PER_FILE; i++) {
      int source = file > 0 && i % 10 == 0 ? file - 1 : file;
      Random row = new Random(SEED * 31 + source * 1_000_003L + i);
      int customer = row.nextInt(CUSTOMERS + 500 * source);
      csv.append('K').append(customer).append(',').append(first.plusDays(row.nextInt(900))).append(',')
          .append(1 + row.nextInt(50_000) / 100.0).append(",O").append(source).append('-').append(i).append('\n');
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static long upload(Api api, byte[] content) {
    String boundary = "strata-kill-boundary";
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\ntransactions\r\n--"
        + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"orders.csv\"\r\n"
        + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    Api.Response r = api.send(api.builder("/api/v1/imports")
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    assertThat(r.status()).as(r.body()).isEqualTo(202);
    return r.json().get("id").asLong();
  }

  private static JsonNode awaitImport(Api api, long id) {
    JsonNode[] job = {null};
    waitFor(() -> {
      job[0] = api.get("/api/v1/imports/" + id).json();
      return !job[0].get("status").asString().matches("queued|running");
    });
    assertThat(job[0].get("status").asString()).as("import %d", id).isEqualTo("succeeded");
    return job[0];
  }

  private static String runStatus(Api api, long id) {
    return api.get("/api/v1/runs/" + id).json().get("status").asString();
  }

  private static void awaitRun(Api api, long id) {
    waitFor(() -> !runStatus(api, id).equals("running"));
    assertThat(runStatus(api, id)).as("run %d", id).isEqualTo("succeeded");
  }
}
