package strata.server.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static strata.server.testing.ServerProcess.waitFor;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import strata.server.testing.Api;
import strata.server.testing.Postgres;
import strata.server.testing.ServerProcess;

/**
 * README's PostgreSQL backup, done as written: {@code pg_dump -Fc} of a running server's database (the demo, six runs
 * and an override), {@code pg_restore --no-owner} into an empty database, the imports' rejected rows copied beside
 * it; a second server on the restored database answers what the first answered at the dump.
 */
class PgDumpRestoreTest {
  @Test
  void aPgDumpOfARunningServerRestoresIntoAnEmptyDatabaseAndServesTheSameData(
      @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path dir) throws Exception { // the servers' logs stay on failure
    Postgres.Database source = Postgres.newDatabase();
    Path data = Files.createDirectories(dir.resolve("data"));
    Path dump = dir.resolve("strata.dump");
    int port = ServerProcess.freePort();
    Map<String, Object> atDump;
    String customer;
    try (ServerProcess first = ServerProcess.start(data, port, with(source, "--demo"))) {
      Api admin = first.admin();
      waitFor(() -> admin.get("/api/v1/runs/current").status() == 200
          && admin.get("/api/v1/runs/current").json().get("id").asLong() == 6); // the demo's last run
      first.awaitReady();
      customer = admin.get("/api/v1/customers?size=1&sort=id,asc").json().get("items").get(0).get("id").asString();
      assertThat(admin.put("/api/v1/customers/" + customer + "/override", Map.of("tier",
          BackupRestoreTest.otherTier(admin, customer), "reason", "kept through the dump")).status()).isEqualTo(201);
      atDump = BackupRestoreTest.answers(admin, customer);
      run(dir, Postgres.tool("pg_dump"), "-Fc", "-f", dump.toString(), "-d", libpq(source));
      // Made after the dump, so it must not be in it.
      assertThat(admin.delete("/api/v1/customers/" + customer + "/override").status()).isEqualTo(204);
    }

    Postgres.Database target = Postgres.newDatabase();
    run(dir, Postgres.tool("pg_restore"), "--no-owner", "-d", libpq(target), dump.toString());
    Path restored = Files.createDirectories(dir.resolve("restored"));
    try (Stream<Path> files = Files.walk(data.resolve("imports"))) {
      for (Path f : files.filter(f -> f.getFileName().toString().equals("rejected.csv")).toList()) {
        Path to = restored.resolve(data.relativize(f));
        Files.createDirectories(to.getParent());
        Files.copy(f, to);
      }
    }
    try (ServerProcess second = ServerProcess.start(restored, port, with(target))) {
      Api admin = second.admin();
      second.awaitReady();
      Map<String, Object> now = BackupRestoreTest.answers(admin, customer);
      for (String what : atDump.keySet()) assertThat(now.get(what)).as(what).isEqualTo(atDump.get(what));
    }
  }

  private static String[] with(Postgres.Database db, String... more) {
    List<String> args = new ArrayList<>(List.of("--spring.datasource.url=" + db.url(),
        "--spring.datasource.username=" + db.user(), "--spring.datasource.password=" + db.password()));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  /** The database as a libpq URI for the client tools (a JDBC URL without its driver settings). */
  private static String libpq(Postgres.Database db) {
    URI u = URI.create(db.url().substring("jdbc:".length()));
    String auth = db.password().isEmpty() ? db.user() : db.user() + ":" + db.password();
    return "postgresql://" + auth + "@" + u.getHost() + ":" + u.getPort() + u.getPath();
  }

  private static void run(Path dir, String... command) throws IOException, InterruptedException {
    Path log = Files.createTempFile(dir, "tool", ".log");
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
    assertThat(p.exitValue()).as(String.join(" ", command) + ": " + Files.readString(log)).isZero();
  }
}
