package strata.server.kpi;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;
import strata.kpi.CustomerState;
import strata.kpi.KpiAccumulator;
import strata.kpi.ServiceState;
import strata.kpi.SnapshotInfo;
import strata.server.data.Dialect;

/**
 * Sums the KPIs of a snapshot against the one before it in ranges of customer ids, each range walked on its own
 * connection and thread, then merges the ranges' {@link KpiAccumulator}s. One walk read both snapshots over one
 * connection, the database and the server taking turns; the ranges keep both busy at once: 3.1 s against 2.2 s at 1M
 * customers in a running server, but only 4.6 against 4.3 s at a cold start, for more CPU (bench/README.md "KPIs at
 * 1M customers").
 */
final class KpiWalk {
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  /** @param cpuNanos CPU time of the range threads, for the log: the wall time on a busy machine says little */
  record Sums(KpiAccumulator kpis, long cpuNanos) {}

  private final DataSource dataSource;
  private final Dialect dialect;
  private final ExecutorService threads;
  private final int ranges;

  /** @param ranges how many ranges the current snapshot's customers are split into, each a task of {@code threads} */
  KpiWalk(DataSource dataSource, Dialect dialect, ExecutorService threads, int ranges) {
    if (ranges < 1) throw new IllegalArgumentException("KPI ranges must be at least 1, got " + ranges);
    this.dataSource = dataSource;
    this.dialect = dialect;
    this.threads = threads;
    this.ranges = ranges;
  }

  /**
   * @param previousRun null when there is no snapshot before
   * @param answers the period's latest survey answers ({@link SurveyAnswers})
   * @param service each customer's contacts and tasks at the current snapshot ({@link ServiceStates})
   * @param teams owner name to the teams of the sales users who carry it ({@link KpiTeams})
   */
  Sums sums(SnapshotInfo now, long run, SnapshotInfo before, Long previousRun, Map<String, int[]> answers,
      Map<String, ServiceState> service, Map<String, List<String>> teams) throws SQLException {
    List<String> starts = starts(run);
    List<Future<KpiAccumulator>> parts = new ArrayList<>();
    LongAdder cpu = new LongAdder();
    AtomicBoolean stop = new AtomicBoolean();
    for (int k = 0; k <= starts.size(); k++) {
      String from = k == 0 ? null : starts.get(k - 1);
      String to = k == starts.size() ? null : starts.get(k);
      parts.add(threads.submit(
          () -> range(now, run, before, previousRun, answers, service, teams, from, to, cpu, stop)));
    }
    KpiAccumulator total = new KpiAccumulator(now, before, teams);
    try {
      // In range order: the same ranges give the same sums of CLV and P(alive) to the last bit.
      for (Future<KpiAccumulator> part : parts) total.merge(part.get());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while computing KPIs", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof SQLException s) throw s;
      if (e.getCause() instanceof RuntimeException r) throw r;
      throw new IllegalStateException(e.getCause());
    } finally {
      // Told by a flag, not by interrupting them: an interrupt that lands while a range's connection writes (its
      // rollback) closes H2's file channel, and with it the embedded database for every user (ClosedByInterrupt).
      stop.set(true);
      for (Future<KpiAccumulator> part : parts) part.cancel(false);
    }
    return new Sums(total, cpu.sum());
  }

  /**
   * The first customer id of each range after the first, so that the ranges hold about as many customers of the
   * current snapshot each; fewer for a snapshot with fewer customers than ranges. The database orders them, as it
   * compares them in each range's query: its collation decides, the same in both.
   */
  private List<String> starts(long run) throws SQLException {
    if (ranges == 1) return List.of();
    try (Connection c = dataSource.getConnection()) {
      List<String> sample = dialect.postgres() ? sample(c, run) : List.of();
      if (sample.size() >= 20 * ranges) {
        List<String> starts = new ArrayList<>();
        for (int k = 1; k < ranges; k++) starts.add(sample.get(k * sample.size() / ranges));
        return starts;
      }
      // Exact, but a pass over the snapshot's ids: 1.7 s at 1M on PostgreSQL, where the sample takes 0.1 s.
      try (PreparedStatement s = c.prepareStatement("select min(customer_id) from (select customer_id, "
          + "ntile(?) over (order by customer_id) as part from snapshot_kpi_input where run_id = ?) x "
          + "group by part order by 1")) {
        s.setInt(1, ranges);
        s.setLong(2, run);
        return ids(s).stream().skip(1).toList(); // the first range starts from the first customer of either snapshot
      }
    }
  }

  /**
   * A sample of the snapshot's customer ids in order, from random pages of the table (PostgreSQL's TABLESAMPLE) about
   * 200,000 rows of all snapshots; the same pages for the same table and run, so a recomputation gets the same ranges.
   * Empty, or too small to cut, when the snapshot is a small part of the table: its ids are few enough to cut exactly.
   */
  private static List<String> sample(Connection c, long run) throws SQLException {
    double rows;
    try (PreparedStatement s = c.prepareStatement("select reltuples from pg_class where oid = "
        + "'snapshot_kpi_input'::regclass"); ResultSet r = s.executeQuery()) {
      rows = r.next() ? r.getDouble(1) : -1;
    }
    if (rows < 1) return List.of(); // never analysed
    try (PreparedStatement s = c.prepareStatement("select customer_id from snapshot_kpi_input tablesample system (?) "
        + "repeatable (?) where run_id = ? order by customer_id")) {
      s.setFloat(1, (float) Math.min(100, 100 * 200_000 / rows));
      s.setDouble(2, run);
      s.setLong(3, run);
      return ids(s);
    }
  }

  private static List<String> ids(PreparedStatement s) throws SQLException {
    List<String> ids = new ArrayList<>();
    try (ResultSet r = s.executeQuery()) {
      while (r.next()) ids.add(r.getString(1));
    }
    return ids;
  }

  /** One range's sums: both snapshots' customers with ids in [from, to), paired in id order. */
  private KpiAccumulator range(SnapshotInfo now, long run, SnapshotInfo before, Long previousRun,
      Map<String, int[]> answers, Map<String, ServiceState> service, Map<String, List<String>> teams, String from,
      String to, LongAdder cpu, AtomicBoolean stop)
      throws SQLException {
    long cpuAtStart = CPU.getCurrentThreadCpuTime();
    KpiAccumulator kpis = new KpiAccumulator(now, before, teams);
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false); // PostgreSQL streams a result with a fetch size only inside a transaction
      if (dialect.postgres()) {
        // PostgreSQL plans a range as a bitmap scan and a sort of the whole range (0.37-0.41 s for 250,000 customers,
        // nothing streamed before the end) rather than the index scan in id order (0.16-0.31 s): the rows lie in id
        // order, which its estimate misses (bench/README.md "KPIs at 1M customers").
        try (var set = c.createStatement()) {
          set.execute("set local enable_bitmapscan = off");
        }
      }
      try (SnapshotStates a = new SnapshotStates(c, run, from, to, answers, service);
          SnapshotStates b = previousRun == null ? null
              : new SnapshotStates(c, previousRun, from, to, Map.of(), Map.of())) {
        CustomerState x = a.next();
        CustomerState y = b == null ? null : b.next();
        while (x != null || y != null) {
          if (stop.get()) throw new SQLException("KPI walk stopped");
          int order = x == null ? 1 : y == null ? -1 : x.customerId().compareTo(y.customerId());
          kpis.add(order <= 0 ? x : null, order >= 0 ? y : null);
          if (order <= 0) x = a.next();
          if (order >= 0) y = b.next();
        }
      } finally {
        c.rollback();
        c.setAutoCommit(true);
      }
    }
    cpu.add(CPU.getCurrentThreadCpuTime() - cpuAtStart);
    return kpis;
  }
}
