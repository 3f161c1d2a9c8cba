package strata.server.run;

import static org.assertj.core.api.Assertions.assertThat;
import static strata.server.testing.ServerProcess.waitFor;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import strata.server.testing.Api;
import strata.server.testing.ServerProcess;
import tools.jackson.databind.JsonNode;

/**
 * The atomic-publish guarantee against a real kill: a server process is killed (SIGKILL) while a run writes its
 * snapshot; after a restart on the same embedded database the previous snapshot is still current and the cut-off
 * run is marked failed.
 */
class KilledRunTest {
  @Test
  void aRunKilledMidwayLeavesThePreviousSnapshotCurrent(
      @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path data) throws Exception { // the servers' logs stay on failure
    int port = ServerProcess.freePort();
    try (ServerProcess first = ServerProcess.start(data, port, "--demo", "--strata.test.stall-run=7")) {
      Api admin = first.admin();
      // The demo's last run: it answers requests while it still loads and tiers its quarters.
      waitFor(() -> admin.get("/api/v1/runs/current").status() == 200
          && admin.get("/api/v1/runs/current").json().get("id").asLong() == 6);
      long before = admin.get("/api/v1/runs/current").json().get("id").asLong();
      JsonNode tiers = admin.get("/api/v1/dashboard").json().get("tiers");
      long run = admin.post("/api/v1/runs", "{}").json().get("id").asLong();
      assertThat(run).isEqualTo(7); // the demo made runs 1 to 6, one per quarter
      waitFor(() -> admin.get("/api/v1/runs/" + run).json().at("/phase/code").asString("").equals("phase_writing_snapshot"));
      first.kill();

      try (ServerProcess second = ServerProcess.start(data, port)) {
        Api again = second.admin();
        assertThat(again.get("/api/v1/runs/current").json().get("id").asLong()).isEqualTo(before);
        JsonNode killed = again.get("/api/v1/runs/" + run).json();
        assertThat(killed.get("status").asString()).isEqualTo("failed");
        assertThat(killed.get("error").get("code").asString()).isEqualTo("run_interrupted");
        assertThat(killed.get("error").get("en").asString()).contains("interrupted");
        assertThat(again.get("/api/v1/dashboard").json().get("tiers")).isEqualTo(tiers);
      }
    }
  }
}
