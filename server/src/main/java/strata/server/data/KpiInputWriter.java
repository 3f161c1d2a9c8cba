package strata.server.data;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import org.postgresql.PGConnection;

/**
 * Appends rows to snapshot_kpi_input (V21), the narrow columns the KPIs by tier read of each customer: COPY on
 * PostgreSQL (as the snapshot rows), batched INSERTs elsewhere. The caller owns the transaction; {@link #flush}
 * sends what is buffered.
 */
public final class KpiInputWriter implements AutoCloseable {
  /** The order of a row's values. */
  public static final String COLUMNS = "run_id, customer_id, tier, orders, purchase_days, net_cents, "
      + "last_purchase_day, clv, p_alive, complaints, owner, region, industry";
  private static final int[] TYPES = {Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.BIGINT, Types.INTEGER,
      Types.BIGINT, Types.INTEGER, Types.REAL, Types.REAL, Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR};
  private static final int BATCH = 5000;

  private final PGConnection pg;
  private final CopyCsv csv = new CopyCsv();
  private final PreparedStatement insert;
  private int buffered;

  public KpiInputWriter(Connection c, Dialect dialect) throws SQLException {
    pg = dialect.postgres() ? c.unwrap(PGConnection.class) : null;
    insert = pg != null ? null : c.prepareStatement("insert into snapshot_kpi_input (" + COLUMNS + ") values ("
        + String.join(", ", java.util.Collections.nCopies(TYPES.length, "?")) + ")");
  }

  /** @param row values in the order of {@link #COLUMNS}; a float column takes a Float or null */
  public void add(Object[] row) throws SQLException {
    if (pg != null) {
      csv.add(row);
    } else {
      for (int k = 0; k < row.length; k++) {
        if (row[k] == null) insert.setNull(k + 1, TYPES[k]);
        else insert.setObject(k + 1, row[k], TYPES[k]);
      }
      insert.addBatch();
    }
    if (++buffered == BATCH) flush();
  }

  public void flush() throws SQLException {
    if (buffered == 0) return;
    buffered = 0;
    if (pg == null) {
      insert.executeBatch();
      return;
    }
    try {
      pg.getCopyAPI().copyIn("copy snapshot_kpi_input (" + COLUMNS + ") from stdin (format csv)", csv.take());
    } catch (IOException e) {
      throw new SQLException("cannot copy KPI inputs: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() throws SQLException {
    if (insert != null) insert.close();
  }
}
