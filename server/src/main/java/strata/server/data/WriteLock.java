package strata.server.data;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import strata.server.api.Conflict;

/**
 * The one lock writers of customers, purchases, interactions and surveys hold: "which record ids are new" and the
 * summary merge that follows must not interleave between an import and a batch call. A file import holds it for its
 * whole transaction (it is applied all at once), so short writers wait a bounded time instead of hanging behind it.
 */
@Component
public class WriteLock {
  private final ReentrantLock lock = new ReentrantLock();

  /** Waits as long as it takes (imports queue behind each other). */
  public <T> T locked(Supplier<T> work) {
    lock.lock();
    try {
      return work.get();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits at most {@code patience}.
   *
   * @throws Conflict when another writer (a file import being applied) holds the lock longer
   */
  public <T> T lockedWithin(Duration patience, Supplier<T> work) {
    boolean got;
    try {
      got = lock.tryLock(patience.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the data's write lock", e);
    }
    if (!got) throw new Conflict("a file import is being applied; send the batch again when it has finished");
    try {
      return work.get();
    } finally {
      lock.unlock();
    }
  }
}
