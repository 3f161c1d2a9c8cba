package strata.server.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * How kill tests kill a server amid a write sent from another thread: at a given moment, or while the write waits for
 * a row the test holds, so the kill surely lands inside the write's transaction, between what it wrote before that row
 * and what it writes after (a kill at a random moment rarely does). The caller restarts the server and checks what
 * was kept.
 */
public final class Kills {
  /** A start setting: the server waits for a held row as long as the test needs (H2's default is 2 s). */
  public static final String PATIENT = "--spring.datasource.hikari.connection-init-sql=SET LOCK_TIMEOUT 120000";

  private Kills() {}

  /** Sends the writes from another thread and kills the server {@code nanos} after they start. */
  public static void after(ServerProcess server, double nanos, Runnable send) throws InterruptedException {
    Thread sender = sender(send);
    sender.start();
    Thread.sleep((long) (nanos / 1_000_000));
    server.kill();
    sender.join();
  }

  /**
   * Runs {@code lock} (a {@code select … for update}) in a transaction of the test's own on the server's database
   * ({@link StoredRows#url}), sends the write from another thread, and kills the server once one of its sessions
   * waits for that transaction.
   */
  public static void whileHeld(ServerProcess server, String url, String lock, Runnable send) throws Exception {
    // Over the server's own database (AUTO_SERVER): the connection dies with it, the lock with the connection.
    whileHeld(server, DriverManager.getConnection(url, "strata", ""), lock, send);
  }

  /**
   * {@link #whileHeld} on the server's PostgreSQL database. {@code hold} may also insert a key the write will insert:
   * PostgreSQL's unique check makes the write wait until the test's transaction ends, which it does (rolled back)
   * once the server is dead.
   */
  public static void whileHeld(ServerProcess server, Postgres.Database db, String hold, Runnable send)
      throws Exception {
    whileHeld(server, DriverManager.getConnection(db.url(), db.user(), db.password()), hold, send);
  }

  private static void whileHeld(ServerProcess server, Connection held, String hold, Runnable send) throws Exception {
    try (Statement s = held.createStatement()) {
      held.setAutoCommit(false);
      s.execute(hold);
      Thread sender = sender(send);
      sender.start();
      ServerProcess.waitFor(() -> waitingFor(held));
      server.kill();
      sender.join();
    } finally {
      try {
        held.close();
      } catch (SQLException e) { // gone with the server
      }
    }
  }

  private static Thread sender(Runnable send) {
    return new Thread(() -> {
      try {
        send.run();
      } catch (RuntimeException e) { // the server was killed
      }
    });
  }

  /**
   * Whether a session of the server waits for the connection's transaction. On PostgreSQL from pg_locks, which is read
   * live: pg_stat_activity would be read once per transaction, and this one stays open.
   */
  public static boolean waitingFor(Connection held) {
    try (Statement s = held.createStatement(); ResultSet rs = s.executeQuery(
        "PostgreSQL".equals(held.getMetaData().getDatabaseProductName())
            ? "select count(*) from pg_locks where not granted and pg_backend_pid() = any(pg_blocking_pids(pid))"
            : "select count(*) from information_schema.sessions where blocker_id = session_id()")) {
      rs.next();
      return rs.getInt(1) > 0;
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
  }
}
