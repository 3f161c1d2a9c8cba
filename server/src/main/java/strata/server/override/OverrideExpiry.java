package strata.server.override;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import strata.server.model.ModelStore;
import strata.server.run.RunStore;

/** Expired overrides leave the current snapshot within a minute (lists read the stored tier). */
@Component
class OverrideExpiry {
  private final OverrideStore overrides;
  private final RunStore runs;
  private final ModelStore models;

  OverrideExpiry(OverrideStore overrides, RunStore runs, ModelStore models) {
    this.overrides = overrides;
    this.runs = runs;
    this.models = models;
  }

  @Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
  void expire() {
    runs.current().ifPresent(run -> {
      ModelStore.Version v = run.modelVersion() == null ? models.current() : models.get(run.modelVersion());
      overrides.applyTo(run.id(), v.model().tiers().stream().map(t -> t.id())
          .collect(java.util.stream.Collectors.toSet()));
    });
  }
}
