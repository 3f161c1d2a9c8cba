package strata.server.run;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
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

  @Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
  public void apply() {
    runs.current().ifPresent(run -> overrides.applyTo(run.id(), Set.copyOf(models.tierIds(run.modelVersion())),
        OffsetDateTime.now(ZoneOffset.UTC)));
  }
}
