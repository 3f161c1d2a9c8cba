package strata.server.experiment;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import strata.experiment.Experiments;
import strata.experiment.HoldoutDesign;
import strata.experiment.UpliftOptions;
import strata.server.model.ModelStore;
import strata.server.run.RunPublished;
import strata.server.run.RunStore;
import strata.tier.TierModel;

/**
 * Starts and ends experiments as runs publish: the first run of a model version that declares a holdout starts its
 * experiment over that snapshot (the cutoffs of {@link HoldoutDesign#start}); a running experiment whose model
 * version a later one ends ({@link Experiments#endedBy}) is ended with the reason. Idempotent: an experiment id is
 * started once and ended once, so publishing the same version again changes nothing. Ordered first among the
 * listeners of {@link RunPublished} so the task plan that follows already holds the new control groups out. A run's
 * publication commits before this follows it, so a server killed in between left the current snapshot without its
 * experiments' starts and ends: each server start follows the current run again (idempotent) to finish that.
 */
@Service
class ExperimentLifecycle {
  private static final Logger log = LoggerFactory.getLogger(ExperimentLifecycle.class);

  private final ExperimentStore store;
  private final ModelStore models;
  private final RunStore runs;
  private final JdbcClient db;
  private final TransactionTemplate tx;
  private final Clock clock;
  /** For an experiment whose holdout sets no {@code days}. */
  private final int defaultDays;

  ExperimentLifecycle(ExperimentStore store, ModelStore models, RunStore runs, JdbcClient db,
      PlatformTransactionManager transactions, ObjectProvider<Clock> clock,
      @Value("${strata.experiments.duration-days:90}") int durationDays) {
    if (durationDays < 1) throw new IllegalArgumentException("strata.experiments.duration-days must be at least 1");
    this.store = store;
    this.models = models;
    this.runs = runs;
    this.db = db;
    this.tx = new TransactionTemplate(transactions);
    this.clock = clock.getIfAvailable(Clock::systemUTC);
    this.defaultDays = durationDays;
  }

  /** One above the highest: a test's hook (StallAfterPublish) stops a run between its publication and this. */
  @EventListener
  @Order(Ordered.HIGHEST_PRECEDENCE + 1)
  void runPublished(RunPublished published) {
    try {
      tx.executeWithoutResult(s -> follow(published));
    } catch (RuntimeException e) {
      log.warn("experiments not updated after run {}: {}", published.runId(), e.getMessage(), e);
    }
  }

  /** Finishes what a server killed after a publication left undone (nothing when the current run was followed). */
  @EventListener(ApplicationReadyEvent.class)
  @Order(Ordered.HIGHEST_PRECEDENCE + 1) // before the tasks' catch-up plan reads the held-out customers
  void followCurrent() {
    runs.current().filter(r -> r.modelVersion() != null && r.asOf() != null)
        .ifPresent(r -> runPublished(new RunPublished(r.id(), r.asOf(), r.modelVersion(), false)));
  }

  /** All-or-nothing: the endings and starts of one publication. */
  void follow(RunPublished published) {
    TierModel model = models.get(published.modelVersion()).model();
    OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    for (ExperimentStore.Stored e : store.running()) {
      if (e.modelVersion() == published.modelVersion()) continue;
      for (Experiments.Ending end : Experiments.endedBy(models.get(e.modelVersion()).model(), model)) {
        if (end.experiment().equals(e.id())
            && store.end(e.id(), end.code(), end.detail(), published.runId(), published.asOf(), now)) {
          log.info("experiment {} ended by model version {}: {}", e.id(), published.modelVersion(), end.code());
        }
      }
    }
    for (Experiments.Experiment x : Experiments.in(model)) {
      if (store.exists(x.id())) continue;
      Map<String, String> tierOf = new HashMap<>();
      db.sql("select customer_id, tier from snapshot_row where run_id = ?").param(published.runId())
          .query((java.sql.ResultSet rs) -> {
            if (x.tiers().contains(rs.getString(2))) tierOf.put(rs.getString(1), rs.getString(2));
          });
      HoldoutDesign design = HoldoutDesign.start(x.id(), x.share(), tierOf);
      Map<String, Integer> enrolled = new HashMap<>();
      tierOf.values().forEach(t -> enrolled.merge(t, 1, Integer::sum));
      store.start(new ExperimentStore.Stored(x.id(), x.share(), x.tiers(), x.scopes(), published.modelVersion(),
          published.runId(), published.asOf(), now, published.asOf().plusDays(x.days() == null ? defaultDays : x.days()),
          UpliftOptions.DEFAULT.seed(), null, null, null, null, null, design.cutoffs(), enrolled));
      log.info("experiment {} started with run {}: {} customers", x.id(), published.runId(), tierOf.size());
    }
  }
}
