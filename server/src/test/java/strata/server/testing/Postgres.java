package strata.server.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.util.FileSystemUtils;

/**
 * A real PostgreSQL server for the tests: {@code STRATA_PG_URL} (with {@code STRATA_PG_USER},
 * {@code STRATA_PG_PASSWORD}) if set, otherwise a private cluster started from the installed binaries
 * ({@code apt-get install postgresql}; {@code .ci/run} does) in a temporary folder, stopped and removed when the JVM exits.
 * Each caller gets a fresh database.
 */
public final class Postgres {
  public record Database(String url, String user, String password) {}

  private static String base;
  private static String user;
  private static String password;
  private static final AtomicInteger COUNTER = new AtomicInteger();

  private Postgres() {}

  public static synchronized Database newDatabase() {
    if (base == null) start();
    String name = "strata_test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
    try (Connection c = DriverManager.getConnection(base + "postgres", user, password)) {
      c.createStatement().execute("create database " + name + " encoding 'UTF8' template template0");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create a test database on " + base + ": " + e.getMessage(), e);
    }
    return new Database(base + name + "?reWriteBatchedInserts=true", user, password);
  }

  private static void start() {
    String url = System.getenv("STRATA_PG_URL");
    if (url != null && !url.isBlank()) {
      base = url.endsWith("/") ? url : url.substring(0, url.lastIndexOf('/') + 1);
      user = System.getenv().getOrDefault("STRATA_PG_USER", "strata");
      password = System.getenv().getOrDefault("STRATA_PG_PASSWORD", "strata");
      return;
    }
    Path bin = binaries();
    try {
      Path dir = Files.createTempDirectory("strata-pg");
      boolean root = "root".equals(System.getProperty("user.name"));
      if (root) run(List.of("chown", "-R", "postgres", dir.toString()), false);
      int port;
      try (ServerSocket s = new ServerSocket(0)) {
        port = s.getLocalPort();
      }
      Path data = dir.resolve("data");
      run(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-A", "trust", "-U", "strata",
          "-E", "UTF8", "--no-locale"), root);
      run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", dir.resolve("log").toString(),
          "-w", "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off "
              + "-c synchronous_commit=off -c full_page_writes=off"
              // Spring keeps each test class's context (and its pool of up to 16 connections) for reuse; a dozen
              // PostgreSQL test classes exceed the default limit of 100.
              + " -c max_connections=400", "start"), root);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "stop"), root);
          FileSystemUtils.deleteRecursively(dir.toFile());
        } catch (IOException e) {
          // the JVM is exiting; a stray server dies with the machine
        }
      }));
      base = "jdbc:postgresql://127.0.0.1:" + port + "/";
      user = "strata";
      password = "";
    } catch (IOException e) {
      throw new IllegalStateException("cannot start PostgreSQL from " + bin + ": " + e.getMessage(), e);
    }
  }

  /**
   * A PostgreSQL client tool (pg_dump, pg_restore) of the installed version, or from the PATH when the tests use a
   * server of their own ({@code STRATA_PG_URL}).
   */
  public static String tool(String name) {
    if (System.getenv("STRATA_PG_URL") != null && !System.getenv("STRATA_PG_URL").isBlank()) return name;
    return binaries().resolve(name).toString();
  }

  private static Path binaries() {
    Path root = Path.of("/usr/lib/postgresql");
    try (var versions = Files.list(root)) {
      return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
          .max(Path::compareTo)
          .orElseThrow();
    } catch (IOException | java.util.NoSuchElementException e) {
      throw new IllegalStateException("PostgreSQL is needed for the integration tests: install it "
          + "(apt-get install postgresql; .ci/run does) or set STRATA_PG_URL to a server's JDBC URL");
    }
  }

  private static void run(List<String> command, boolean asPostgres) throws IOException {
    List<String> full = new ArrayList<>();
    if (asPostgres) full.addAll(List.of("runuser", "-u", "postgres", "--"));
    full.addAll(command);
    Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
    try {
      String out = new String(p.getInputStream().readAllBytes());
      if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IOException(String.join(" ", full) + " failed: " + out);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }
}
