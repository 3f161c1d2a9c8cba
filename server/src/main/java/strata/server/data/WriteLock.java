package strata.server.data;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import strata.server.api.Conflict;

/**
 * The one lock writers of customers, purchases, interactions and surveys hold, on every server sharing the database:
 * "which record ids are new" and the summary merge that follows must not interleave between an import and a batch
 * call. A file import holds it from its first row to its switch ({@link #lockedStepwise}), so short writers wait a
 * bounded time instead of hanging behind it.
 *
 * <p>The lock is the row of {@code write_lock}, locked in the writer's transaction (the work runs inside it and the
 * commit or rollback releases it), taken with {@code for update skip locked} and retried, so the wait is bounded the
 * same way on PostgreSQL and H2. Threads of one server queue on an in-process lock first, so that waiting writers do
 * not each hold a database connection.
 */
@Component
public class WriteLock {
  private static final long RETRY_MILLIS = 25;
  private final ReentrantLock local = new ReentrantLock();
  private final JdbcClient db;
  private final TransactionTemplate transaction;
  private final TransactionTemplate outside;

  WriteLock(JdbcClient db, PlatformTransactionManager transactions) {
    this.db = db;
    this.transaction = new TransactionTemplate(transactions);
    this.outside = new TransactionTemplate(transactions);
    outside.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
  }

  /** Waits as long as it takes (imports queue behind each other); {@code work} runs in the lock's transaction. */
  public <T> T locked(Supplier<T> work) {
    local.lock();
    try {
      return transaction.execute(tx -> {
        if (!rowLocked(Long.MAX_VALUE)) throw new IllegalStateException("interrupted waiting for the write lock");
        return work.get();
      });
    } finally {
      local.unlock();
    }
  }

  /**
   * Waits as long as it takes, like {@link #locked}, but {@code work} runs outside the lock's transaction: each of
   * its writes commits on its own (a file import's chunks and its switch), while the lock row stays locked until it
   * returns.
   */
  public <T> T lockedStepwise(Supplier<T> work) {
    return locked(() -> outside.execute(tx -> work.get()));
  }

  /** {@link #lockedStepwise} waiting at most {@code patience}: @throws Conflict when another writer holds it longer */
  public <T> T lockedStepwiseWithin(Duration patience, Supplier<T> work) {
    return lockedWithin(patience, () -> outside.execute(tx -> work.get()));
  }

  /**
   * Waits at most {@code patience}; {@code work} runs in the lock's transaction.
   *
   * @throws Conflict when another writer (a file import being applied, on any server) holds the lock longer
   */
  public <T> T lockedWithin(Duration patience, Supplier<T> work) {
    long deadline = System.nanoTime() + patience.toNanos();
    boolean got;
    try {
      got = local.tryLock(patience.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the data's write lock", e);
    }
    if (!got) throw busy();
    try {
      return transaction.execute(tx -> {
        if (!rowLocked(deadline)) throw busy();
        return work.get();
      });
    } finally {
      local.unlock();
    }
  }

  /** Takes the lock row for the current transaction, retrying until {@code deadline} (System.nanoTime). */
  private boolean rowLocked(long deadline) {
    while (true) {
      boolean got = !db.sql("select id from write_lock where id = 1 for update skip locked").query(Integer.class)
          .list().isEmpty();
      if (got) return true;
      if (deadline != Long.MAX_VALUE && System.nanoTime() - deadline > 0) return false;
      try {
        Thread.sleep(RETRY_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
  }

  private static Conflict busy() {
    return new Conflict("a file import is being applied; send the batch again when it has finished");
  }
}
