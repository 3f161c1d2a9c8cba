package strata.server.task;

import static org.assertj.core.api.Assertions.assertThat;
import static strata.server.testing.ServerProcess.waitFor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import strata.server.testing.Api;
import strata.server.testing.ServerProcess;
import strata.server.testing.StoredRows;

/**
 * Tasks are re-planned after a run publishes, in a transaction of their own: a server killed in between must plan
 * from the new snapshot when it starts again, not keep the old tiers' tasks until the next daily fire. The expected
 * tasks come from a second server given the same data and left alone: its plan followed the publication as usual.
 */
class KilledTaskPlanTest {
  private static final int CUSTOMERS = 600;
  private static final String MODEL = """
      tiers:
        - id: big
          name: {zh: 大客户, en: Big}
          when: monetary >= 500.0
          service:
            cadence: {every_days: 30, channels: [phone]}
            holdout: {experiment: calls, share: 0.3}
        - id: small
          name: {zh: 小客户, en: Small}
          when: true
      """;
  private static final String TASKS = "select customer_id, owner, tier, type, channel, due_date, trigger_kind, status,"
      + " suppressed_by from service_task order by task_key";

  @Test
  void aServerKilledBeforeItsPlanPlansTheCurrentSnapshotWhenItStarts(
      @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path killed, @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path alone)
      throws Exception {
    List<String> expected = planned(alone, false);
    assertThat(expected).as("a cadence call for each big customer").hasSize(CUSTOMERS / 2)
        .allSatisfy(t -> assertThat(t).contains("|big|"));
    // About 30 % of the 300 are held out: their calls are kept as suppressed by the experiment.
    long heldOut = expected.stream().filter(t -> t.contains("holdout")).count();
    assertThat(heldOut).as("held out").isBetween(45L, 135L);

    assertThat(planned(killed, true)).isEqualTo(expected);
  }

  /** The stored tasks after one run on a fresh data folder; with {@code kill}, killed right after the publication. */
  private static List<String> planned(Path data, boolean kill) throws Exception {
    int port = ServerProcess.freePort();
    String url = StoredRows.url(data);
    ServerProcess server = kill ? StoredRows.start(data, port, "--strata.test.stall-published=1")
        : StoredRows.start(data, port);
    try {
      Api admin = server.admin();
      load(admin);
      assertThat(admin.put("/api/v1/model", Map.of("yaml", MODEL, "note", "calls")).status()).isEqualTo(201);
      long run = admin.post("/api/v1/runs", Map.of()).json().get("id").asLong();
      assertThat(run).isEqualTo(1);
      if (kill) {
        ServerProcess stalled = server;
        waitFor(() -> stalled.logged("STALLED after publishing run 1"));
        assertThat(StoredRows.count(url, "select count(*) from service_task")).as("the gap").isZero();
        server.kill();
        server = StoredRows.start(data, port);
        server.admin();
        server.awaitReady();
      }
      waitFor(() -> planOf(url) == 1);
      return StoredRows.rows(url, TASKS);
    } finally {
      server.kill();
    }
  }

  private static long planOf(String url) {
    try {
      return StoredRows.count(url, "select coalesce(run_id, 0) from task_plan where id = 1");
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Customers K0..K599 with a phone and one purchase each: 649.50 down to 350.00, so K0..K299 spend 500 or more. */
  private static void load(Api admin) {
    List<Map<String, String>> customers = new ArrayList<>();
    List<Map<String, String>> purchases = new ArrayList<>();
    for (int i = 0; i < CUSTOMERS; i++) {
      customers.add(Map.of("id", "K" + i, "name", "Kunde " + i, "owner", "rep" + i % 3,
          "phone", "1380000" + String.format("%04d", i)));
      purchases.add(Map.of("recordId", "p" + i, "customerId", "K" + i, "date", "2026-06-05",
          "amount", String.valueOf(649.5 - i / 2.0)));
    }
    assertThat(admin.post("/api/v1/batch/customers", customers).status()).isEqualTo(200);
    assertThat(admin.post("/api/v1/batch/transactions", purchases).status()).isEqualTo(200);
  }
}
