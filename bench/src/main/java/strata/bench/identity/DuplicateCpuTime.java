package strata.bench.identity;

import java.lang.management.ManagementFactory;
import strata.identity.DuplicateCandidates;

/**
 * CPU time of duplicate detection on the benchmark's records, per run: on a machine shared with other jobs the
 * wall time of {@link DuplicateBenchmark} measures the other jobs as much as this one, the thread's CPU time does
 * not (garbage collection on other threads is not included; the JMH figure includes it).
 *
 * <p>{@code java -Xmx2g -cp bench/target/strata-bench.jar strata.bench.identity.DuplicateCpuTime [customers] [runs]}
 */
public final class DuplicateCpuTime {
  private DuplicateCpuTime() {}

  public static void main(String[] args) {
    int customers = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    var data = SyntheticProfiles.generate(customers, 0.01, 42);
    var cpu = ManagementFactory.getThreadMXBean();
    for (int r = 0; r < runs; r++) {
      long wall = System.nanoTime();
      long start = cpu.getCurrentThreadCpuTime();
      var found = DuplicateCandidates.find(data.profiles());
      System.out.printf("run %d: %.2f s CPU, %.2f s wall, %d pairs (%d planted), %d common keys%n", r + 1,
          (cpu.getCurrentThreadCpuTime() - start) / 1e9, (System.nanoTime() - wall) / 1e9, found.pairs().size(),
          data.pairs().size(), found.commonKeys().size());
    }
  }
}
