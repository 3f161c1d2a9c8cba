package strata.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static strata.server.testing.ServerProcess.waitFor;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import strata.server.testing.Api;
import strata.server.testing.ServerProcess;
import strata.server.testing.StoredRows;

/**
 * A password change under {@code kill -9}: the new password and the end of the user's sessions are one write (a new
 * password must shut out whoever knew the old one). The test holds a lock on the user's session rows, so the server
 * waits there after setting the password, and kills it while it waits: after the restart either the password is
 * new and the old sessions are revoked, or neither.
 */
class KilledPasswordChangeTest {
  private static final String HASH = "select password_hash from app_user where username = 'bo'";
  private static final String SESSIONS = "select revoked from api_token where username = 'bo' and kind = 'session'";

  @Test
  void aNewPasswordIsNeverStoredWithTheOldSessionsAlive(@TempDir(cleanup = CleanupMode.ON_SUCCESS) Path data)
      throws Exception {
    int port = ServerProcess.freePort();
    String url = StoredRows.url(data);
    ServerProcess server = StoredRows.start(data, port);
    try {
      Api admin = server.admin();
      assertThat(admin.post("/api/v1/users", Map.of("username", "bo", "password", "bo-password-1", "role",
          "analyst")).status()).isEqualTo(201);
      new Api(port).as("bo", "bo-password-1");
      String oldHash = StoredRows.rows(url, HASH).get(0);
      assertThat(StoredRows.rows(url, SESSIONS)).containsExactly("FALSE");

      // Over the server's own database (AUTO_SERVER): the connection dies with it, the lock with the connection.
      Connection lock = DriverManager.getConnection(url, "strata", "");
      try (Statement s = lock.createStatement()) {
        lock.setAutoCommit(false);
        s.executeQuery("select id from api_token where username = 'bo' for update").close();
        Thread change = new Thread(() -> {
          try {
            admin.patch("/api/v1/users/bo", Map.of("password", "bo-password-2"));
          } catch (RuntimeException e) { // the server was killed
          }
        });
        change.start();
        // Until the new password shows (committed before the sessions' end), or long enough to be waiting for them.
        long deadline = System.nanoTime() + 5_000_000_000L;
        waitFor(() -> System.nanoTime() > deadline || !hash(url).equals(oldHash));
        server.kill();
        change.join();
      } finally {
        try {
          lock.close();
        } catch (java.sql.SQLException e) { // gone with the server
        }
      }

      server = StoredRows.start(data, port);
      server.admin();
      boolean changed = !StoredRows.rows(url, HASH).get(0).equals(oldHash);
      List<String> sessions = StoredRows.rows(url, SESSIONS);
      assertThat(sessions).as("bo's session revoked exactly when the password changed (changed: %s)", changed)
          .containsExactly(changed ? "TRUE" : "FALSE");
      System.out.printf("KilledPasswordChangeTest: the change was %s%n", changed ? "kept whole" : "left out whole");
    } finally {
      server.kill();
    }
  }

  private static String hash(String url) {
    try {
      return StoredRows.rows(url, HASH).get(0);
    } catch (java.sql.SQLException e) {
      throw new AssertionError(e);
    }
  }
}
