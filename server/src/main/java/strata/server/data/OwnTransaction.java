package strata.server.data;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * One transaction on a connection of its own, apart from Spring's: for the writers that stream many rows through plain
 * JDBC (COPY on PostgreSQL, batches elsewhere), such as a run's KPI input and product rows, all of which commit or
 * none.
 */
public final class OwnTransaction {
  /** Work on the transaction's connection. */
  @FunctionalInterface
  public interface Work {
    void run(Connection c) throws SQLException;
  }

  private OwnTransaction() {}

  /**
   * Runs {@code work} with auto-commit off: commits when it returns, rolls back when it throws anything, and gives the
   * connection back to the pool in auto-commit mode.
   */
  public static void run(DataSource dataSource, Work work) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        work.run(c);
        c.commit();
      } catch (Throwable e) {
        // Errors too (an OutOfMemoryError mid-write): switching auto-commit back on below would commit the half.
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    }
  }
}
