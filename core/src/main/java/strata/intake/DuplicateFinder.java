package strata.intake;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds rows that are byte-for-byte copies of an earlier row, with memory independent of the file size: each row
 * leaves a 64-bit fingerprint and its line, partitioned by fingerprint and spilled to temporary files once a
 * partition's buffer is full; at the end each partition is sorted on its own.
 *
 * <p>A fingerprint collision between two different rows would report a false duplicate; with 64-bit hashes the chance
 * is below 1e-3 even at 100M rows, and duplicates are only reported, never dropped.
 */
final class DuplicateFinder implements AutoCloseable {
  private static final int PARTITIONS = 64;
  private static final int BUFFER_PAIRS = 32 * 1024;
  private final long[][] buffers = new long[PARTITIONS][];
  private final int[] counts = new int[PARTITIONS];
  private final Path[] spills = new Path[PARTITIONS];
  private final DataOutputStream[] spillOut = new DataOutputStream[PARTITIONS];
  private final Path tempDir;

  DuplicateFinder(Path tempDir) {
    this.tempDir = tempDir;
  }

  /** Result: how many rows repeat an earlier one, and the first of their line numbers. */
  record Duplicates(long rows, List<Long> lines) {}

  void add(long[] pairs, int pairCount) {
    for (int i = 0; i < pairCount; i++) {
      long hash = pairs[2 * i];
      int p = (int) (hash >>> 58);
      if (buffers[p] == null) buffers[p] = new long[2 * 1024];
      if (counts[p] * 2 == buffers[p].length) {
        if (buffers[p].length < 2 * BUFFER_PAIRS) buffers[p] = Arrays.copyOf(buffers[p], buffers[p].length * 2);
        else spill(p);
      }
      buffers[p][counts[p] * 2] = hash;
      buffers[p][counts[p] * 2 + 1] = pairs[2 * i + 1];
      counts[p]++;
    }
  }

  private void spill(int p) {
    try {
      if (spillOut[p] == null) {
        spills[p] = Files.createTempFile(tempDir, "strata-dup-", ".bin");
        spillOut[p] = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(spills[p]), 1 << 16));
      }
      java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(counts[p] * 16);
      bytes.asLongBuffer().put(buffers[p], 0, counts[p] * 2);
      spillOut[p].write(bytes.array());
      counts[p] = 0;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write temporary file for duplicate detection in " + tempDir, e);
    }
  }

  Duplicates finish(int maxLines) {
    Duplicates[] parts = new Duplicates[PARTITIONS];
    java.util.stream.IntStream.range(0, PARTITIONS).parallel().forEach(p -> {
      long[] pairs = load(p);
      parts[p] = among(pairs, pairs.length / 2, maxLines);
    });
    return merge(Arrays.asList(parts), maxLines);
  }

  /**
   * The repeats among {@code n} (fingerprint, line) pairs that hold every row of some set of rows (a partition):
   * how many rows repeat an earlier one, and the first {@code maxLines} of their lines.
   */
  static Duplicates among(long[] pairs, int n, int maxLines) {
    long[] count = new long[1];
    long[] repeated = repeatedFingerprints(pairs, n, count);
    List<Long> lines = repeated.length == 0 ? List.of() : collectLines(pairs, n, repeated, maxLines);
    return new Duplicates(count[0], lines);
  }

  /** The repeats of several disjoint partitions together. */
  static Duplicates merge(List<Duplicates> parts, int maxLines) {
    long rows = 0;
    List<Long> all = new ArrayList<>();
    for (Duplicates d : parts) {
      rows += d.rows();
      all.addAll(d.lines());
    }
    all.sort(null);
    return new Duplicates(rows, List.copyOf(all.subList(0, Math.min(maxLines, all.size()))));
  }

  /**
   * The fingerprints among the pairs that occur more than once, ascending; {@code count[0]} gets the number of rows
   * beyond the first of each.
   *
   * <p>One pass through an open-addressing set at most half full: fingerprints are uniform, so their low bits place
   * them. This replaced a counting scatter into buckets and a sort of each bucket (a quarter of building the table at
   * 10M rows), which had replaced sorting every row's fingerprint.
   */
  private static long[] repeatedFingerprints(long[] pairs, int n, long[] count) {
    if (n < 2) return new long[0];
    int capacity = Integer.highestOneBit(2 * n - 1) << 1;
    SeenSet seen = SEEN.get().clear(capacity);
    long[] table = seen.table; // 0 = empty; fingerprint 0 is counted apart
    boolean[] repeatedAt = seen.repeatedAt;
    int mask = capacity - 1;
    LongList repeated = new LongList();
    int zeros = 0;
    for (int i = 0; i < n; i++) {
      long h = pairs[2 * i];
      if (h == 0) {
        zeros++;
        if (zeros >= 2) count[0]++;
        if (zeros == 2) repeated.add(0);
        continue;
      }
      int s = (int) h & mask;
      while (table[s] != 0 && table[s] != h) s = (s + 1) & mask;
      if (table[s] == 0) {
        table[s] = h;
      } else {
        count[0]++;
        if (!repeatedAt[s]) {
          repeatedAt[s] = true;
          repeated.add(h);
        }
      }
    }
    long[] out = repeated.toArray();
    Arrays.sort(out);
    return out;
  }

  /**
   * A thread's set, reused from partition to partition: allocated afresh it was the largest garbage of building the
   * table (2.25 MB per partition at 100M rows, with 1,024 partitions then), and garbage brings on the young
   * collections that copy the table being built.
   */
  private static final ThreadLocal<SeenSet> SEEN = ThreadLocal.withInitial(SeenSet::new);

  private static final class SeenSet {
    long[] table = new long[0];
    boolean[] repeatedAt = new boolean[0];

    SeenSet clear(int capacity) {
      if (table.length < capacity) {
        table = new long[capacity];
        repeatedAt = new boolean[capacity];
      } else {
        Arrays.fill(table, 0, capacity, 0L);
        Arrays.fill(repeatedAt, 0, capacity, false);
      }
      return this;
    }
  }

  /** A growable list of longs (doubling: a file where every row repeats has millions). */
  private static final class LongList {
    private long[] items = new long[8];
    private int size;

    void add(long v) {
      if (size == items.length) items = Arrays.copyOf(items, size * 2);
      items[size++] = v;
    }

    long[] toArray() {
      return Arrays.copyOf(items, size);
    }
  }

  /** The first {@code maxLines} lines, ascending, of the rows that repeat an earlier row (not the first occurrence). */
  private static List<Long> collectLines(long[] pairs, int n, long[] repeated, int maxLines) {
    // A bit per low-hash value screens out almost every row before the binary search.
    java.util.BitSet maybe = new java.util.BitSet(1 << 20);
    for (long h : repeated) maybe.set((int) h & 0xFFFFF);
    LongList hitLines = new LongList();
    LongList hitHashes = new LongList();
    for (int i = 0; i < n; i++) {
      long h = pairs[2 * i];
      if (maybe.get((int) h & 0xFFFFF) && Arrays.binarySearch(repeated, h) >= 0) {
        hitHashes.add(h);
        hitLines.add(pairs[2 * i + 1]);
      }
    }
    // Ordered by line, a fingerprint's first hit is its original and the later ones are its repeats.
    long[] lines = hitLines.toArray();
    long[] hashes = hitHashes.toArray();
    Integer[] order = new Integer[lines.length];
    for (int k = 0; k < order.length; k++) order[k] = k;
    Arrays.sort(order, (x, y) -> Long.compare(lines[x], lines[y]));
    java.util.Set<Long> seen = new java.util.HashSet<>();
    List<Long> out = new ArrayList<>();
    for (int k = 0; k < order.length && out.size() < maxLines; k++) {
      if (!seen.add(hashes[order[k]])) out.add(lines[order[k]]);
    }
    return out;
  }

  private long[] load(int p) {
    long[] inMemory = buffers[p] == null ? new long[0] : Arrays.copyOf(buffers[p], counts[p] * 2);
    buffers[p] = null;
    if (spills[p] == null) return inMemory;
    try {
      spillOut[p].close();
      byte[] bytes = Files.readAllBytes(spills[p]);
      int size = bytes.length / 8;
      long[] all = new long[size + inMemory.length];
      java.nio.ByteBuffer.wrap(bytes).asLongBuffer().get(all, 0, size);
      System.arraycopy(inMemory, 0, all, (int) size, inMemory.length);
      Files.deleteIfExists(spills[p]);
      spills[p] = null;
      return all;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read temporary file for duplicate detection", e);
    }
  }

  @Override
  public void close() {
    for (int p = 0; p < PARTITIONS; p++) {
      try {
        if (spillOut[p] != null) spillOut[p].close();
        if (spills[p] != null) Files.deleteIfExists(spills[p]);
      } catch (IOException ignored) {
        // best effort: a leftover temp file is harmless
      }
    }
  }

  /** 64-bit fingerprint of a row's bytes (FNV-1a over 8-byte words, then a murmur-style finaliser). */
  static long fingerprint(byte[] b, int from, int to) {
    long h = 0xCBF29CE484222325L ^ (to - from);
    int i = from;
    for (; i + 8 <= to; i += 8) {
      long w = Words.at(b, i); // one load instead of eight (measured in intake)
      h = (h ^ w) * 0x100000001B3L;
      h ^= h >>> 29;
    }
    for (; i < to; i++) h = (h ^ (b[i] & 0xFF)) * 0x100000001B3L;
    h ^= h >>> 33;
    h *= 0xFF51AFD7ED558CCDL;
    h ^= h >>> 33;
    h *= 0xC4CEB9FE1A85EC53L;
    h ^= h >>> 33;
    return h;
  }
}
