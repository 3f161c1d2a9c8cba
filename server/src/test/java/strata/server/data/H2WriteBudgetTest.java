package strata.server.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * H2's store counts a version each time it writes changed pages; inside a transaction that changes more than H2's own
 * 19 MB it writes (and counts) before the commit, with the raised budget only at the commit.
 */
class H2WriteBudgetTest {
  private static final long MIB = 1024 * 1024;

  @TempDir Path dir;

  @Test
  void h2WritesInsideALargeTransactionWithItsOwnBudget() throws Exception {
    try (Connection c = open("own")) {
      assertThat(storesDuring(c)).isGreaterThan(0);
    }
  }

  @Test
  void theRaisedBudgetLeavesTheWriteToTheCommit() throws Exception {
    try (Connection c = open("raised")) {
      assertThat(H2WriteBudget.apply(c, 256 * MIB)).isTrue();
      assertThat(storesDuring(c)).isZero();
      long atCommit = H2WriteBudget.store(c).getCurrentVersion();
      c.commit();
      assertThat(H2WriteBudget.store(c).getCurrentVersion()).isGreaterThan(atCommit);
    }
    try (Connection c = open("raised"); Statement st = c.createStatement();
         ResultSet rs = st.executeQuery("select count(*), sum(length(body)) from big")) {
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(ROWS);
      assertThat(rs.getLong(2)).isEqualTo(ROWS * BODY);
    }
  }

  @Test
  void theBudgetIsAnEighthOfTheHeapWithinBounds() {
    assertThat(H2WriteBudget.forHeap(64 * MIB)).isEqualTo(19 * MIB);
    assertThat(H2WriteBudget.forHeap(2048 * MIB)).isEqualTo(256 * MIB);
    assertThat(H2WriteBudget.forHeap(64 * 1024 * MIB)).isEqualTo(448 * MIB);
    assertThat(4 * H2WriteBudget.MAX).isLessThan(Integer.MAX_VALUE);
  }

  private static final int ROWS = 30_000;
  private static final int BODY = 2_000;

  /** Stores H2 made while one uncommitted transaction wrote ~60 MB (30,000 rows of 2,000 characters). */
  private static long storesDuring(Connection c) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute("create table big (id int primary key, body varchar(4000))");
    }
    c.setAutoCommit(false);
    long before = H2WriteBudget.store(c).getCurrentVersion();
    String body = "x".repeat(BODY);
    try (PreparedStatement ps = c.prepareStatement("insert into big values (?, ?)")) {
      for (int i = 0; i < ROWS; i++) {
        ps.setInt(1, i);
        ps.setString(2, body);
        ps.addBatch();
        if (i % 1000 == 999) ps.executeBatch();
      }
    }
    return H2WriteBudget.store(c).getCurrentVersion() - before;
  }

  private Connection open(String name) throws SQLException {
    return DriverManager.getConnection("jdbc:h2:file:" + dir.resolve(name) + ";WRITE_DELAY=0", "sa", "");
  }
}
