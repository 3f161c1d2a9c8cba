package strata.server.data;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * The one lock writers of customers, purchases, interactions and surveys hold: "which record ids are new" and the
 * summary merge that follows must not interleave between an import and a batch call.
 */
@Component
public class WriteLock {
  private final ReentrantLock lock = new ReentrantLock();

  public <T> T locked(Supplier<T> work) {
    lock.lock();
    try {
      return work.get();
    } finally {
      lock.unlock();
    }
  }
}
