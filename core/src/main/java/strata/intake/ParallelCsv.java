package strata.intake;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Reads a delimited file in blocks that end on record boundaries and has worker threads parse them, handing each
 * block's outcome to a consumer strictly in file order (so rejected rows come out in line order).
 *
 * <p>Memory stays bounded: at most {@code threads + 2} blocks are in flight, whatever the file size.
 */
final class ParallelCsv {
  static final int BLOCK = 4 << 20;
  static final int MAX_RECORD = 64 << 20;
  /** Block size in use; tests shrink it to put block boundaries inside small files. */
  static volatile int blockSize = BLOCK;

  /**
   * Parses the complete records of {@code buf[from, to)}; {@code firstLine} is the line of the first byte. The buffer
   * is reused once this returns, so nothing may keep a reference to it.
   */
  interface BlockParser {
    BlockOutcome parse(int block, byte[] buf, int from, int to, long firstLine, boolean atEof);
  }

  private final Path file;
  private final CsvFormat format;
  private final int threads;

  ParallelCsv(Path file, CsvFormat format, int threads) {
    this.file = file;
    this.format = format;
    this.threads = threads;
  }

  /**
   * @param firstDataLine line number of the first data row
   * @param progress called with the number of bytes read so far
   */
  void run(long firstDataLine, BlockParser parser, Consumer<BlockOutcome> inOrder, LongConsumer progress) {
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "strata-intake");
      t.setDaemon(true);
      return t;
    });
    Semaphore inFlight = new Semaphore(threads + 2);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Orderer orderer = new Orderer(inOrder);
    // Full-size block buffers are reused: a fresh 4 MiB array per block was 2.6 GB of allocation at 100M rows, and
    // blocks still in flight at a young collection were copied, often into the old generation.
    Queue<byte[]> spare = new ConcurrentLinkedQueue<>();
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      ch.position(format.dataStart());
      // A file smaller than a block takes a buffer of its size, one byte more to see its end at the first read: a
      // 4 MiB block for a 31 kB file helped a 1,000-row run overflow the young generation (bench/README.md, "Small
      // files: start-up").
      int size = (int) Math.min(blockSize, Math.max(0, ch.size() - format.dataStart()) + 1);
      byte[] carry = new byte[0];
      long line = firstDataLine;
      long read = format.dataStart();
      int block = 0;
      boolean eof = false;
      while (!eof && failure.get() == null) {
        byte[] reused = carry.length * 2 <= size ? spare.poll() : null;
        byte[] buf = reused != null ? reused : new byte[Math.max(size, carry.length * 2)];
        System.arraycopy(carry, 0, buf, 0, carry.length);
        int len = carry.length;
        while (true) {
          int n = fill(ch, buf, len);
          len += n;
          read += n;
          eof = len < buf.length;
          progress.accept(read);
          Boundary b = eof ? new Boundary(len, 0) : boundary(buf, len);
          if (b.end > 0 || eof) {
            int end = b.end;
            carry = Arrays.copyOfRange(buf, end, len);
            submit(pool, inFlight, failure, orderer, parser, block++, buf, end, line, eof,
                buf.length == size ? spare : null);
            line += b.lines;
            break;
          }
          if (buf.length >= MAX_RECORD) {
            throw new IntakeException(IntakeException.ROW_TOO_LONG, file.getFileName(), line);
          }
          buf = Arrays.copyOf(buf, buf.length * 2);
        }
      }
      inFlight.acquire(threads + 2);
    } catch (IOException e) {
      throw IntakeException.causedBy(e, IntakeException.UNREADABLE, file.getFileName(), e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IntakeException(IntakeException.INTERRUPTED, file.getFileName());
    } finally {
      pool.shutdownNow();
    }
    Throwable t = failure.get();
    if (t instanceof RuntimeException re) throw re;
    if (t instanceof Error err) throw err;
    if (t != null) throw IntakeException.causedBy(t, IntakeException.UNREADABLE, file.getFileName(), t);
  }

  private static int fill(FileChannel ch, byte[] buf, int from) throws IOException {
    ByteBuffer bb = ByteBuffer.wrap(buf, from, buf.length - from);
    int total = 0;
    while (bb.hasRemaining()) {
      int n = ch.read(bb);
      if (n < 0) break;
      total += n;
    }
    return total;
  }

  /** @param spare where the buffer goes once parsed (parsers keep no reference to it), or null */
  private void submit(ExecutorService pool, Semaphore inFlight, AtomicReference<Throwable> failure, Orderer orderer,
      BlockParser parser, int block, byte[] buf, int end, long line, boolean eof, Queue<byte[]> spare)
      throws InterruptedException {
    inFlight.acquire();
    pool.execute(() -> {
      try {
        if (failure.get() == null) {
          orderer.deliver(parser.parse(block, buf, 0, end, line, eof));
        }
      } catch (Throwable t) {
        failure.compareAndSet(null, t);
      } finally {
        if (spare != null) spare.offer(buf);
        inFlight.release();
      }
    });
  }

  private record Boundary(int end, long lines) {}

  /** End of the last complete record in {@code buf[0, len)} and the line breaks before it. */
  private Boundary boundary(byte[] buf, int len) {
    // Fast path: without quotes (never in whitespace-separated files), a record ends at every line break.
    boolean quoting = !format.whitespace();
    long newlines = 0;
    int lastNewline = -1;
    boolean quotes = false;
    int i = 0;
    // Eight bytes at a time (this scan runs on the one reading thread over the whole file; measured).
    for (; i + 8 <= len; i += 8) {
      long w = Words.at(buf, i);
      if (quoting && Words.bytesEqual(w, QUOTES) != 0) {
        quotes = true;
        break;
      }
      long nl = Words.bytesEqual(w, NEWLINES);
      if (nl != 0) {
        newlines += Long.bitCount(nl);
        lastNewline = i + ((63 - Long.numberOfLeadingZeros(nl)) >>> 3);
      }
    }
    for (; i < len && !quotes; i++) {
      byte c = buf[i];
      if (c == '\n') {
        newlines++;
        lastNewline = i;
      } else {
        quotes = quoting && c == '"';
      }
    }
    if (!quotes) {
      return new Boundary(lastNewline + 1, newlines);
    }
    RecordCursor cursor = new RecordCursor(buf, 0, len, format.delimiter(), false);
    while (cursor.next(false)) {
      // walk whole records only
    }
    return new Boundary(cursor.position(), cursor.lines());
  }

  private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
  private static final long QUOTES = 0x2222222222222222L;

  /** Passes outcomes on in block order, whichever worker finishes first. */
  private static final class Orderer {
    private final Consumer<BlockOutcome> inOrder;
    private final Map<Integer, BlockOutcome> waiting = new HashMap<>();
    private int next;

    Orderer(Consumer<BlockOutcome> inOrder) {
      this.inOrder = inOrder;
    }

    synchronized void deliver(BlockOutcome outcome) {
      waiting.put(outcome.block, outcome);
      BlockOutcome ready;
      while ((ready = waiting.remove(next)) != null) {
        inOrder.accept(ready);
        next++;
      }
    }
  }
}
