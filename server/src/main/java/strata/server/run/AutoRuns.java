package strata.server.run;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import strata.server.api.Conflict;
import strata.server.intake.BatchStored;
import strata.server.intake.ImportFinished;
import strata.server.intake.Imports;

/**
 * Starts a run after each successful file import, and after batch API calls once they pause, when
 * {@code strata.runs.after-import} is on.
 *
 * <p>A CRM sends a large load as many calls of up to 10,000 records: a run per call would mostly be refused (one
 * runs at a time) or score a half-sent load. So a call that stored something only (re)arms a timer, and the run
 * starts when no call came for {@code strata.runs.after-batch-quiet} (default 30 s). If a run is going then, it may
 * have read the data before the last calls, so the timer is armed again rather than the run skipped; but a run that
 * started after the last call stored its records, on any server (behind a load balancer each server sees some of
 * the calls and has its own timer), has read them, and then none is needed.
 */
@Component
public class AutoRuns {
  private static final Logger log = LoggerFactory.getLogger(AutoRuns.class);
  private final RunService runs;
  private final RunStore store;
  private final Imports imports;
  private final boolean enabled;
  private final Duration batchQuiet;
  private volatile boolean paused;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "strata-auto-run");
    t.setDaemon(true);
    return t;
  });
  private ScheduledFuture<?> pendingBatchRun;
  /** The newest run when the last batch call had stored its records: later runs read them. */
  private volatile long lastRunBeforeBatch;

  AutoRuns(RunService runs, RunStore store, Imports imports, @Value("${strata.runs.after-import:true}") boolean enabled,
      @Value("${strata.runs.after-batch-quiet:30s}") Duration batchQuiet) {
    this.runs = runs;
    this.store = store;
    this.imports = imports;
    this.enabled = enabled;
    this.batchQuiet = batchQuiet;
  }

  /** While a loader imports several files and runs itself (the demo). */
  public void pause() {
    paused = true;
  }

  public void resume() {
    paused = false;
  }

  @EventListener
  void imported(ImportFinished e) {
    if (!enabled || paused) return;
    try {
      // One update of its own: the run is already claimed and the import already switched on, so nothing else has to
      // commit with it; a server killed in between leaves a run without its import's link, nothing worse.
      imports.linkRun(e.importId(), runs.start("import", e.username(), null).id());
    } catch (Conflict c) {
      log.info("no run after import {}: {}", e.importId(), c.getMessage());
    }
  }

  @EventListener
  void batchStored(BatchStored e) {
    if (!enabled || paused) return;
    lastRunBeforeBatch = store.lastId(); // the event comes after the call's commit
    armBatchRun(e.username());
  }

  private synchronized void armBatchRun(String username) {
    if (pendingBatchRun != null) pendingBatchRun.cancel(false);
    pendingBatchRun = timer.schedule(() -> startBatchRun(username), batchQuiet.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void startBatchRun(String username) {
    try {
      if (store.startedAfter(lastRunBeforeBatch)) {
        log.info("no run after batch calls: a run started after them");
        return;
      }
      runs.start("import", username, null);
    } catch (Conflict c) {
      log.info("run after batch calls deferred: {}", c.getMessage());
      armBatchRun(username);
    } catch (RuntimeException ex) {
      log.warn("no run after batch calls: {}", ex.getMessage(), ex);
    }
  }

  @jakarta.annotation.PreDestroy
  void stop() {
    timer.shutdownNow();
  }
}
