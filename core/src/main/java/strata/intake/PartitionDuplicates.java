package strata.intake;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import strata.summary.RowSpill;

/**
 * Exact duplicate rows, found partition by partition as {@link RowSpill} builds the summary table: a partition handed
 * over at once is checked in memory; one handed over in parts (a customer with millions of rows) goes through a
 * spilling {@link DuplicateFinder}, so memory stays bounded.
 */
final class PartitionDuplicates implements RowSpill.Fingerprints, AutoCloseable {
  private final Path tempDir;
  private final int maxLines;
  private final List<DuplicateFinder.Duplicates> parts = new ArrayList<>();
  private final Map<Integer, DuplicateFinder> large = new ConcurrentHashMap<>();

  PartitionDuplicates(Path tempDir, int maxLines) {
    this.tempDir = tempDir;
    this.maxLines = maxLines;
  }

  @Override
  public void of(int partition, long[] pairs, int n, boolean last) {
    DuplicateFinder finder = large.get(partition);
    if (finder == null && last) {
      add(DuplicateFinder.among(pairs, n, maxLines));
      return;
    }
    if (finder == null) {
      finder = new DuplicateFinder(tempDir);
      large.put(partition, finder); // a partition is folded by one thread, so nobody else adds it
    }
    finder.add(pairs, n);
    if (last) {
      add(finder.finish(maxLines));
      large.remove(partition).close();
    }
  }

  private synchronized void add(DuplicateFinder.Duplicates part) {
    parts.add(part);
  }

  synchronized DuplicateFinder.Duplicates all() {
    return DuplicateFinder.merge(parts, maxLines);
  }

  /** Removes the temporary files of partitions left unfinished by a failed intake. */
  @Override
  public void close() {
    large.values().forEach(DuplicateFinder::close);
    large.clear();
  }
}
