package strata.server.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** A writer's own transaction: all rows or none, whatever ends the work, and the connection left in auto-commit. */
class OwnTransactionTest {
  /** One connection, kept open across "closes", so the test sees the state the helper leaves it in. */
  private SingleConnectionDataSource dataSource;
  private JdbcClient db;

  @BeforeEach
  void database() {
    dataSource = new SingleConnectionDataSource("jdbc:h2:mem:own-" + System.nanoTime(), true);
    db = JdbcClient.create(dataSource);
    db.sql("create table item (name varchar(10) primary key)").update();
  }

  @AfterEach
  void close() {
    dataSource.destroy();
  }

  @Test
  void rowsAreCommittedWhenTheWorkReturns() throws SQLException {
    OwnTransaction.run(dataSource, c -> insert(c, "a", "b"));
    assertThat(items()).containsExactly("a", "b");
    assertThat(dataSource.getConnection().getAutoCommit()).isTrue();
  }

  @Test
  void aFailingStatementLeavesNoRow() throws SQLException {
    // "a" twice: the second insert breaks the primary key after the first one went through.
    assertThatThrownBy(() -> OwnTransaction.run(dataSource, c -> insert(c, "a", "b", "a")))
        .isInstanceOf(SQLException.class);
    assertThat(items()).isEmpty();
    assertThat(dataSource.getConnection().getAutoCommit()).isTrue();
  }

  @Test
  void anExceptionOfTheCallersCodeLeavesNoRow() {
    assertThatThrownBy(() -> OwnTransaction.run(dataSource, c -> {
      insert(c, "a");
      throw new IllegalArgumentException("bad row");
    })).hasMessage("bad row");
    assertThat(items()).isEmpty();
  }

  @Test
  void anErrorLeavesNoRowEither() {
    // Turning auto-commit back on commits what is pending: without the rollback an Error would keep the half.
    assertThatThrownBy(() -> OwnTransaction.run(dataSource, c -> {
      insert(c, "a");
      throw new OutOfMemoryError("simulated");
    })).isInstanceOf(OutOfMemoryError.class);
    assertThat(items()).isEmpty();
  }

  private static void insert(Connection c, String... names) throws SQLException {
    try (Statement s = c.createStatement()) {
      for (String n : names) s.executeUpdate("insert into item values ('" + n + "')");
    }
  }

  private List<String> items() {
    return db.sql("select name from item order by name").query(String.class).list();
  }
}
