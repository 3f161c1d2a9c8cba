package strata.server.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import strata.server.testing.Api;
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
    int port = freePort();
    Process first = start(data, port, "--demo", "--strata.test.stall-run=3");
    try {
      Api admin = waitForDemo(port);
      long before = admin.get("/api/v1/runs/current").json().get("id").asLong();
      JsonNode tiers = admin.get("/api/v1/dashboard").json().get("tiers");
      long run = admin.post("/api/v1/runs", "{}").json().get("id").asLong();
      assertThat(run).isEqualTo(3); // the demo made runs 1 and 2
      waitFor(() -> admin.get("/api/v1/runs/" + run).json().get("phase").asString().equals("writing snapshot"));
      first.destroyForcibly().waitFor();

      Process second = start(data, port);
      try {
        Api again = waitForDemo(port);
        assertThat(again.get("/api/v1/runs/current").json().get("id").asLong()).isEqualTo(before);
        JsonNode killed = again.get("/api/v1/runs/" + run).json();
        assertThat(killed.get("status").asString()).isEqualTo("failed");
        assertThat(killed.get("error").asString()).contains("interrupted");
        assertThat(again.get("/api/v1/dashboard").json().get("tiers")).isEqualTo(tiers);
      } finally {
        second.destroyForcibly().waitFor();
      }
    } finally {
      first.destroyForcibly().waitFor();
    }
  }

  private static Process start(Path data, int port, String... extra) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "strata.server.StrataServer", "--server.port=" + port,
        "--strata.data=" + data, "--strata.admin.password=admin-password-1", "--strata.runs.after-import=false"));
    cmd.addAll(List.of(extra));
    return new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(data.resolve("server-" + System.nanoTime() + ".log").toFile()).start();
  }

  private static Api waitForDemo(int port) {
    Api anonymous = new Api(port);
    waitFor(() -> {
      try {
        return anonymous.get("/actuator/health").status() == 200;
      } catch (RuntimeException e) {
        return false;
      }
    });
    Api admin = anonymous.as("admin", "admin-password-1");
    waitFor(() -> admin.get("/api/v1/runs/current").status() == 200);
    return admin;
  }

  private static void waitFor(BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) throw new AssertionError("timed out");
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
