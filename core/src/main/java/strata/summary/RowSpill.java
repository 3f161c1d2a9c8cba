package strata.summary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
 * customers (plus 64 KiB per partition while the file is read), whatever the file size. Small inputs never reach the disk.
 */
public final class RowSpill implements AutoCloseable {
  private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle CHAR = MethodHandles.byteArrayViewVarHandle(char[].class, ByteOrder.LITTLE_ENDIAN);
  /** Bytes of a row before its order key (if any) and id: hash, line, day, id length, cents, flags, fingerprint. */
  private static final int FIXED = 32;
  /** Buffered bytes per partition before they go to its file. */
  static volatile int bufferSize = 64 << 10;

  private final Path tempDir;
  private final boolean withOrderIds;
  private final Partition[] partitions = new Partition[SummaryTable.STRIPES];

  /** @param withOrderIds whether rows carry order-id keys (must match the table they are folded into) */
  public RowSpill(Path tempDir, boolean withOrderIds) {
    this.tempDir = tempDir;
    this.withOrderIds = withOrderIds;
    for (int i = 0; i < partitions.length; i++) partitions[i] = new Partition();
  }

  private static final class Partition {
    byte[] buf = new byte[64];
    int used;
    Path file;
    FileChannel in;
  }

  /** Adds a batch's rows to their partitions; several threads may call this at once. */
  public void addAll(RowBatch batch) {
    int[][] byStripe = SummaryTable.byStripe(batch);
    int[] start = byStripe[0];
    int[] order = byStripe[1];
    for (int k = 0; k < partitions.length; k++) {
      if (start[k] == start[k + 1]) continue;
      Partition p = partitions[k];
      synchronized (p) {
        for (int j = start[k]; j < start[k + 1]; j++) write(p, batch, order[j]);
      }
    }
  }

  private void write(Partition p, RowBatch b, int i) {
    int len = b.idLen[i];
    int size = FIXED + (withOrderIds ? 8 : 0) + len;
    if (p.used + size > p.buf.length) {
      if (p.buf.length >= bufferSize) flush(p);
      if (p.used + size > p.buf.length) { // small partitions start small and grow up to the buffer size
        p.buf = java.util.Arrays.copyOf(p.buf, Math.max(p.used + size, Math.min(bufferSize, 2 * p.buf.length)));
      }
    }
    byte[] d = p.buf;
    int at = p.used;
    INT.set(d, at, b.hash[i]);
    INT.set(d, at + 4, b.line[i]);
    CHAR.set(d, at + 8, (char) b.day[i]);
    CHAR.set(d, at + 10, (char) len);
    LONG.set(d, at + 12, b.cents[i]);
    INT.set(d, at + 20, b.flags[i]);
    LONG.set(d, at + 24, b.fingerprint[i]);
    at += FIXED;
    if (withOrderIds) {
      LONG.set(d, at, b.orderKey[i]);
      at += 8;
    }
    System.arraycopy(b.ids, b.idFrom[i], d, at, len);
    p.used = at + len;
  }

  private void flush(Partition p) {
    // Opened per flush rather than kept open: 1024 open files would exceed a common descriptor limit.
    try {
      if (p.file == null) p.file = Files.createTempFile(tempDir, "strata-rows-", ".bin");
      try (FileChannel out = FileChannel.open(p.file, StandardOpenOption.APPEND)) {
        ByteBuffer bb = ByteBuffer.wrap(p.buf, 0, p.used);
        while (bb.hasRemaining()) out.write(bb);
      }
      p.used = 0;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write temporary file for intake in " + tempDir, e);
    }
  }

  /** What a partition's rows were, besides their summaries: (fingerprint, line) pairs of all its rows. */
  public interface Fingerprints {
    /** Called once per partition, on a folding thread; {@code pairs} holds {@code n} pairs and is not kept. */
    void of(long[] pairs, int n);
  }

  /**
   * Builds the table's stripes from their partitions, {@code threads} partitions at a time, handing each partition's
   * row fingerprints on: exact duplicate rows have the same customer id, so they always share a partition.
   */
  public void foldInto(SummaryTable table, int threads, Fingerprints fingerprints) {
    int workers = Math.max(1, threads);
    ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
      Thread t = new Thread(r, "strata-fold");
      t.setDaemon(true);
      return t;
    });
    try {
      AtomicInteger next = new AtomicInteger();
      Future<?>[] done = new Future<?>[workers];
      for (int w = 0; w < workers; w++) {
        done[w] = pool.submit(() -> {
          Scratch scratch = new Scratch(); // one per thread, reused for every partition it folds
          for (int k = next.getAndIncrement(); k < partitions.length; k = next.getAndIncrement()) {
            fold(k, table.stripe(k), fingerprints, scratch);
          }
        });
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
  }

  /** A folding thread's buffers. */
  private static final class Scratch {
    final byte[] piece = new byte[1 << 20];
    final DayKeys days = new DayKeys();
    long[] pairs = new long[256]; // (fingerprint, line) of every row of the partition
    int pairCount;

    void addPair(long fingerprint, long line) {
      if (2 * pairCount + 2 > pairs.length) pairs = java.util.Arrays.copyOf(pairs, pairs.length * 2);
      pairs[2 * pairCount] = fingerprint;
      pairs[2 * pairCount + 1] = line;
      pairCount++;
    }
  }

  private void fold(int k, Stripe s, Fingerprints fingerprints, Scratch scratch) {
    Partition p = partitions[k];
    scratch.pairCount = 0;
    try {
      if (p.file != null) {
        // A partition's file is read in pieces so memory stays bounded even for one partition of a huge file.
        p.in = FileChannel.open(p.file, StandardOpenOption.READ);
        byte[] piece = scratch.piece;
        long position = 0;
        int carry = 0;
        while (true) {
          int n = p.in.read(ByteBuffer.wrap(piece, carry, piece.length - carry), position);
          if (n <= 0) break;
          position += n;
          int end = carry + n;
          int consumed = foldRows(s, piece, end, scratch);
          carry = end - consumed;
          System.arraycopy(piece, consumed, piece, 0, carry);
        }
        if (carry != 0) throw new IllegalStateException("temporary intake file ends inside a row");
      }
      foldRows(s, p.buf, p.used, scratch);
      s.listDays(scratch.days);
      s.trim();
      fingerprints.of(scratch.pairs, scratch.pairCount);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read temporary file for intake", e);
    } finally {
      p.buf = null;
      closeQuietly(p);
    }
  }

  /** Folds the whole rows at the start of {@code d[0, end)}; returns where the first incomplete one starts. */
  private int foldRows(Stripe s, byte[] d, int end, Scratch scratch) {
    int at = 0;
    int fixed = FIXED + (withOrderIds ? 8 : 0);
    while (at + fixed <= end) {
      int len = (char) CHAR.get(d, at + 10);
      if (at + fixed + len > end) break;
      int flags = (int) INT.get(d, at + 20);
      int line = (int) INT.get(d, at + 4);
      scratch.addPair((long) LONG.get(d, at + 24), line);
      if ((flags & RowBatch.AFTER_AS_OF) == 0) {
        long orderKey = withOrderIds ? (long) LONG.get(d, at + FIXED) : 0;
        int day = (char) CHAR.get(d, at + 8);
        int c = s.addUnlisted(d, at + fixed, len, (int) INT.get(d, at), line, day, (long) LONG.get(d, at + 12),
            orderKey, flags < 0, (flags & RowBatch.CATEGORY) - 1);
        scratch.days.add(c, day);
      }
      at += fixed + len;
    }
    return at;
  }

  private static void closeQuietly(Partition p) {
    try {
      if (p.in != null) p.in.close();
      if (p.file != null) Files.deleteIfExists(p.file);
    } catch (IOException ignored) {
      // best effort: a leftover temp file is harmless
    }
    p.in = null;
    p.file = null;
  }

  /** Removes the temporary files (also after a failed intake). */
  @Override
  public void close() {
    for (Partition p : partitions) {
      synchronized (p) {
        closeQuietly(p);
      }
    }
  }
}
