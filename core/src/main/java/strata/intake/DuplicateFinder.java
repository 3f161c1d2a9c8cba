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
    // Partitions are independent: sort them on all cores (sorting was most of this step's time at 10M rows).
    long[] repeats = new long[PARTITIONS];
    List<List<Long>> lines = new ArrayList<>();
    for (int p = 0; p < PARTITIONS; p++) lines.add(new ArrayList<>());
    java.util.stream.IntStream.range(0, PARTITIONS).parallel().forEach(p -> {
      long[] pairs = load(p);
      int n = pairs.length / 2;
      long[] hashes = new long[n];
      for (int i = 0; i < n; i++) hashes[i] = pairs[2 * i];
      Arrays.sort(hashes);
      long[] repeated = new long[0];
      for (int i = 1; i < n; i++) {
        if (hashes[i] == hashes[i - 1]) {
          repeats[p]++;
          if (repeated.length == 0 || repeated[repeated.length - 1] != hashes[i]) {
            repeated = Arrays.copyOf(repeated, repeated.length + 1);
            repeated[repeated.length - 1] = hashes[i];
          }
        }
      }
      if (repeated.length > 0) collectLines(pairs, repeated, lines.get(p));
    });
    List<Long> all = new ArrayList<>();
    lines.forEach(all::addAll);
    all.sort(null);
    return new Duplicates(Arrays.stream(repeats).sum(), all.subList(0, Math.min(maxLines, all.size())));
  }

  /** Adds the lines of every repeat (not the first occurrence) of the repeated fingerprints. */
  private static void collectLines(long[] pairs, long[] repeated, List<Long> lines) {
    java.util.Map<Long, Long> firstLine = new java.util.HashMap<>();
    List<long[]> hits = new ArrayList<>();
    // A bit per low-hash value screens out almost every row before the binary search.
    java.util.BitSet maybe = new java.util.BitSet(1 << 20);
    for (long h : repeated) maybe.set((int) h & 0xFFFFF);
    for (int i = 0; i < pairs.length / 2; i++) {
      long h = pairs[2 * i];
      if (maybe.get((int) h & 0xFFFFF) && Arrays.binarySearch(repeated, h) >= 0) {
        hits.add(new long[] {h, pairs[2 * i + 1]});
      }
    }
    hits.sort((a, b) -> Long.compare(a[1], b[1]));
    for (long[] hit : hits) {
      if (firstLine.putIfAbsent(hit[0], hit[1]) != null) lines.add(hit[1]);
    }
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
      long w = (b[i] & 0xFFL) | (b[i + 1] & 0xFFL) << 8 | (b[i + 2] & 0xFFL) << 16 | (b[i + 3] & 0xFFL) << 24
          | (b[i + 4] & 0xFFL) << 32 | (b[i + 5] & 0xFFL) << 40 | (b[i + 6] & 0xFFL) << 48 | (b[i + 7] & 0xFFL) << 56;
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
