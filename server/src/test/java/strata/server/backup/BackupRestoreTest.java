package strata.server.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static strata.server.testing.ServerProcess.waitFor;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import strata.server.testing.Api;
import strata.server.testing.ServerProcess;
import tools.jackson.databind.JsonNode;

/**
 * A backup taken from a running server (the demo's customers, purchases, interactions, surveys, six runs, plus an
 * override) restored into an empty folder: a second server on it answers the same as the first did at the backup.
 * Both servers are processes of their own, driven through the API and the operator's commands. One test, because
 * each demo server takes a while to start.
 */
class BackupRestoreTest {
  private static final String DEMO_PASSWORD = "strata-demo";

  @Test
  void aBackupOfARunningServerRestoresIntoAnEmptyFolderAndServesTheSameData(
      @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path dir) throws Exception { // the servers' logs stay on failure
    Path data = Files.createDirectories(dir.resolve("data"));
    Path saved = Files.createDirectories(dir.resolve("saved"));
    int port = ServerProcess.freePort();
    Map<String, Object> atBackup;
    String customer;
    String apiToken;
    try (ServerProcess first = ServerProcess.start(data, port, "--demo")) {
      Api admin = first.admin();
      waitFor(() -> admin.get("/api/v1/runs/current").status() == 200
          && admin.get("/api/v1/runs/current").json().get("id").asLong() == 6); // the demo's last run
      customer = admin.get("/api/v1/customers?size=1&sort=id,asc").json().get("items").get(0).get("id").asString();
      String tier = otherTier(admin, customer);
      assertThat(admin.put("/api/v1/customers/" + customer + "/override",
          Map.of("tier", tier, "reason", "strategic account, kept through the backup")).status()).isEqualTo(201);
      apiToken = admin.post("/api/v1/tokens", Map.of("name", "nightly backup")).json().get("token").asString();
      atBackup = answers(admin, customer);
      onlyAdminsMayBackUp(new Api(port));

      String[] backup = {"backup", "--url", "http://localhost:" + port, "--token", apiToken, "--out", saved.toString()};
      Command taken = Command.run(backup);
      assertThat(taken.code()).as(taken.err()).isEqualTo(0);
      assertThat(taken.out()).contains("saved to " + saved);

      // Made after the backup, so it must not be in it: the backup is the data as it was when it was taken.
      assertThat(admin.delete("/api/v1/customers/" + customer + "/override").status()).isEqualTo(204);
      JsonNode onServer = admin.get("/api/v1/admin/backups").json();
      assertThat(onServer).hasSize(1);
      String name = onServer.get(0).get("name").asString();
      assertThat(name).matches("strata-\\d{8}-\\d{6}\\.zip");
      assertThat(data.resolve("backups").resolve(name)).hasSameBinaryContentAs(saved.resolve(name));
      JsonNode audit = admin.get("/api/v1/audit?user=admin").json().get("items");
      assertThat(audit.get(0).get("action").asString()).isEqualTo("override_removed");
      assertThat(audit.get(1).get("action").asString()).isEqualTo("backup_downloaded");
      assertThat(audit.get(2).get("action").asString()).isEqualTo("backup");
      assertThat(audit.get(2).at("/detailParams/file").asString()).isEqualTo(name);
      assertThat(new Api(port).as("analyst", DEMO_PASSWORD).get("/api/v1/admin/backups/" + name).status())
          .isEqualTo(403);
      assertThat(admin.get("/api/v1/admin/backups/..%2Fdb%2Fstrata.mv.db").status()).isIn(400, 404);
      assertThat(admin.get("/api/v1/admin/backups/strata-20990101-000000.zip").status()).isEqualTo(404);
    }

    Path restored = dir.resolve("restored");
    Path zip = Files.list(saved).findFirst().orElseThrow();
    Command restore = Command.run("restore", "--from", zip.toString(), "--data", restored.toString());
    assertThat(restore.code()).as(restore.err()).isEqualTo(0);
    try (ServerProcess second = ServerProcess.start(restored, port)) {
      Api admin = second.admin();
      Map<String, Object> now = answers(admin, customer);
      for (String what : atBackup.keySet()) assertThat(now.get(what)).as(what).isEqualTo(atBackup.get(what));
      assertThat(new Api(port).withToken(apiToken).get("/api/v1/me").status()).isEqualTo(200);
      assertThat(admin.get("/api/v1/admin/backups").json()).isEmpty(); // backups are not inside backups
    }
  }

  /** Analysts and sales users may not take or list backups (a backup holds every customer); nobody unsigned. */
  private static void onlyAdminsMayBackUp(Api anonymous) {
    for (String user : List.of("analyst", "zhangwei")) {
      Api api = anonymous.as(user, DEMO_PASSWORD);
      assertThat(api.post("/api/v1/admin/backups", "").status()).as(user).isEqualTo(403);
      assertThat(api.get("/api/v1/admin/backups").status()).as(user).isEqualTo(403);
    }
    assertThat(anonymous.post("/api/v1/admin/backups", "").status()).isEqualTo(401);
  }

  /**
   * What the API answers about the data; a backup missing any of it changes one of these. JSON answers are compared
   * as trees: the order of keys in a map of labels is no part of the answer.
   */
  static Map<String, Object> answers(Api api, String customer) {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("customers.csv", new String(api.bytes("/api/v1/customers/export?format=csv"), StandardCharsets.UTF_8));
    for (String path : List.of("/runs/current", "/runs?size=500", "/dashboard", "/migrations", "/meta", "/model",
        "/model/versions", "/overrides?active=false&size=500", "/imports?size=500", "/users",
        "/customers/" + customer, "/customers/" + customer + "/history", "/customers/" + customer + "/transactions?size=500",
        "/customers/" + customer + "/interactions?size=500", "/customers/" + customer + "/surveys?size=500")) {
      Api.Response r = api.get("/api/v1" + path);
      assertThat(r.status()).as(path).isEqualTo(200);
      a.put(path, r.json());
    }
    int withRejections = 0;
    for (JsonNode job : api.get("/api/v1/imports?size=500").json().get("items")) {
      if (job.path("quality").path("rejected").asInt() > 0) {
        a.put("rejected " + job.get("id"), new String(api.bytes("/api/v1/imports/" + job.get("id") + "/rejected"),
            StandardCharsets.UTF_8));
        withRejections++;
      }
    }
    assertThat(withRejections).as("the demo's imports reject some rows").isPositive();
    return a;
  }

  static String otherTier(Api admin, String customer) {
    String current = admin.get("/api/v1/customers/" + customer).json().get("tier").asString();
    for (JsonNode t : admin.get("/api/v1/meta").json().get("tiers")) {
      if (!t.get("id").asString().equals(current)) return t.get("id").asString();
    }
    throw new AssertionError("the model has one tier");
  }

  private record Command(int code, String out, String err) {
    static Command run(String... args) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int code = BackupCommands.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
          new PrintStream(err, true, StandardCharsets.UTF_8));
      return new Command(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
  }
}
