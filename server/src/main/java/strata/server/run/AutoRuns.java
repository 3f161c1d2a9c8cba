package strata.server.run;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import strata.server.api.Conflict;
import strata.server.intake.ImportFinished;

/** Starts a run after each successful import when {@code strata.runs.after-import} is on. */
@Component
public class AutoRuns {
  private static final Logger log = LoggerFactory.getLogger(AutoRuns.class);
  private final RunService runs;
  private final boolean enabled;
  private volatile boolean paused;

  AutoRuns(RunService runs, @Value("${strata.runs.after-import:true}") boolean enabled) {
    this.runs = runs;
    this.enabled = enabled;
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
      runs.start("import", e.username(), null);
    } catch (Conflict c) {
      log.info("no run after import {}: {}", e.importId(), c.getMessage());
    }
  }
}
