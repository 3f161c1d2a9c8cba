package strata.summary;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Radix-partitioned aggregation: intake writes each row to its customer's partition (the stripe its id hashes to),
 * spilling full partition buffers to temporary files, and the summary table is built afterwards one partition at a
 * time, each partition by one thread.
 *
 * <p>Why: folding rows into the table as they arrive costs a chain of cache misses per row (hash slot, record, day
 * list) once the table outgrows the CPU caches, i.e. from about a million customers; built partition by partition,
 * the part of the table being built stays in cache. Rows wait on disk, not in memory: memory stays bounded by
 * customers (plus up to 32 KiB per partition and intake thread while the file is read), whatever the file size.
 * Small inputs never reach the disk.
 */
public final class RowSpill implements AutoCloseable {
  private final Path tempDir;
  private final boolean withOrderIds;
  private final List<SpillWriter> writers = new ArrayList<>();

  /** @param withOrderIds whether rows carry order-id keys (must match the table they are folded into) */
  public RowSpill(Path tempDir, boolean withOrderIds) {
    this.tempDir = tempDir;
    this.withOrderIds = withOrderIds;
  }

  /** A writer for one intake thread; the rows it takes stay part of the spill until they are folded. */
  public synchronized SpillWriter writer() {
    SpillWriter w = new SpillWriter(tempDir, withOrderIds);
    writers.add(w);
    return w;
  }

  /** What a partition's rows were, besides their summaries: (fingerprint, line) pairs of all its rows. */
  public interface Fingerprints {
    /**
     * Called on a folding thread with a partition's pairs: once, or in parts of at most {@link RowSpill#maxHeld}
     * pairs for a partition with more rows (one customer may have most of a file's rows), {@code last} on its final
     * part. {@code pairs} holds {@code n} pairs and is not kept.
     */
    void of(int partition, long[] pairs, int n, boolean last);
  }

  /** Most (fingerprint, line) pairs and (customer, day) keys a folding thread holds at once: 16 MiB of each. */
  static volatile int maxHeld = 1 << 20;

  /** {@link #foldInto(SummaryTable, int, Fingerprints, int)}'s split day for a table left open to more rows. */
  public static final int OPEN = Integer.MIN_VALUE;

  /**
   * Builds the table's stripes from their partitions, {@code threads} partitions at a time, handing each partition's
   * row fingerprints on: exact duplicate rows have the same customer id, so they always share a partition. Each
   * stripe is frozen at {@code splitDay} (see {@link SummaryTable#freeze(int)}) as soon as it is built, unless that is
   * {@link #OPEN}.
   */
  public void foldInto(SummaryTable table, int threads, Fingerprints fingerprints, int splitDay) {
    foldInto(table, threads, fingerprints, splitDay, Long.MAX_VALUE);
  }

  /**
   * As {@link #foldInto(SummaryTable, int, Fingerprints, int)}, also folding every partition that has a row (in the
   * run) of at least {@code withoutCents} in absolute amount a second time without those rows: with the other
   * partitions, the table as a read leaving such rows out would have built it. A run compares its tiers with and
   * without its outlier amounts; they are usually a handful of rows, so a few partitions folded again replace a second
   * read of the whole file.
   *
   * @return those partitions' stripes (frozen at {@code splitDay} too); null when no row reaches {@code withoutCents},
   *     or when more than {@link #maxPatched} partitions have such rows (then a second read costs less memory than a
   *     second table held beside the first)
   */
  public StripePatch foldInto(SummaryTable table, int threads, Fingerprints fingerprints, int splitDay,
      long withoutCents) {
    Patched without = new Patched();
    int workers = Math.max(1, threads);
    Expected expected = new Expected();
    if (workers == 1) { // the server folds a customer's purchases at a time: no pool for that
      foldAll(table, fingerprints, splitDay, withoutCents, without, new AtomicInteger(), expected);
      return without.patch();
    }
    ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
      Thread t = new Thread(r, "strata-fold");
      t.setDaemon(true);
      return t;
    });
    try {
      AtomicInteger next = new AtomicInteger();
      Future<?>[] done = new Future<?>[workers];
      for (int w = 0; w < workers; w++) {
        done[w] = pool.submit(() -> foldAll(table, fingerprints, splitDay, withoutCents, without, next, expected));
      }
      for (Future<?> f : done) f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while summarising", e);
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) throw re;
      if (e.getCause() instanceof Error err) throw err;
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
    return without.patch();
  }

  /** Most partitions folded a second time without outlier rows: an eighth of the table held twice at most. */
  static volatile int maxPatched = SummaryTable.STRIPES / 8;

  /** The partitions folded again, counted as they are found. */
  private static final class Patched {
    final Stripe[] stripes = new Stripe[SummaryTable.STRIPES];
    final AtomicInteger count = new AtomicInteger();

    /** Whether partition k may be folded again (and is then counted). */
    boolean take() {
      return count.incrementAndGet() <= maxPatched;
    }

    StripePatch patch() {
      return count.get() > maxPatched ? null : StripePatch.of(stripes);
    }
  }

  /** Folds partitions, taking the next one not taken until none is left. */
  private void foldAll(SummaryTable table, Fingerprints fingerprints, int splitDay, long withoutCents,
      Patched without, AtomicInteger next, Expected expected) {
    Scratch scratch = new Scratch(withOrderIds); // one per thread, reused for every partition it folds
    for (int k = next.getAndIncrement(); k < SummaryTable.STRIPES; k = next.getAndIncrement()) {
      scratch.partition = k;
      scratch.fingerprints = fingerprints;
      scratch.withoutCents = withoutCents;
      Stripe stripe = table.stripe(k);
      expected.presize(stripe);
      if (fold(k, stripe, scratch) && without.take()) {
        Stripe again = table.emptyStripe();
        foldWithout(k, again, scratch);
        close(again, splitDay);
        without.stripes[k] = again;
      }
      for (SpillWriter w : writers) w.release(k);
      close(stripe, splitDay);
      expected.folded(stripe);
    }
  }

  private static void close(Stripe stripe, int splitDay) {
    if (splitDay == OPEN) stripe.trim();
    else stripe.freeze(splitDay);
  }

  /**
   * Customers and id bytes a partition will have, from the partitions folded so far: ids hash uniformly over
   * partitions, so the counts differ by a few percent (binomially).
   */
  private static final class Expected {
    private int partitions;
    private long customers;
    private long idBytes;

    synchronized void presize(Stripe s) {
      if (partitions == 0) return;
      s.expect((int) Math.min(1 << 24, customers * 9 / 8 / partitions + 16),
          (int) Math.min(1 << 28, idBytes * 9 / 8 / partitions + 256));
    }

    synchronized void folded(Stripe s) {
      partitions++;
      customers += s.size;
      idBytes += s.idBytesUsed();
    }
  }

  /** A folding thread's buffers. */
  private static final class Scratch {
    final byte[] piece = new byte[SpillWriter.MAX_CHUNK];
    final SpillRows rows;
    final DayKeys days = new DayKeys();
    long[] pairs = new long[256]; // (fingerprint, line) of the partition's rows not handed on yet
    int pairCount;
    int partition;
    Fingerprints fingerprints;
    long withoutCents;
    /** The partition has a row in the run of at least {@link #withoutCents}. */
    boolean reached;

    Scratch(boolean withOrderIds) {
      rows = new SpillRows(withOrderIds);
    }

    void addPair(long fingerprint, long line) {
      if (pairCount >= maxHeld) {
        fingerprints.of(partition, pairs, pairCount, false);
        pairCount = 0;
      }
      if (2 * pairCount + 2 > pairs.length) pairs = java.util.Arrays.copyOf(pairs, pairs.length * 2);
      pairs[2 * pairCount] = fingerprint;
      pairs[2 * pairCount + 1] = line;
      pairCount++;
    }
  }

  /** @return whether the partition has a row in the run of at least the scratch's {@code withoutCents} */
  private boolean fold(int k, Stripe s, Scratch scratch) {
    scratch.pairCount = 0;
    scratch.reached = false;
    forEachPiece(k, scratch, (d, end) -> foldRows(s, d, end, scratch));
    s.listDays(scratch.days);
    scratch.fingerprints.of(k, scratch.pairs, scratch.pairCount, true);
    return scratch.reached;
  }

  /** The partition again, leaving out the rows of at least {@code withoutCents}; fingerprints were handed on. */
  private void foldWithout(int k, Stripe s, Scratch scratch) {
    forEachPiece(k, scratch, (d, end) -> {
      SpillRows r = scratch.rows;
      r.reset(d, end);
      while (r.next()) {
        if (!r.afterAsOf() && Math.abs(r.cents) < scratch.withoutCents) add(s, d, r, scratch);
      }
    });
    s.listDays(scratch.days);
  }

  private interface Piece {
    void fold(byte[] d, int end);
  }

  /** Each chunk holds whole rows and fits the scratch buffer, so memory stays bounded for any partition size. */
  private void forEachPiece(int k, Scratch scratch, Piece piece) {
    for (SpillWriter w : writers) {
      for (int i = 0; i < w.chunks(k); i++) piece.fold(scratch.piece, w.readChunk(k, i, scratch.piece));
      piece.fold(w.buffer(k), w.buffered(k));
    }
  }

  /** Folds the rows of {@code d[0, end)}, which holds whole rows. */
  private static void foldRows(Stripe s, byte[] d, int end, Scratch scratch) {
    SpillRows r = scratch.rows;
    r.reset(d, end);
    while (r.next()) {
      scratch.addPair(r.fingerprint, r.line);
      if (!r.afterAsOf()) {
        if (Math.abs(r.cents) >= scratch.withoutCents) scratch.reached = true;
        add(s, d, r, scratch);
      }
    }
  }

  private static void add(Stripe s, byte[] d, SpillRows r, Scratch scratch) {
    int c = s.addUnlisted(d, r.idFrom, r.idLen, SummaryTable.hash(d, r.idFrom, r.idLen), r.line, r.day, r.cents,
        r.orderKey, r.hasOrderKey(), r.category());
    scratch.days.add(c, r.day);
    if (scratch.days.size() >= maxHeld) s.listDays(scratch.days); // lists hold each day once, keys each row
  }

  /** Removes the temporary files (also after a failed intake). */
  @Override
  public synchronized void close() {
    for (SpillWriter w : writers) w.close();
  }
}
