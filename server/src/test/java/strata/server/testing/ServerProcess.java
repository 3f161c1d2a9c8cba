package strata.server.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The server as its own operating-system process on a data folder, so a test can kill it for real (SIGKILL) and
 * start it again on what it left behind. Its output goes to a log file in the data folder.
 */
public final class ServerProcess implements AutoCloseable {
  public static final String ADMIN_PASSWORD = "admin-password-1";
  private final Process process;
  private final int port;
  private final Path log;

  private ServerProcess(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** The process's output so far. */
  public String log() throws IOException {
    return java.nio.file.Files.readString(log);
  }

  /** Whether the process's output so far holds {@code text} (a test hook's "STALLED ..." line, say). */
  public boolean logged(String text) {
    try {
      return log().contains(text);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Starts a server with runs after imports off; {@code extra} are more command-line settings. */
  public static ServerProcess start(Path data, int port, String... extra) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx1g", "-cp", System.getProperty("java.class.path"), "strata.server.StrataServer",
        "--server.port=" + port, "--strata.data=" + data, "--strata.admin.password=" + ADMIN_PASSWORD,
        "--strata.runs.after-import=false"));
    cmd.addAll(List.of(extra));
    Path log = data.resolve("server-" + System.nanoTime() + ".log");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    return new ServerProcess(p, port, log);
  }

  /** Waits until the server answers and the admin can sign in. */
  public Api admin() {
    Api anonymous = new Api(port);
    waitFor(() -> {
      if (!process.isAlive()) throw new AssertionError("the server process ended with " + process.exitValue());
      try {
        return anonymous.get("/actuator/health").status() == 200;
      } catch (RuntimeException e) {
        return false;
      }
    });
    return anonymous.as("admin", ADMIN_PASSWORD);
  }

  /**
   * Waits until the server is ready: after its start-up work (marking cut-off runs failed and removing their rows,
   * catching up experiments and KPIs), which runs after it first answers.
   */
  public void awaitReady() {
    Api anonymous = new Api(port);
    waitFor(() -> anonymous.get("/actuator/health/readiness").status() == 200);
  }

  /** SIGTERM, as a service manager stops it: the shutdown hooks run; waits up to two minutes for the exit. */
  public int stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(2, java.util.concurrent.TimeUnit.MINUTES)) throw new AssertionError("the server did not stop");
    return process.exitValue();
  }

  /** SIGKILL: no shutdown hook, no closing of the database. */
  public void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  @Override
  public void close() throws InterruptedException {
    kill();
  }

  /** Polls for up to 5 minutes: a server's start took 70 s on a 2-core machine shared with other builds. */
  public static void waitFor(BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(300).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) throw new AssertionError("timed out");
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  public static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
