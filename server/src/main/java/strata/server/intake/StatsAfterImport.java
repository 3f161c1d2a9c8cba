package strata.server.intake;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import strata.server.data.TableStats;

/** After an import the planner's statistics are stale (see {@link TableStats}); the data package knows no imports. */
@Component
class StatsAfterImport {
  private final TableStats stats;

  StatsAfterImport(TableStats stats) {
    this.stats = stats;
  }

  @EventListener
  void imported(ImportFinished e) {
    stats.refresh();
  }
}
