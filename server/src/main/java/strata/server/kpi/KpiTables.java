package strata.server.kpi;

import strata.server.data.Visible;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import strata.kpi.KpiAccumulator;
import strata.kpi.KpiRow;
import strata.kpi.KpiTable;
import strata.kpi.ServiceState;
import strata.kpi.SnapshotInfo;
import strata.server.data.Dialect;
import strata.server.model.ModelStore;
import strata.server.run.Run;
import strata.server.run.RunPublished;
import strata.server.run.RunStore;
import strata.tier.TierModel;
import strata.tier.TierRule;
import tools.jackson.databind.json.JsonMapper;

/**
 * KPIs by tier of each published snapshot against the snapshot before it, computed with core's
 * {@link KpiAccumulator} over both snapshots' KPI inputs, walked in ranges of customer ids at once ({@link KpiWalk}),
 * and stored in snapshot_kpi. They outlive the snapshot rows' retention, so the KPI trend reaches further back than
 * the kept snapshots. One computation at a time: a publication waits for the start's background task to finish its current
 * snapshot, never for all of them.
 */
@Service
public class KpiTables {
  private static final Logger log = LoggerFactory.getLogger(KpiTables.class);
  private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory
      .getThreadMXBean();

  private final DataSource dataSource;
  private final JdbcClient db;
  private final JsonMapper json;
  private final RunStore runs;
  private final ModelStore models;
  private final TransactionTemplate tx;
  private final KpiInputs inputs;
  private final ExecutorService rangeThreads;
  private final KpiWalk walk;
  /** The tasks' time zone: the day a task was done in. */
  private final ZoneId zone;
  /** Snapshots whose missing KPIs the start's background task has yet to compute. */
  private final Set<Long> pending = ConcurrentHashMap.newKeySet();
  private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "strata-kpis");
    t.setDaemon(true);
    return t;
  });

  /**
   * @param ranges how many ranges of customer ids a snapshot's KPIs are read in at once, each on its own connection
   *     of the pool (bench/README.md "KPIs at 1M customers" measured 1 to 8)
   */
  KpiTables(DataSource dataSource, Dialect dialect, JdbcClient db, JsonMapper json, RunStore runs, ModelStore models,
      PlatformTransactionManager transactions, @Value("${strata.kpis.ranges:4}") int ranges,
      @Value("${strata.tasks.time-zone:Asia/Shanghai}") String zone) {
    this.zone = ZoneId.of(zone);
    this.dataSource = dataSource;
    this.db = db;
    this.json = json;
    this.runs = runs;
    this.models = models;
    this.tx = new TransactionTemplate(transactions);
    this.inputs = new KpiInputs(dataSource, dialect, db, json);
    this.rangeThreads = Executors.newFixedThreadPool(ranges, r -> {
      Thread t = new Thread(r, "strata-kpi-range");
      t.setDaemon(true);
      return t;
    });
    this.walk = new KpiWalk(dataSource, dialect, rangeThreads, ranges);
  }

  /** A failure is logged: the run stays published, its KPIs are missing (the API says so). */
  @EventListener
  void runPublished(RunPublished published) {
    computeOrLog(published.runId());
  }

  private void computeOrLog(long runId) {
    try {
      compute(runId);
    } catch (RuntimeException | SQLException e) {
      log.warn("KPIs of run {} not computed: {}", runId, e.getMessage(), e);
    }
  }

  /**
   * The publication commits before its KPIs are computed: a server killed in between left a snapshot without them
   * (the current one, or a history run of the demo's quarters), and snapshots published before V21 have no KPI
   * inputs. So each start computes, oldest first, the KPIs of every snapshot whose rows are kept and whose KPIs are
   * missing, then fills the current snapshot's inputs for the next publication; in the background, as at 1M
   * customers that takes minutes a snapshot (bench/README.md "KPIs at 1M customers"). Meanwhile the KPI page says
   * they are being computed ({@link #computing}).
   */
  @EventListener(ApplicationReadyEvent.class)
  void computeMissing() {
    List<Long> missing = db.sql("select r.id from tier_run r where r.status = 'succeeded' and not exists "
        + "(select 1 from snapshot_kpi k where k.run_id = r.id) and exists "
        + "(select 1 from snapshot_row s where s.run_id = r.id) order by r.id").query(Long.class).list();
    pending.addAll(missing);
    background.execute(() -> {
      long start = System.nanoTime();
      for (long id : missing) {
        if (Thread.currentThread().isInterrupted()) return;
        computeOrLog(id);
        pending.remove(id);
      }
      if (!missing.isEmpty()) {
        log.info("KPIs of {} snapshots computed at start in {} ms", missing.size(),
            (System.nanoTime() - start) / 1_000_000);
      }
      fillCurrentInputs();
    });
  }

  /** Whether the KPIs of the run are missing and the start's background task will compute them. */
  public boolean computing(long runId) {
    return pending.contains(runId);
  }

  private synchronized void fillCurrentInputs() {
    try {
      Run current = db.sql("select max(id) from tier_run where status = 'succeeded'")
          .query((rs, n) -> rs.getObject(1, Long.class)).optional().map(runs::get).orElse(null);
      if (current != null) inputs.fillIfMissing(current);
    } catch (RuntimeException | SQLException e) {
      log.warn("KPI inputs of the current run not filled: {}", e.getMessage(), e);
    }
  }

  @jakarta.annotation.PreDestroy
  void stop() {
    background.shutdownNow();
    rangeThreads.shutdownNow();
  }

  /** (Re)computes and stores the KPIs of a snapshot against the succeeded run before it, if any. */
  public synchronized void compute(long runId) throws SQLException {
    long start = System.nanoTime();
    long cpu = THREADS.getCurrentThreadCpuTime();
    Run run = runs.get(runId);
    // Expired runs lost their rows to retention: the latest kept snapshot before this one is the period's start. A
    // re-run as of the same day is no period: it is compared with the latest snapshot of an earlier day.
    Run previous = db.sql("select max(id) from tier_run where status = 'succeeded' and id < ? and as_of < ?")
        .params(runId, run.asOf()).query((rs, n) -> rs.getObject(1, Long.class)).optional().map(runs::get)
        .orElse(null);
    // Whether any interaction exists, not how many: a count would read the whole table at each publication.
    boolean complaintsKnown = !db.sql("select 1 from interaction where " + Visible.rows("interaction") + " fetch first 1 rows only").query(Integer.class).list()
        .isEmpty();
    SnapshotInfo now = info(run, complaintsKnown);
    SnapshotInfo before = previous == null ? null : info(previous, complaintsKnown);
    inputs.fillIfMissing(run);
    if (previous != null) inputs.fillIfMissing(previous);
    Map<String, int[]> answers;
    Map<String, ServiceState> service;
    try (Connection c = dataSource.getConnection()) {
      // Only the current snapshot's answers in the period count; the previous snapshot's are never read.
      answers = SurveyAnswers.latest(c, previous == null ? null : previous.asOf(), run.asOf());
      int window = now.cadenceDays().values().stream().mapToInt(Integer::intValue).max().orElse(0);
      service = ServiceStates.of(c, previous == null ? null : previous.asOf(), run.asOf(), window, zone);
    }
    KpiWalk.Sums sums = walk.sums(now, run.id(), before, previous == null ? null : previous.id(), answers, service,
        KpiTeams.byOwner(db));
    store(run.id(), previous == null ? null : previous.id(), sums.kpis().result());
    // CPU time apart from wall time: on a busy machine the wall time says more about the neighbours than this code.
    log.info("KPIs of run {} computed in {} ms ({} ms CPU in the server)", runId,
        (System.nanoTime() - start) / 1_000_000,
        (THREADS.getCurrentThreadCpuTime() - cpu + sums.cpuNanos()) / 1_000_000);
  }

  private SnapshotInfo info(Run run, boolean complaintsKnown) {
    TierModel model = models.get(run.modelVersion()).model();
    List<String> tiers = model.tiers().stream().map(TierRule::id).toList();
    Map<String, Integer> cadence = new HashMap<>();
    for (TierRule t : model.tiers()) {
      if (t.service().cadence() != null) cadence.put(t.id(), t.service().cadence().everyDays());
    }
    return new SnapshotInfo(run.asOf(), model.name(), Integer.toString(run.modelVersion()), tiers, complaintsKnown,
        cadence);
  }

  private void store(long runId, Long fromRun, KpiTable table) {
    List<Object[]> rows = new ArrayList<>();
    int position = 0;
    for (KpiRow r : table.rows()) {
      rows.add(new Object[] {runId, fromRun, table.modelChanged(), r.dimension(), r.group(), position++, r.tier(),
          json.writeValueAsString(r)});
    }
    tx.executeWithoutResult(s -> {
      db.sql("delete from snapshot_kpi where run_id = ?").param(runId).update();
      for (Object[] r : rows) {
        db.sql("insert into snapshot_kpi (run_id, from_run, model_changed, dimension, grp, position, tier, figures) "
            + "values (?, ?, ?, ?, ?, ?, ?, ?)").params(r).update();
      }
    });
  }
}
