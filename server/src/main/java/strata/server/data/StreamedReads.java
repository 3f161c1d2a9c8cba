package strata.server.data;

import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads a result of many rows in chunks instead of whole. PostgreSQL's driver holds every row of a result in memory
 * until the first is handed over unless the query has a fetch size and runs in a transaction; a run's read of 1M
 * summaries and profiles then kept both the rows' bytes and the objects made of them alive at once, and the young
 * collections that copied them were a quarter of the read (bench/README.md "A full run at 1M customers: reading and
 * formatting").
 */
@Component
public class StreamedReads {
  private static final int FETCH = 10_000;

  private final JdbcTemplate jdbc;
  private final TransactionTemplate readOnly;

  StreamedReads(DataSource dataSource, PlatformTransactionManager transactions) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.jdbc.setFetchSize(FETCH);
    this.readOnly = new TransactionTemplate(transactions);
    this.readOnly.setReadOnly(true);
  }

  /** Hands each row of {@code sql} to {@code each}, the rows fetched {@value #FETCH} at a time. */
  public void query(String sql, List<?> params, RowCallbackHandler each) {
    readOnly.executeWithoutResult(s -> jdbc.query(sql, each, params.toArray()));
  }
}
