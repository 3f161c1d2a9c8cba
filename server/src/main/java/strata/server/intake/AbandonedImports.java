package strata.server.intake;

import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import strata.server.api.Conflict;
import strata.server.cluster.Instance;
import strata.server.data.HiddenImports;
import strata.server.data.WriteLock;

/**
 * Imports that will never switch on: those queued or running on a server that stopped or died are marked failed
 * (those of live servers, this one's or others', are left alone), and the rows of every failed import still hidden
 * are deleted. At start-up, before the server takes requests, and every {@code strata.instance.sweep} [15s].
 */
@Component
class AbandonedImports implements SmartInitializingSingleton {
  private static final Logger log = LoggerFactory.getLogger(AbandonedImports.class);
  /** How long a sweep waits for the write lock; a running import holds it, and the next sweep tries again. */
  private static final Duration PATIENCE = Duration.ofSeconds(2);
  private final ImportJobs jobs;
  private final HiddenImports hidden;
  private final WriteLock lock;
  private final Instance instance;

  AbandonedImports(ImportJobs jobs, HiddenImports hidden, WriteLock lock, Instance instance) {
    this.jobs = jobs;
    this.hidden = hidden;
    this.lock = lock;
    this.instance = instance;
  }

  @Override
  public void afterSingletonsInstantiated() {
    sweep();
  }

  @Scheduled(initialDelayString = "${strata.instance.sweep:15s}", fixedDelayString = "${strata.instance.sweep:15s}")
  void sweep() {
    int n = jobs.failOrphans(instance);
    if (n > 0) log.warn("{} imports were cut off by a server stop and are marked failed", n);
    List<Long> failed = jobs.failedAmong(hidden.hidden());
    if (failed.isEmpty()) return;
    try {
      // Under the write lock: an import running meanwhile must not find these rows as already stored.
      lock.lockedStepwiseWithin(PATIENCE, () -> {
        for (long id : failed) {
          hidden.discard(id);
          log.warn("import {} never finished; the rows it had stored are deleted", id);
        }
        return null;
      });
    } catch (Conflict busy) {
      log.info("{} cut-off imports wait for the write lock to be deleted", failed.size());
    }
  }
}
