package strata.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import scala.Tuple2;
import strata.intake.RangeIntake;

/**
 * One merge's share of a pass ({@link RangePart#pieces}): its customers merged across ranges, the rows among theirs
 * that repeat an earlier row exactly (rows numbered range {@code << 32} | line), and the counts of the ranges it was
 * sent.
 */
record Merged(List<RangePart> ranges, List<FirstSeen> customers, RangeIntake.Repeats repeats) implements Serializable {

  /** Merges the pieces of one partition (all sent to the same merge). */
  static Iterator<Merged> of(Iterator<Tuple2<Integer, RangePart.Piece>> pieces) {
    List<RangePart> ranges = new ArrayList<>();
    Map<String, FirstSeen> customers = new HashMap<>();
    List<long[]> fingerprints = new ArrayList<>();
    while (pieces.hasNext()) {
      RangePart.Piece piece = pieces.next()._2();
      if (piece.meta() != null) ranges.add(piece.meta());
      for (FirstSeen c : piece.customers()) customers.merge(c.summary().customerId(), c, FirstSeen::merge);
      fingerprints.addAll(java.util.Arrays.asList(piece.fingerprints()));
    }
    List<FirstSeen> merged = new ArrayList<>(customers.size());
    for (FirstSeen c : customers.values()) merged.add(c.withOrdersCounted());
    long[] pairs = new long[fingerprints.stream().mapToInt(f -> f.length).sum()];
    int at = 0;
    for (long[] f : fingerprints) {
      System.arraycopy(f, 0, pairs, at, f.length);
      at += f.length;
    }
    return List.of(new Merged(ranges, merged, RangeIntake.Repeats.among(pairs))).iterator();
  }
}
