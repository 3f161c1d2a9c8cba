package strata.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import scala.Tuple2;

/**
 * One merge's share of a pass ({@link RangePart#pieces}): its customers merged across ranges, the rows among theirs
 * that repeat an earlier row exactly (as range {@code << 32} | line, ascending), and the counts of the ranges it was
 * sent.
 */
record Merged(List<RangePart> ranges, List<FirstSeen> customers, long[] laterRows) implements Serializable {

  /** Merges the pieces of one partition (all sent to the same merge). */
  static Iterator<Merged> of(Iterator<Tuple2<Integer, RangePart.Piece>> pieces) {
    List<RangePart> ranges = new ArrayList<>();
    Map<String, FirstSeen> customers = new HashMap<>();
    List<long[]> fingerprints = new ArrayList<>();
    while (pieces.hasNext()) {
      RangePart.Piece piece = pieces.next()._2();
      if (piece.meta() != null) ranges.add(piece.meta());
      for (FirstSeen c : piece.customers()) customers.merge(c.summary().customerId(), c, FirstSeen::merge);
      fingerprints.add(piece.fingerprints());
    }
    List<FirstSeen> merged = new ArrayList<>(customers.size());
    for (FirstSeen c : customers.values()) merged.add(c.withOrdersCounted());
    return List.of(new Merged(ranges, merged, laterRows(fingerprints))).iterator();
  }

  /**
   * Every row but the first of each fingerprint, as the single-machine intake counts repeats. Sorted as numbers first,
   * since repeats are rare: only the fingerprints seen twice are then grouped with their rows.
   */
  static long[] laterRows(List<long[]> pairs) {
    int n = pairs.stream().mapToInt(p -> p.length / 2).sum();
    long[] sorted = new long[n];
    int at = 0;
    for (long[] p : pairs) for (int i = 0; i < p.length; i += 2) sorted[at++] = p[i];
    Arrays.sort(sorted);
    Map<Long, List<Long>> repeated = new HashMap<>();
    for (int i = 1; i < n; i++) if (sorted[i] == sorted[i - 1]) repeated.putIfAbsent(sorted[i], new ArrayList<>());
    if (repeated.isEmpty()) return new long[0];
    for (long[] p : pairs) {
      for (int i = 0; i < p.length; i += 2) {
        List<Long> rows = repeated.get(p[i]);
        if (rows != null) rows.add(p[i + 1]);
      }
    }
    List<Long> later = new ArrayList<>();
    for (List<Long> rows : repeated.values()) {
      rows.sort(null);
      later.addAll(rows.subList(1, rows.size()));
    }
    return later.stream().mapToLong(Long::longValue).sorted().toArray();
  }
}
