package strata.bench.plan;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import strata.plan.Plan;
import strata.plan.PlanOptions;
import strata.plan.PlannedTask;
import strata.plan.Planner;
import strata.tier.TierModel;

/**
 * Plans 14 days for N generated customers of the default model ({@link PlanInputs}) with {@link Planner#plan}, the
 * call behind {@code strata plan} and the server's re-plan: median wall time of R runs after one warm-up run, the bytes
 * one run allocates, the heap the inputs and the plan hold after a full GC, and the peak heap during the runs.
 * Usage: {@code PlanBenchmark [customers] [runs] [seed]} (defaults 1,000,000, 5, 42).
 */
public final class PlanBenchmark {
  private static final double MIB = 1024.0 * 1024.0;
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
    Planner planner = new Planner(TierModel.defaultModel(), PlanOptions.DEFAULT);
    long t0 = System.nanoTime();
    PlanInputs inputs = PlanInputs.generate(n, seed).withPreviousPlan(planner, seed);
    System.out.printf("inputs: %,d customers, %,d contacts (%,d completed tasks), %,d open tasks; made in %.1f s%n",
        inputs.customers().size(), inputs.history().size(),
        inputs.history().stream().filter(k -> k.taskKey() != null).count(), inputs.open().size(),
        (System.nanoTime() - t0) / 1e9);
    double inputMiB = usedAfterGc();
    double[] seconds = new double[runs];
    double[] cpuSeconds = new double[runs];
    double[] gcSeconds = new double[runs];
    double[] processCpu = new double[runs];
    long allocated = 0;
    Plan plan = null;
    resetPeaks();
    for (int run = -1; run < runs; run++) {
      plan = null;
      long bytes = allocatedBytes();
      long cpu = THREADS.getCurrentThreadCpuTime();
      long gc = gcMillis();
      long process = OS.getProcessCpuTime();
      long start = System.nanoTime();
      plan = planner.plan(inputs.customers(), inputs.history(), inputs.open(), inputs.asOf());
      allocated = allocatedBytes() - bytes;
      if (run < 0) continue;
      seconds[run] = (System.nanoTime() - start) / 1e9;
      cpuSeconds[run] = (THREADS.getCurrentThreadCpuTime() - cpu) / 1e9;
      gcSeconds[run] = (gcMillis() - gc) / 1e3;
      processCpu[run] = (OS.getProcessCpuTime() - process) / 1e9;
      System.out.printf("run %d: %.2f s wall, CPU %.2f s (planning thread %.2f s), %.2f s wall in GC%n", run + 1,
          seconds[run], processCpu[run], cpuSeconds[run], gcSeconds[run]);
    }
    double peakMiB = peakHeap();
    double withPlanMiB = usedAfterGc();
    Arrays.sort(seconds);
    Arrays.sort(cpuSeconds);
    Arrays.sort(gcSeconds);
    Arrays.sort(processCpu);
    System.out.printf("plan of %d days: median %.2f s (min %.2f, max %.2f) over %d runs; median CPU %.2f s (planning "
        + "thread %.2f s), GC %.2f s%n", PlanOptions.DEFAULT.horizonDays(), seconds[runs / 2], seconds[0],
        seconds[runs - 1], runs, processCpu[runs / 2], cpuSeconds[runs / 2], gcSeconds[runs / 2]);
    System.out.printf("heap: inputs %.0f MiB, plan %.0f MiB (after full GC); peak %.0f MiB; %.0f MiB allocated a run%n",
        inputMiB, withPlanMiB - inputMiB, peakMiB, allocated / MIB);
    System.out.println(counts(plan));
    System.out.printf("RESULT customers=%d median_s=%.3f cpu_s=%.3f thread_cpu_s=%.3f gc_s=%.3f input_mib=%.0f "
        + "plan_mib=%.0f peak_heap_mib=%.0f alloc_mib=%.0f%n", n, seconds[runs / 2], processCpu[runs / 2],
        cpuSeconds[runs / 2], gcSeconds[runs / 2], inputMiB, withPlanMiB - inputMiB, peakMiB, allocated / MIB);
  }

  /** Tasks per status, new open tasks, and what stopped the suppressed and cancelled ones. */
  static String counts(Plan plan) {
    Map<String, Long> n = new TreeMap<>();
    for (PlannedTask t : plan.tasks()) {
      n.merge(t.status().code(), 1L, Long::sum);
      if (t.status() == PlannedTask.Status.OPEN && t.created()) n.merge("open, new", 1L, Long::sum);
      if (t.stoppedBy() != null) n.merge(t.status().code() + " by " + t.stoppedBy().code(), 1L, Long::sum);
    }
    StringBuilder s = new StringBuilder(String.format("tasks: %,d", plan.tasks().size()));
    n.forEach((k, v) -> s.append(String.format("; %s %,d", k, v)));
    plan.warnings().forEach(w -> s.append("; warning ").append(w.code()).append(' ').append(w.detail()));
    return s.toString();
  }

  private static double usedAfterGc() {
    System.gc();
    System.gc();
    Runtime rt = Runtime.getRuntime();
    return (rt.totalMemory() - rt.freeMemory()) / MIB;
  }

  private static void resetPeaks() {
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  /** Sum of the heap pools' peaks: an upper bound of the heap in use at any one time. */
  private static double peakHeap() {
    return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
        .mapToLong(p -> p.getPeakUsage().getUsed()).sum() / MIB;
  }

  private static long allocatedBytes() {
    return THREADS.getCurrentThreadAllocatedBytes();
  }

  private static long gcMillis() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(b -> b.getCollectionTime()).sum();
  }
}
