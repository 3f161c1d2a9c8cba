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
import java.util.Arrays;

/**
 * One intake thread's side of a {@link RowSpill}: a buffer per partition; a full buffer is appended to the thread's own
 * temporary file as a chunk, and each partition keeps the list of its chunks.
 *
 * <p>Rows go straight into their partition's buffer as they are parsed. One file per thread, written sequentially,
 * replaced a file per partition opened for every flush: opening, appending to and closing 1,024 files, with two threads
 * contending for the file system's locks, was over a quarter of reading the file (measured).
 *
 * <p>A row is its line (the difference from the chunk's previous row, zigzag), day (2 bytes), id length, cents
 * (zigzag) and flags, the first, third, fourth and fifth as variable-length integers (7 bits a byte); then its
 * fingerprint (8 bytes), its order key (8 bytes, when the file has order ids) and its id. About 25 bytes for an
 * 8-byte id, where fixed-width fields took 40: the spill goes through the page cache, and the kernel's copy into new
 * cache pages was 15 % of a 100M-row run's CPU (perf; new memory is dear on virtual machines), so bytes spilled cost.
 * {@link SpillRows} reads them back.
 */
public final class SpillWriter {
  static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  static final VarHandle CHAR = MethodHandles.byteArrayViewVarHandle(char[].class, ByteOrder.LITTLE_ENDIAN);
  /** The most bytes a row takes besides its id: line 5, day 2, length 3, cents 10, flags 5, fingerprint and key 16. */
  private static final int MAX_FIXED = 41;
  /** Flags: bit 0 a row with an order id, bit 1 a row dated after the as-of date, then category index + 1 (0: none). */
  static final int ORDER = 1;
  /** Only checked for duplicates, not summarised. */
  static final int AFTER_AS_OF = 2;
  static final int CATEGORY_SHIFT = 2;
  /** Bytes buffered per partition before they go to the file; also the largest chunk. */
  static volatile int bufferSize = 32 << 10;
  static final int MAX_CHUNK = 1 << 20;
  private static final int LENGTH_BITS = 21;

  private final Path tempDir;
  private final boolean withOrderIds;
  private final byte[][] buffers = new byte[SummaryTable.STRIPES][];
  private final int[] used = new int[SummaryTable.STRIPES];
  /** Per partition the line of the last row in its buffer, 0 at the start of a chunk. */
  private final int[] lastLine = new int[SummaryTable.STRIPES];
  /** Per partition its chunks, each {@code offset << LENGTH_BITS | length}. */
  private final long[][] chunks = new long[SummaryTable.STRIPES][];
  private final int[] chunkCount = new int[SummaryTable.STRIPES];
  private Path file;
  private FileChannel channel;
  private long written;

  SpillWriter(Path tempDir, boolean withOrderIds) {
    this.tempDir = tempDir;
    this.withOrderIds = withOrderIds;
  }

  /**
   * Adds a row; the id bytes are copied.
   *
   * @param len the id's length (intake refuses ids over 256 bytes)
   * @param category category index, or -1 for none
   * @param fingerprint the row's fingerprint for duplicate detection
   * @param afterAsOf the row is outside the run: it only takes part in duplicate detection
   */
  public void add(byte[] id, int from, int len, int line, int day, long cents, long orderKey, boolean hasOrderKey,
      int category, long fingerprint, boolean afterAsOf) {
    int k = SummaryTable.stripeOf(SummaryTable.hash(id, from, len));
    int size = MAX_FIXED + len;
    byte[] d = buffers[k];
    if (d == null || used[k] + size > d.length) d = room(k, size);
    int at = putVarLong(d, used[k], zigzag(line - lastLine[k]));
    lastLine[k] = line;
    CHAR.set(d, at, (char) day);
    at = putVarLong(d, at + 2, len);
    at = putVarLong(d, at, zigzag(cents));
    at = putVarLong(d, at, ((long) (category + 1) << CATEGORY_SHIFT) | (afterAsOf ? AFTER_AS_OF : 0)
        | (hasOrderKey ? ORDER : 0));
    LONG.set(d, at, fingerprint);
    at += 8;
    if (withOrderIds) {
      LONG.set(d, at, orderKey);
      at += 8;
    }
    System.arraycopy(id, from, d, at, len);
    used[k] = at + len;
  }

  private static long zigzag(long v) {
    return (v << 1) ^ (v >> 63);
  }

  private static int putVarLong(byte[] d, int at, long v) {
    while ((v & ~0x7FL) != 0) {
      d[at++] = (byte) (v | 0x80);
      v >>>= 7;
    }
    d[at++] = (byte) v;
    return at;
  }

  /** Room for {@code size} more bytes in partition k's buffer: it grows up to the buffer size, then is written out. */
  private byte[] room(int k, int size) {
    byte[] d = buffers[k];
    if (d != null && d.length >= bufferSize) {
      writeChunk(k, d, used[k]);
      used[k] = 0;
      lastLine[k] = 0;
    }
    if (d == null || used[k] + size > d.length) {
      // Small partitions start small, so a small file's rows never take a whole buffer per partition.
      int grown = Math.min(bufferSize, d == null ? 256 : 2 * d.length);
      d = d == null ? new byte[Math.max(size, grown)] : Arrays.copyOf(d, Math.max(used[k] + size, grown));
      buffers[k] = d;
    }
    return d;
  }

  private void writeChunk(int k, byte[] bytes, int n) {
    if (n == 0) return;
    try {
      if (channel == null) {
        file = Files.createTempFile(tempDir, "strata-rows-", ".bin");
        channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
      }
      ByteBuffer bb = ByteBuffer.wrap(bytes, 0, n);
      long at = written;
      while (bb.hasRemaining()) at += channel.write(bb, at);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write temporary file for intake in " + tempDir, e);
    }
    if (chunks[k] == null) chunks[k] = new long[4];
    if (chunkCount[k] == chunks[k].length) chunks[k] = Arrays.copyOf(chunks[k], 2 * chunkCount[k]);
    chunks[k][chunkCount[k]++] = (written << LENGTH_BITS) | n;
    written += n;
  }

  int chunks(int k) {
    return chunkCount[k];
  }

  /** Reads partition k's i-th chunk (whole rows) into {@code into}; returns its length. */
  int readChunk(int k, int i, byte[] into) {
    long chunk = chunks[k][i];
    int n = (int) (chunk & ((1L << LENGTH_BITS) - 1));
    long at = chunk >>> LENGTH_BITS;
    ByteBuffer bb = ByteBuffer.wrap(into, 0, n);
    try {
      while (bb.hasRemaining()) {
        int got = channel.read(bb, at + bb.position());
        if (got < 0) throw new IllegalStateException("temporary intake file is shorter than written");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read temporary file for intake in " + tempDir, e);
    }
    return n;
  }

  /** Partition k's rows still in memory: {@link #buffered} bytes. */
  byte[] buffer(int k) {
    return buffers[k] == null ? new byte[0] : buffers[k];
  }

  int buffered(int k) {
    return used[k];
  }

  /** Forgets partition k once it is folded. */
  void release(int k) {
    buffers[k] = null;
    used[k] = 0;
    lastLine[k] = 0;
    chunks[k] = null;
    chunkCount[k] = 0;
  }

  /** Removes the file (best effort: a leftover temporary file is harmless). */
  void close() {
    try {
      if (channel != null) channel.close();
      if (file != null) Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // nothing more to do
    }
    channel = null;
    file = null;
  }
}
