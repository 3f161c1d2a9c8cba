package strata.server.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import strata.server.testing.Api;
import strata.server.testing.ServerTest;
import tools.jackson.databind.JsonNode;

/**
 * With {@code strata.runs.after-import} on, an import names the scoring run it started ({@code runId}, docs/api.md),
 * and one that failed names none. Run on H2 and on PostgreSQL.
 */
abstract class ImportRunContract extends ServerTest {
  @Autowired JdbcClient db;

  /** The import's runId once set; the run starts on the import thread right after the job is marked succeeded. */
  private static long awaitRunId(Api api, long importId) throws InterruptedException {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (System.nanoTime() < deadline) {
      JsonNode runId = api.get("/api/v1/imports/" + importId).json().get("runId");
      if (!runId.isNull()) return runId.asLong();
      Thread.sleep(50);
    }
    throw new AssertionError("import " + importId + " has no runId after 30 s");
  }

  private static void awaitRunFinished(Api api, long runId) throws InterruptedException {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (api.get("/api/v1/runs/" + runId).json().get("status").asString().equals("running")) {
      if (System.nanoTime() > deadline) throw new AssertionError("run " + runId + " still running after 60 s");
      Thread.sleep(100);
    }
  }

  @Test
  void anImportNamesTheRunItStartedAndAFailedOneNamesNone() throws InterruptedException {
    Api admin = admin();
    byte[] bad = "customer_id,order_date,amount\nR9,2024-02-30,5\n".getBytes(StandardCharsets.UTF_8);
    JsonNode failed = Uploads.importFile(admin, "bad.csv", bad, "transactions");
    assertThat(failed.get("status").asString()).isEqualTo("failed");

    byte[] orders = "customer_id,order_date,amount\nR1,2024-01-05,100\nR2,2024-01-06,50\n"
        .getBytes(StandardCharsets.UTF_8);
    long importId = Uploads.importFile(admin, "r.csv", orders, "transactions").get("id").asLong();
    long runId = awaitRunId(admin, importId);
    // The only run started by an import is the one it names.
    assertThat(db.sql("select id from tier_run where trigger_kind = 'import'").query(Long.class).list())
        .containsExactly(runId);
    JsonNode run = admin.get("/api/v1/runs/" + runId).json();
    assertThat(run.get("trigger").asString()).isEqualTo("import");
    assertThat(run.get("startedBy").asString()).isEqualTo("admin");
    awaitRunFinished(admin, runId);
    // The failed import started nothing (no import finished event), so it names no run; the list says the same.
    assertThat(admin.get("/api/v1/imports/" + failed.get("id").asLong()).json().get("runId").isNull()).isTrue();
    JsonNode listed = admin.get("/api/v1/imports?size=50").json().get("items");
    for (JsonNode job : listed) {
      if (job.get("id").asLong() == importId) assertThat(job.get("runId").asLong()).isEqualTo(runId);
    }
  }
}
