package strata.spark;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import org.apache.spark.SparkContext;
import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerBlockUpdated;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * What a run of the job moved, for {@code --metrics}: the tasks' shuffle, input and result bytes summed from Spark's
 * task metrics, and the driver JVM's heap. Scale estimates for a cluster are made from these figures (bench/README),
 * so anyone can measure them again on their own data.
 */
final class JobMetrics extends SparkListener implements AutoCloseable {
  private final SparkContext context;
  private final long started = System.nanoTime();
  private final AtomicLong tasks = new AtomicLong();
  private final AtomicLong inputBytes = new AtomicLong();
  private final AtomicLong inputRecords = new AtomicLong();
  private final AtomicLong shuffleWriteBytes = new AtomicLong();
  private final AtomicLong shuffleWriteRecords = new AtomicLong();
  private final AtomicLong shuffleReadBytes = new AtomicLong();
  private final AtomicLong shuffleReadRecords = new AtomicLong();
  private final AtomicLong resultBytes = new AtomicLong();
  private final AtomicLong spilledToDiskBytes = new AtomicLong();
  private final LongAccumulator taskPeakExecutionMemory = new LongAccumulator(Math::max, 0);
  private final LongAccumulator heapAfterGcPeak = new LongAccumulator(Math::max, 0);
  private final java.util.Map<String, Long> broadcastPieces = new java.util.concurrent.ConcurrentHashMap<>();
  private final NotificationListener afterGc = this::afterGc;

  /** Starts counting {@code context}'s tasks and the JVM's heap from now on. */
  JobMetrics(SparkContext context) {
    this.context = context;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) pool.resetPeakUsage();
    for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      ((NotificationEmitter) gc).addNotificationListener(afterGc, null, null);
    }
    context.addSparkListener(this);
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd end) {
    TaskMetrics m = end.taskMetrics();
    if (m == null) return; // a task that failed before it ran reports none
    tasks.incrementAndGet();
    inputBytes.addAndGet(m.inputMetrics().bytesRead());
    inputRecords.addAndGet(m.inputMetrics().recordsRead());
    shuffleWriteBytes.addAndGet(m.shuffleWriteMetrics().bytesWritten());
    shuffleWriteRecords.addAndGet(m.shuffleWriteMetrics().recordsWritten());
    shuffleReadBytes.addAndGet(m.shuffleReadMetrics().totalBytesRead());
    shuffleReadRecords.addAndGet(m.shuffleReadMetrics().recordsRead());
    resultBytes.addAndGet(m.resultSize());
    spilledToDiskBytes.addAndGet(m.diskBytesSpilled());
    taskPeakExecutionMemory.accumulate(m.peakExecutionMemory());
  }

  /**
   * The driver's broadcasts (each stage's tasks as Spark ships them, the intake's spec, the scoring contexts) as
   * stored in pieces, compressed: what each executor fetches once. A piece another executor stores again after fetching it has the same name and counts once.
   */
  @Override
  public void onBlockUpdated(SparkListenerBlockUpdated update) {
    var info = update.blockUpdatedInfo();
    if (info.blockId().isBroadcast() && info.blockId().name().contains("_piece") && info.storageLevel().isValid()) {
      broadcastPieces.putIfAbsent(info.blockId().name(), info.memSize() + info.diskSize());
    }
  }

  /** The heap in use right after each collection: what the JVM held rather than what it had not yet collected. */
  private void afterGc(Notification n, Object handback) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) return;
    var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
    long used = 0;
    for (MemoryPoolMXBean pool : heapPools()) {
      MemoryUsage after = info.getGcInfo().getMemoryUsageAfterGc().get(pool.getName());
      if (after != null) used += after.getUsed();
    }
    heapAfterGcPeak.accumulate(used);
  }

  /**
   * The figures so far, once Spark has delivered every finished task's metrics (its listeners are called on a thread
   * of their own, after the actions that ran the tasks have returned).
   *
   * @param customers the customers the run scored (buyers and prospects)
   * @param scoredInParts whether they were scored in parts on the cluster rather than on the driver
   */
  Report report(long customers, boolean scoredInParts) throws TimeoutException {
    context.listenerBus().waitUntilEmpty();
    long heapPeak = 0;
    for (MemoryPoolMXBean pool : heapPools()) heapPeak += pool.getPeakUsage().getUsed();
    return new Report(context.master(), context.isLocal(), customers, scoredInParts,
        Math.round((System.nanoTime() - started) / 1e6) / 1e3, tasks.get(), inputBytes.get(), inputRecords.get(),
        shuffleWriteBytes.get(), shuffleWriteRecords.get(), shuffleReadBytes.get(), shuffleReadRecords.get(),
        resultBytes.get(), broadcastPieces.values().stream().mapToLong(Long::longValue).sum(), spilledToDiskBytes.get(),
        taskPeakExecutionMemory.get(), heapPeak, heapAfterGcPeak.get(), Runtime.getRuntime().maxMemory());
  }

  private static List<MemoryPoolMXBean> heapPools() {
    return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
  }

  @Override
  public void close() {
    context.removeSparkListener(this);
    for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      try {
        ((NotificationEmitter) gc).removeNotificationListener(afterGc);
      } catch (javax.management.ListenerNotFoundException e) {
        // not added: nothing to remove
      }
    }
  }

  /**
   * The job's figures, written as --metrics's JSON. Bytes are as Spark counts them (shuffle bytes after compression);
   * {@code resultBytes} is what the tasks sent back to the driver (collected rows, counts and merged summaries),
   * {@code broadcastBytes} what the driver sent to every executor (once to each, compressed). The
   * heap is the driver JVM's, all pools summed: {@code driverHeapPeakBytes} the pools' peaks (an upper bound of the
   * heap in use at any moment), {@code driverHeapAfterGcPeakBytes} the most in use right after a collection. In a
   * {@code local} master the executors run in the driver's JVM ({@code executorsInDriver}), so its heap is theirs too.
   */
  record Report(String master, boolean executorsInDriver, long customers, boolean scoredInParts, double seconds,
      long tasks, long inputBytes, long inputRecords, long shuffleWriteBytes, long shuffleWriteRecords,
      long shuffleReadBytes, long shuffleReadRecords, long resultBytes, long broadcastBytes, long spilledToDiskBytes,
      long taskPeakExecutionMemoryBytes, long driverHeapPeakBytes, long driverHeapAfterGcPeakBytes,
      long driverHeapMaxBytes) {}
}
