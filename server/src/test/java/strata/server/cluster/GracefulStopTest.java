package strata.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import strata.server.testing.ServerProcess;

/**
 * A normal stop (SIGTERM) of a server on its embedded database runs the shutdown to its end: the instance removes its
 * row before the database closes (H2's own exit hook used to close it first), and the file is compacted.
 */
class GracefulStopTest {
  @Test
  void aStoppedServerLeavesNoInstanceRowAndItsDatabaseClosedCleanly(
      @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path data) throws Exception {
    ServerProcess server = ServerProcess.start(data, ServerProcess.freePort());
    server.admin().get("/api/v1/runs").status();
    server.stop();
    assertThat(server.log()).doesNotContain("not removed at shutdown").doesNotContain("already closed");
    try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + data.resolve("db/strata")
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "strata", "");
        ResultSet rs = c.createStatement().executeQuery("select count(*) from server_instance")) {
      rs.next();
      assertThat(rs.getLong(1)).isZero();
    }
  }
}
