package strata.server.data;

import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * How many changed pages the embedded H2 holds before it writes them out inside a transaction. H2's store writes every
 * page changed since its last write whenever they pass 19 MB, a fixed figure that no setting of the URL reaches. A
 * run's 250,000 snapshot rows go into 17 indexes at scattered pages, so the same pages were written again every few
 * hundred rows: 12.5 GB written for one run, 181 s (bench/README.md, "H2 at 250k customers"). Commits still
 * write at once (WRITE_DELAY=0), so what a commit promises is unchanged; only the writes inside a transaction wait
 * for the larger budget or the commit.
 *
 * <p>The figure is a final field of H2's {@code MVStore}, set here by reflection: {@code H2WriteBudgetTest} checks it
 * against the H2 version the build pins, and if a later H2 renames it the server says so and runs with H2's own.
 */
@Component
public class H2WriteBudget {
  private static final Logger log = LoggerFactory.getLogger(H2WriteBudget.class);
  private static final long MIB = 1024 * 1024;
  /**
   * H2 compares {@code 4 * budget} and {@code 3 * unsaved} as ints: 448 MiB keeps the first below 2^31, and the
   * second until the unsaved pages pass the budget by more than half (715 MiB), which a write prevents long before.
   */
  static final long MAX = 448 * MIB;

  H2WriteBudget(DataSource dataSource, Dialect dialect) {
    if (dialect.postgres()) return;
    long budget = forHeap(Runtime.getRuntime().maxMemory());
    try (Connection c = dataSource.getConnection()) {
      if (apply(c, budget)) log.info("H2 writes changed pages every {} MiB inside a transaction", budget / MIB);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot reach the embedded database: " + e.getMessage(), e);
    }
  }

  /** An eighth of the heap, at least H2's own 19 MiB and at most {@link #MAX}. */
  static long forHeap(long maxHeap) {
    return Math.max(19 * MIB, Math.min(MAX, maxHeap / 8));
  }

  /** Sets the budget of the H2 database behind {@code c}; false (and a warning) if this H2 has no such field. */
  static boolean apply(Connection c, long bytes) throws SQLException {
    MVStore store = store(c);
    try {
      Field f = MVStore.class.getDeclaredField("autoCommitMemory");
      f.setAccessible(true);
      f.setInt(store, (int) Math.min(bytes, MAX));
      return true;
    } catch (ReflectiveOperationException | RuntimeException e) {
      log.warn("H2 keeps its own 19 MB write budget ({}); bulk writes will write pages more often", e.toString());
      return false;
    }
  }

  static MVStore store(Connection c) throws SQLException {
    return ((SessionLocal) c.unwrap(JdbcConnection.class).getSession()).getDatabase().getStore().getMvStore();
  }
}
