package strata.server.kpi;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.postgresql.ds.PGSimpleDataSource;
import strata.kpi.SnapshotInfo;

/**
 * The KPIs of the latest snapshot of bench/run-kpi.sh's kept cluster against the one before, computed as the server
 * does (survey answers, then {@link KpiWalk}) in one warm JVM, for each number of ranges in turn: what a publication
 * costs in a running server, without the start's cold JIT (one untimed round first). Lives in the package of the classes it times (they are
 * package-private); bench/run-kpi-walk.sh compiles and runs it against the server jar.
 *   KpiWalkTiming <port> <repeats> <ranges>...
 */
public final class KpiWalkTiming {
  public static void main(String[] args) throws Exception {
    PGSimpleDataSource db = new PGSimpleDataSource();
    db.setUrl("jdbc:postgresql://127.0.0.1:" + args[0] + "/strata");
    db.setUser("strata");
    // As bench/kpi-model.yaml and bench/kpi-snapshots.sql: month ends from 2025-01-31, the latest is run 3.
    List<String> tiers = List.of("key", "big", "mid", "small");
    SnapshotInfo now = new SnapshotInfo(LocalDate.parse("2025-03-31"), "bench", "1", tiers, true);
    SnapshotInfo before = new SnapshotInfo(LocalDate.parse("2025-02-28"), "bench", "1", tiers, true);
    ExecutorService threads = Executors.newFixedThreadPool(16);
    System.out.println("| ranges | wall ms | of which survey answers ms | CPU of the range threads ms | load average |");
    System.out.println("|---:|---:|---:|---:|---|");
    // Round 0 warms the JVM and the database's cache, untimed.
    for (int repeat = 0; repeat <= Integer.parseInt(args[1]); repeat++) {
      for (int a = 2; a < args.length; a++) {
        int ranges = Integer.parseInt(args[a]);
        String load = Files.readString(Path.of("/proc/loadavg")).substring(0, 14);
        long start = System.nanoTime();
        Map<String, int[]> answers;
        try (Connection c = db.getConnection()) {
          answers = SurveyAnswers.latest(c, before.asOf(), now.asOf());
        }
        long read = System.nanoTime();
        KpiWalk.Sums sums = new KpiWalk(db, threads, ranges).sums(now, 3, before, 2L, answers, Map.of());
        sums.kpis().result();
        if (repeat == 0) continue;
        System.out.printf("| %d | %d | %d | %d | %s |%n", ranges, (System.nanoTime() - start) / 1_000_000,
            (read - start) / 1_000_000, sums.cpuNanos() / 1_000_000, load);
      }
    }
    threads.shutdownNow();
  }
}
