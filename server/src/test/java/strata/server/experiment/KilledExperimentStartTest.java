package strata.server.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static strata.server.testing.ServerProcess.waitFor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import strata.server.testing.Api;
import strata.server.testing.ServerProcess;
import strata.server.testing.StoredRows;

/**
 * Experiments start and end as runs publish, in a transaction after the publication's: a server killed between the
 * two, or at any moment of a run, must leave a snapshot together with its experiments' starts and ends (and its KPI
 * table, computed after the publication too), never one without the other. First the worst moment (the publication committed, the experiments not yet followed: the test
 * hook StallAfterPublish stops the run there), then {@code kill -9} at random moments of a run whose model version
 * ends one experiment and starts another.
 */
class KilledExperimentStartTest {
  private static final long SEED = 20261204L;
  private static final int CUSTOMERS = 2_000;
  private static final int RANDOM_POINTS = 2;
  private static final String MODEL = """
      tiers:
        - id: big
          name: {zh: 大客户, en: Big}
          when: monetary >= 500.0
          service:
            holdout: {experiment: %s, share: 0.3}
        - id: small
          name: {zh: 小客户, en: Small}
          when: true
      """;

  @Test
  void aSnapshotIsNeverPublishedWithoutItsExperimentsStartsAndEnds(
      @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path data) throws Exception { // the servers' logs stay on failure
    Random random = new Random(SEED);
    int port = ServerProcess.freePort();
    String url = StoredRows.url(data);
    long first;
    ServerProcess server = StoredRows.start(data, port, "--strata.test.stall-published=1");
    try {
      Api admin = server.admin();
      customers(admin);
      assertThat(admin.put("/api/v1/model", Map.of("yaml", MODEL.formatted("x1"), "note", "x1")).status())
          .isEqualTo(201);
      long t0 = System.nanoTime();
      first = admin.post("/api/v1/runs", Map.of()).json().get("id").asLong();
      assertThat(first).isEqualTo(1);
      ServerProcess stalled = server;
      waitFor(() -> stalled.logged("STALLED after publishing run 1"));
      long runNanos = System.nanoTime() - t0; // about a run's time, for the random kill points below
      assertThat(experiments(url)).as("the gap the kill lands in").isEmpty();
      assertThat(StoredRows.count(url, "select count(*) from snapshot_kpi where run_id = 1")).isZero();
      server.kill();

      server = StoredRows.start(data, port);
      admin = server.admin();
      server.awaitReady();
      assertThat(admin.get("/api/v1/runs/current").json().get("id").asLong()).isEqualTo(first);
      List<String> started = experiments(url);
      // Big customers spent 500 or more: C0..C998 of the 2,000 (see customers()).
      assertThat(started).as("the current snapshot's experiment, after the restart").containsExactly(
          "x1|" + first + "|null|null");
      assertThat(strata(url)).containsExactly("x1|big|999");
      // The start computes the missing KPIs in the background: the table answers once they are stored.
      Api restarted = admin;
      waitFor(() -> restarted.get("/api/v1/kpis?snapshot=1").status() == 200);
      assertThat(StoredRows.count(url, "select count(*) from snapshot_kpi where run_id = 1")).as("its KPIs")
          .isPositive();

      // Each next model version ends the running experiment (its holdout removed) and starts a new one; its run is
      // killed at a random moment.
      for (int point = 1; point <= RANDOM_POINTS; point++) {
        String next = "x" + (point + 1);
        assertThat(admin.put("/api/v1/model", Map.of("yaml", MODEL.formatted(next), "note", next)).status())
            .isEqualTo(201);
        List<String> before = experiments(url);
        long run = admin.post("/api/v1/runs", Map.of()).json().get("id").asLong();
        Thread.sleep((long) (random.nextDouble() * 1.3 * runNanos / 1_000_000));
        server.kill();
        server = StoredRows.start(data, port);
        admin = server.admin();
        server.awaitReady();
        String status = admin.get("/api/v1/runs/" + run).json().get("status").asString();
        if (status.equals("failed")) {
          assertThat(experiments(url)).as("point %d: a failed run changed no experiment", point).isEqualTo(before);
        } else {
          assertThat(status).isEqualTo("succeeded");
          List<String> expected = new ArrayList<>();
          for (String e : before) expected.add(e.endsWith("|null|null") ? e.replace("|null|null", "|" + run
              + "|holdout_removed") : e);
          expected.add(next + "|" + run + "|null|null");
          assertThat(experiments(url)).as("point %d: ended and started by the published run", point)
              .isEqualTo(expected);
        }
        System.out.printf("KilledExperimentStartTest: point %d left run %d %s%n", point, run, status);
      }
    } finally {
      server.kill();
    }
  }

  /** Customers C0..C1999 with one purchase each: 999.00 down to 0.50 (999 - i/2), so C0..C998 spend 500 or more. */
  private static void customers(Api admin) {
    List<Map<String, String>> customers = new ArrayList<>();
    List<Map<String, String>> purchases = new ArrayList<>();
    for (int i = 0; i < CUSTOMERS; i++) {
      customers.add(Map.of("id", "C" + i, "name", "Customer " + i, "owner", "rep" + i % 5));
      purchases.add(Map.of("recordId", "t" + i, "customerId", "C" + i, "date", "2026-06-05",
          "amount", String.valueOf(999.0 - i / 2.0)));
    }
    assertThat(admin.post("/api/v1/batch/customers", customers).status()).isEqualTo(200);
    assertThat(admin.post("/api/v1/batch/transactions", purchases).status()).isEqualTo(200);
  }

  private static List<String> experiments(String url) throws java.sql.SQLException {
    return StoredRows.rows(url, "select id, start_run, end_run, end_code from experiment order by id");
  }

  private static List<String> strata(String url) throws java.sql.SQLException {
    return StoredRows.rows(url, "select experiment_id, tier, enrolled from experiment_stratum order by 1, 2");
  }
}
