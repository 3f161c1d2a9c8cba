package strata.server.run;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import strata.i18n.Note;
import strata.identity.UnknownPurchasers;
import strata.churn.ChurnResult;
import strata.run.Predictions;
import strata.run.Progress;
import strata.run.RunResult;
import strata.run.ScoringRun;
import strata.server.api.BadRequest;
import strata.server.audit.AuditDetail;
import strata.server.audit.Audited;
import strata.server.cluster.Instance;
import strata.server.data.Dialect;
import strata.server.model.ModelStore;
import strata.server.override.OverrideStore;
import strata.summary.PurchaseColumns;
import strata.summary.SummaryTable;
import strata.tier.TierModel;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tiering runs, one at a time across every server on the database, on their own thread: read the stored summaries, score them with the current model
 * version, write the snapshot, then publish it atomically. A run that fails, or a server killed mid-run, leaves the
 * previous snapshot current.
 */
@Service
@Order(2)
public class RunService implements ApplicationRunner {
  private static final Logger log = LoggerFactory.getLogger(RunService.class);

  private final org.springframework.beans.factory.ObjectProvider<DowngradeRisks> risks;
  private final RunStore runs;
  private final RunData data;
  /** What runs predict whatever the model reads (README "Churn and clusters on the server"). */
  private final Predictions predictions;
  /** Whether runs leave outlier amounts out unless a run asks otherwise ({@code strata.runs.outliers}). */
  private final boolean excludeOutliers;
  private final ModelStore models;
  private final OverrideStore overrides;
  private final Audited audited;
  private final DataSource dataSource;
  private final Dialect dialect;
  private final JdbcClient db;
  private final JsonMapper json;
  private final List<RunListener> listeners;
  private final strata.server.data.TableStats stats;
  private final Instance instance;
  private final org.springframework.context.ApplicationEventPublisher events;
  private final SnapshotOwners owners;
  private final SnapshotStats aggregates;
  private final strata.server.data.WriteLock writeLock;
  private final RunProducts products;
  private final SnapshotTables tables;
  private final int keep;
  private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "strata-run");
    t.setDaemon(true);
    return t;
  });
  private final ExecutorService sideWriter = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "strata-run-side-rows");
    t.setDaemon(true);
    return t;
  });

  RunService(RunStore runs, RunData data, ModelStore models, OverrideStore overrides, Audited audited,
      DataSource dataSource, Dialect dialect, JdbcClient db, JsonMapper json, List<RunListener> listeners,
      strata.server.data.TableStats stats, Instance instance,
      org.springframework.context.ApplicationEventPublisher events, SnapshotOwners owners, SnapshotStats aggregates,
      strata.server.data.WriteLock writeLock, @Value("${strata.runs.keep:24}") int keep,
      org.springframework.beans.factory.ObjectProvider<DowngradeRisks> risks, RunProducts products,
      SnapshotTables tables,
      @Value("${strata.runs.churn:false}") boolean churn, @Value("${strata.runs.clusters:false}") boolean clusters,
      @Value("${strata.runs.outliers:keep}") String outliers) {
    this.predictions = new Predictions(churn, clusters);
    this.excludeOutliers = outliersExcluded("strata.runs.outliers", outliers);
    this.risks = risks;
    this.products = products;
    this.instance = instance;
    this.events = events;
    this.owners = owners;
    this.aggregates = aggregates;
    this.writeLock = writeLock;
    this.runs = runs;
    this.data = data;
    this.models = models;
    this.overrides = overrides;
    this.audited = audited;
    this.dataSource = dataSource;
    this.dialect = dialect;
    this.db = db;
    this.json = json;
    this.listeners = listeners;
    this.stats = stats;
    this.keep = keep;
    this.tables = tables;
  }

  /** At start-up: runs still marked running whose server stopped or was killed. */
  @Override
  public void run(ApplicationArguments args) {
    failOrphans();
    tables.sweep();
    prune();
  }

  /** Removes what runs that failed or expired wrote beside their snapshot rows. */
  private void prune() {
    products.prune();
    KpiInputRows.prune(db);
    SnapshotExplanations.prune(db);
  }

  /**
   * Runs owned by a server that stopped or died (its heartbeat is stale) are marked failed and their snapshot rows
   * deleted; runs of live servers, this one's or others', are left alone. At start-up and every
   * {@code strata.instance.sweep} [15s].
   */
  @Scheduled(initialDelayString = "${strata.instance.sweep:15s}", fixedDelayString = "${strata.instance.sweep:15s}")
  void failOrphans() {
    List<Long> cutOff = runs.failOrphans(instance);
    for (long id : cutOff) tables.remove(id);
    if (!cutOff.isEmpty()) prune();
    if (!cutOff.isEmpty()) log.warn("run(s) {} were cut off by a server stop and are marked failed", cutOff);
  }

  /** Starts a run on this server; 409 if one is going on any server sharing the database. */
  public Run start(String trigger, String by, LocalDate asOf) {
    return start(trigger, by, asOf, false, excludeOutliers);
  }

  /**
   * As {@link #start(String, String, LocalDate)}, keeping or excluding outlier amounts as asked.
   *
   * @param outliers {@code keep} or {@code exclude}; null for the server's setting
   * @throws BadRequest for any other value
   */
  public Run start(String trigger, String by, LocalDate asOf, String outliers) {
    return start(trigger, by, asOf, false, outliers == null ? excludeOutliers : outliersExcluded("outliers", outliers));
  }

  /** {@code keep} or {@code exclude} (the command line's {@code --outliers}) as whether to exclude. */
  static boolean outliersExcluded(String field, String value) {
    return switch (value) {
      case "keep" -> false;
      case "exclude" -> true;
      default -> throw new BadRequest(field, field + " must be keep or exclude, got '" + value + "'");
    };
  }

  private synchronized Run start(String trigger, String by, LocalDate asOf, boolean history,
      boolean withoutOutliers) {
    ModelStore.Version version = models.current();
    long id = audited.write(audit -> {
      long claimed = runs.claim(trigger, by, version.version(), instance.id());
      audit.record(by, "run", AuditDetail.of("run", "run", claimed, "trigger", trigger, "version", version.version()));
      return claimed;
    });
    executor.submit(() -> execute(id, version, asOf, history, withoutOutliers));
    return runs.get(id);
  }

  /** Starts a run and waits for it (the demo's tiering). */
  public Run runNow(String trigger, String by, LocalDate asOf) {
    return await(start(trigger, by, asOf, false, excludeOutliers));
  }

  /**
   * Starts a run of an earlier as-of day that builds up history, and waits for it: its publication is marked
   * {@link RunPublished#history}, so service tasks are not planned from a snapshot the next run replaces at once.
   */
  public Run runForHistory(String trigger, String by, LocalDate asOf) {
    return await(start(trigger, by, asOf, true, excludeOutliers));
  }

  private Run await(Run started) {
    try {
      executor.submit(() -> { }).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      throw new IllegalStateException(e);
    }
    return runs.get(started.id());
  }

  private void execute(long id, ModelStore.Version version, LocalDate requestedAsOf, boolean history,
      boolean withoutOutliers) {
    try {
      TierModel model = version.model();
      runs.progress(id, "phase_reading_summaries", 0.02);
      List<Note> notes = new ArrayList<>();
      RunResult result = score(model, requestedAsOf, notes, progress(id), withoutOutliers);
      runs.asOf(id, result.asOf());
      java.util.Set<String> tierIds = java.util.Set.copyOf(models.tierIds(version.version()));
      Map<String, OverrideStore.Override> active = overrides.active();
      active.values().removeIf(o -> !tierIds.contains(o.tier()));
      int total = result.customers().size;
      runs.progress(id, "phase_writing_snapshot", 0.5);
      long t0 = System.nanoTime();
      Map<String, Long> counts = writeRows(id, result, active, written -> {
        runs.progress(id, "phase_writing_snapshot", 0.5 + 0.5 * written / total);
        listeners.forEach(l -> l.rowsWritten(id, written));
      });
      // Overrides set or removed while the run wrote its rows are applied in the publishing transaction.
      // In the database's precision, so the stored finish is exactly the moment whose overrides the snapshot shows.
      OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
      OffsetDateTime started = runs.get(id).startedAt().atOffset(ZoneOffset.UTC);
      Long previous = runs.succeeded(1).stream().map(Run::id).findFirst().orElse(null);
      // Under the data's write lock: no customer's owner may change between the catch-up and publication.
      long t1 = System.nanoTime();
      long[] marks = new long[2];
      writeLock.locked(() -> {
        runs.publish(id, total, counts, notes, at, clusters(result), () -> {
          tables.attach(id);
          owners.catchUp(id, started);
          publishOverrides(id, version.version(), tierIds, at);
          marks[0] = System.nanoTime();
          aggregates.compute(id, previous);
          marks[1] = System.nanoTime();
        });
        return null;
      });
      // Where a slow run spends its time, for whoever reads the log at scale (issue 14: H2 runs got slower).
      log.info("run {}: snapshot rows written in {} ms, published in {} ms (aggregates {} ms)", id,
          (t1 - t0) / 1_000_000, (System.nanoTime() - t1) / 1_000_000, (marks[1] - marks[0]) / 1_000_000);
      stats.refresh();
      int removed = runs.applyRetention(keep, tables::remove);
      prune();
      log.info("run {} published: {} customers{}", id, total, removed > 0 ? ", old snapshot rows removed" : "");
      announce(new RunPublished(id, result.asOf(), version.version(), history));
    } catch (Throwable e) {
      log.warn("run {} failed: {}", id, e.toString(), e);
      try {
        tables.remove(id);
      } catch (RuntimeException r) {
        log.warn("run {}: its rows stay until the next sweep: {}", id, r.toString()); // its failure is still recorded
      }
      runs.fail(id, RunFailure.of(e));
      prune();
    }
  }

  /** The clusters as codes and figures, the 360° page rendering their description; null when none formed. */
  private static List<Map<String, Object>> clusters(RunResult result) {
    var clusters = result.customers().clusters;
    return clusters == null || clusters.clusters().isEmpty() ? null
        : strata.run.PredictionsDocument.clusterFigures(clusters);
  }

  /**
   * The snapshot rows, and beside them the product and KPI input rows, each in transactions of their own. On
   * PostgreSQL the side rows go in on a second connection while the snapshot rows are copied: both mostly wait on the
   * database, which then works on two cores (bench/README.md "A full run at 1M customers"). H2 writes them one after
   * the other, as it always did: its writers share one in-process store.
   */
  private Map<String, Long> writeRows(long id, RunResult result, Map<String, OverrideStore.Override> active,
      IntConsumer written) throws Exception {
    Callable<Void> beside = () -> {
      products.write(id, result.customers());
      KpiInputRows.write(dataSource, dialect, id, result);
      return null;
    };
    if (!dialect.postgres()) {
      Map<String, Long> counts = SnapshotWriter.write(dataSource, dialect, json, id, result, active, written);
      beside.call();
      return counts;
    }
    Future<Void> side = sideWriter.submit(beside);
    Map<String, Long> counts;
    try {
      counts = SnapshotWriter.write(dataSource, dialect, json, id, result, active, written);
    } catch (Throwable e) {
      // The side rows must be done before the failed run's rows are removed, or they would outlive the removal.
      try {
        side.get();
      } catch (ExecutionException ignored) {
        // the snapshot's own failure is the one reported
      }
      throw e;
    }
    try {
      side.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
    return counts;
  }

  /** A listener's failure is logged: the run is published whatever follows it (re-planning tasks, ...). */
  private void announce(RunPublished published) {
    try {
      events.publishEvent(published);
    } catch (RuntimeException e) {
      log.warn("after run {} was published: {}", published.runId(), e.getMessage(), e);
    }
  }

  /**
   * The overrides of a snapshot being published at {@code at}: those to tiers its model lacks end (their customers
   * are tiered by the model again), the rest in force are applied, and the snapshot it replaces goes back to the
   * overrides in force when that one was published, undoing what was set or removed while it was current.
   */
  private void publishOverrides(long id, int modelVersion, java.util.Set<String> tierIds, OffsetDateTime at) {
    audited.run(audit -> { // joins the publishing transaction
      for (OverrideStore.Override o : overrides.endOutside(tierIds, modelVersion, at)) {
        audit.record(OverrideStore.SYSTEM, "override_ended",
            AuditDetail.of("override_ended", "customer", o.customerId(),
            "tier", o.tier(), "note", AuditDetail.text(o.endNote().zh(), o.endNote().en()), "run", id));
      }
    });
    overrides.applyTo(id, tierIds, at);
    runs.current().filter(r -> r.id() != id && r.finishedAt() != null).ifPresent(previous -> overrides.applyTo(
        previous.id(), java.util.Set.copyOf(models.tierIds(previous.modelVersion())),
        previous.finishedAt().atOffset(ZoneOffset.UTC)));
  }

  /** Scores the stored data with a model, writing nothing (runs, and the model editor's dry run). */
  public RunResult score(TierModel model, LocalDate requestedAsOf, List<Note> notes, Progress progress) {
    return score(model, requestedAsOf, notes, progress, excludeOutliers);
  }

  private RunResult score(TierModel model, LocalDate requestedAsOf, List<Note> notes, Progress progress,
      boolean withoutOutliers) {
    long started = System.nanoTime();
    RunData.Inputs in = data.load(requestedAsOf, withoutOutliers);
    long read = System.nanoTime();
    if (in.summaries().isEmpty() && in.profiles().isEmpty()) {
      throw new NoCustomers();
    }
    LocalDate asOf = in.asOf();
    if (in.purchasesAfter() > 0) {
      notes.add(Note.of("purchases_after_as_of", in.purchasesAfter(), asOf));
    }
    if (in.mergedIds() > 0) notes.add(Note.of("merges_applied", in.mergedIds()));
    if (in.outliers() != null) notes.add(in.outliers().note(OUTLIERS_EXCLUDED));
    unrecordedPurchasers(in).ifPresent(notes::add);
    int split = in.summaries().isEmpty() ? -1 : ScoringRun.splitDay(in.firstDay(), (int) asOf.toEpochDay());
    PurchaseColumns p = SummaryTable.of(in.summaries()).freeze(split);
    // Where the time before scoring goes, for whoever tunes a large server (bench/README.md "A full run at 1M
    // customers: reading and formatting").
    log.info("{} customers' summaries and {} profiles read in {} ms, made columns in {} ms", in.summaries().size(),
        in.profiles().size(), (read - started) / 1_000_000, (System.nanoTime() - read) / 1_000_000);
    Map<String, Double> downgradeRisk = runs.current().filter(r -> r.modelVersion() != null)
        .map(r -> risks.getIfAvailable(() -> run -> Map.of()).of(r)).orElse(Map.of());
    ChurnResult churn = predictions.churnFor(model) ? churn(in, p, progress, withoutOutliers) : null;
    return ScoringRun.score(p, StandardCharsets.UTF_8, in.profiles(), in.engagement(), asOf, model, 2, List.of(),
        notes, progress, downgradeRisk, predictions, churn, productPreferences(asOf, p, in.merges(), model, notes));
  }

  /**
   * churn_prob from the stored data, as a file run computes it from its file read twice more: the data as of the
   * classifier's cut-off is loaded as a run as of that day would load it (summaries of later buyers rebuilt from their
   * purchases, interactions and answers up to it, the same merges; not the customer records, which are the run's),
   * then core trains and scores.
   */
  private ChurnResult churn(RunData.Inputs in, PurchaseColumns p, Progress progress, boolean withoutOutliers) {
    progress.phase(Note.of("phase_churn"));
    int asOfDay = (int) in.asOf().toEpochDay();
    int cut = Predictions.churnCutDay(asOfDay);
    RunData.Inputs atCut = data.purchasesAndEngagement(LocalDate.ofEpochDay(cut), withoutOutliers);
    return Predictions.churn(SummaryTable.of(atCut.summaries()).freeze(Predictions.churnSplitDay(cut)),
        atCut.engagement(), SummaryTable.of(in.summaries()).freeze(Predictions.churnSplitDay(asOfDay)),
        in.engagement(), in.profiles(), StandardCharsets.UTF_8, p, asOfDay);
  }

  /**
   * Buyers without a customer record while others have one, counted as the CLI counts purchasers missing from the
   * customers file; with no owner, no sales rep sees them. Summaries come ordered by id, so the first three are named.
   */
  private static java.util.Optional<Note> unrecordedPurchasers(RunData.Inputs in) {
    if (in.profiles().isEmpty()) return java.util.Optional.empty();
    List<strata.summary.CustomerSummary> buyers = in.summaries();
    return UnknownPurchasers.among(buyers.size(), i -> buyers.get(i).customerId(), in.profiles()::containsKey,
        UnknownPurchasers.NAMED).note(UNRECORDED_PURCHASERS);
  }

  /** The run note of the outlier amounts a run left out, as the file run's {@code --outliers exclude} does. */
  static final String OUTLIERS_EXCLUDED = "run_amount_outliers_excluded";

  /** The run note of {@link #unrecordedPurchasers}. */
  static final String UNRECORDED_PURCHASERS = "run_unknown_purchasers";

  /** Nothing to score: the model editor's dry run answers 400, a run fails saying so in each reader's language. */
  static final class NoCustomers extends BadRequest {
    NoCustomers() {
      super("data", "no customers yet: import transactions or customers first");
    }
  }

  /** Product preference from the stored purchases when they name categories or products, else null. */
  private strata.product.ProductPreferences productPreferences(LocalDate asOf, PurchaseColumns p,
      List<strata.identity.IdMerges> merges, TierModel model, List<Note> notes) {
    try {
      return products.compute(asOf, p, merges, model, notes);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("cannot read the purchases' categories and products: " + e.getMessage(), e);
    }
  }

  private Progress progress(long id) {
    return new Progress() {
      @Override
      public void phase(Note phase) {
        runs.progress(id, phase.code(), 0.1); // the server's phases have no arguments (it reads no files)
      }

      @Override
      public void bytes(long done, long total) {}
    };
  }
}
