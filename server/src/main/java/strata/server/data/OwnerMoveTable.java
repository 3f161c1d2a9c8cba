package strata.server.data;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * The owner moves of one transaction, staged in {@code owner_move} (V46) so that the statements that carry them out
 * join it once instead of running per customer. The table is empty outside a transaction that uses it: each user
 * stages, joins and {@link #clear}s before its transaction ends, and a transaction rolled back or killed takes its
 * rows with it.
 */
@Component
public class OwnerMoveTable {
  private static final String COLUMNS = "customer_id, seq, from_owner, to_owner, kind, rule, tier, run_id";
  private static final int BATCH = 1000;

  /**
   * One customer's move; all but the customer and the new owner may be null where the statement joining the table
   * does not read them (the snapshot rows read only those two).
   */
  public record Move(String customerId, String from, String to, String kind, String rule, String tier, Long runId) {}

  private final DataSource dataSource;
  private final JdbcTemplate jdbc;
  private final Dialect dialect;

  OwnerMoveTable(DataSource dataSource, Dialect dialect) {
    this.dataSource = dataSource;
    this.jdbc = new JdbcTemplate(dataSource);
    this.dialect = dialect;
  }

  /** Stages the moves in the caller's transaction, numbered in their order ({@code seq}). */
  public void stage(List<Move> moves) {
    List<Object[]> rows = new ArrayList<>(moves.size());
    for (Move m : moves) {
      rows.add(new Object[] {m.customerId(), rows.size(), m.from(), m.to(), m.kind(), m.rule(), m.tier(), m.runId()});
    }
    if (!dialect.postgres()) {
      jdbc.batchUpdate("insert into owner_move (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?)", rows);
      return;
    }
    // One COPY on the transaction's connection: 60,000 moves are one round trip.
    Connection c = DataSourceUtils.getConnection(dataSource);
    try {
      CopyCsv.copyIn(c, "copy owner_move (" + COLUMNS + ") from stdin (format csv)", csv -> rows.forEach(csv::add));
    } catch (SQLException | IOException e) {
      throw new IllegalStateException("cannot stage owner moves: " + e.getMessage(), e);
    } finally {
      DataSourceUtils.releaseConnection(c, dataSource);
    }
  }

  /** Empties the table of this transaction's moves, before it commits. */
  public void clear() {
    jdbc.update("delete from owner_move");
  }
}
