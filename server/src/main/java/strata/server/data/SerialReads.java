package strata.server.data;

import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A request's reads that PostgreSQL runs without parallel workers (the customer list's searches). A search's page
 * walks the sort's index until 50 customers match; PostgreSQL cannot tell how far that is, planned the walk for two
 * workers besides its own process, and at 16 requests at once on two cores the workers' start and their overlapping
 * reads took 0.4–0.5 s a page (bench/README.md, "Search by grams"). The requests running side by side already use
 * every core. The run's bulk statements keep the database's own setting.
 */
@Component
public class SerialReads {
  private final JdbcClient db;
  private final TransactionTemplate transaction;
  private final boolean postgres;

  SerialReads(JdbcClient db, PlatformTransactionManager transactions, Dialect dialect) {
    this.db = db;
    this.transaction = new TransactionTemplate(transactions);
    this.postgres = dialect.postgres();
  }

  /** {@code reads} in a transaction whose plans have no parallel workers (as it is on the embedded H2). */
  public <T> T of(Supplier<T> reads) {
    if (!postgres) return reads.get();
    return transaction.execute(status -> {
      db.sql("set local max_parallel_workers_per_gather = 0").update();
      return reads.get();
    });
  }
}
