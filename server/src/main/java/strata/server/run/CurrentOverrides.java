package strata.server.run;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import strata.server.model.ModelStore;
import strata.server.override.OverrideStore;

/**
 * Keeps the current snapshot's stored tiers in line with the active overrides: after every change, and each minute
 * for expiries (lists read the stored tier). Only the current snapshot: a past one keeps what was in force when it was
 * published.
 */
@Component
public class CurrentOverrides {
  private final OverrideStore overrides;
  private final RunStore runs;
  private final ModelStore models;

  CurrentOverrides(OverrideStore overrides, RunStore runs, ModelStore models) {
    this.overrides = overrides;
    this.runs = runs;
    this.models = models;
  }

  /**
   * Every server on the database does this each minute; it sets each row to the same tier whoever does it, and the
   * pointer to the current snapshot stays locked meanwhile, so a run being published (which re-applies the snapshot
   * it replaces as of that one's publication) never interleaves with it.
   */
  @Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
  @Transactional
  public void apply() {
    runs.lockCurrent().map(runs::get).ifPresent(run -> overrides.applyTo(run.id(),
        Set.copyOf(models.tierIds(run.modelVersion())), OffsetDateTime.now(ZoneOffset.UTC)));
  }
}
