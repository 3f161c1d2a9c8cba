package strata.server.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Kills a server while one of its writes waits for a row the test holds, so the kill surely lands inside the write's
 * transaction, between what it wrote before that row and what it writes after (a kill at a random moment rarely does).
 */
public final class HeldRow {
  /** A start setting: the server waits for a held row as long as the test needs (H2's default is 2 s). */
  public static final String PATIENT = "--spring.datasource.hikari.connection-init-sql=SET LOCK_TIMEOUT 120000";

  private HeldRow() {}

  /**
   * Runs {@code lock} (a {@code select … for update}) in a transaction of the test's own on the server's database
   * ({@link StoredRows#url}), sends the write from another thread, and kills the server once one of its sessions
   * waits for that transaction. The caller restarts the server and checks that nothing of the write was kept.
   */
  public static void killWhileHeld(ServerProcess server, String url, String lock, Runnable send) throws Exception {
    // Over the server's own database (AUTO_SERVER): the connection dies with it, the lock with the connection.
    Connection held = DriverManager.getConnection(url, "strata", "");
    try (Statement s = held.createStatement()) {
      held.setAutoCommit(false);
      s.executeQuery(lock).close();
      Thread sender = new Thread(() -> {
        try {
          send.run();
        } catch (RuntimeException e) { // the server was killed
        }
      });
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

  /** Whether a session of the server waits for the connection's transaction. */
  private static boolean waitingFor(Connection held) {
    try (Statement s = held.createStatement(); ResultSet rs = s.executeQuery("select count(*) from "
        + "information_schema.sessions where blocker_id = session_id()")) {
      rs.next();
      return rs.getInt(1) > 0;
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
  }
}
