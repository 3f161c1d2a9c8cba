package strata.spark;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import scala.Tuple2;
import strata.intake.RangeCounts;
import strata.intake.RangeIntake;
import strata.intake.Rejection;
import strata.summary.SummaryTable;

/**
 * One range of the transactions file as a task read it with core's intake: its customers' summaries and their rows'
 * fingerprints by stripe of the summary table, and what the driver adds up in file order (counts, rejected rows, line
 * breaks for line numbers).
 *
 * @param lineBreaks line breaks in the range's rows: the next range's first line is this many lines further
 * @param rejections with lines counted from 1 at the range's first row
 * @param stripes the table's stripes that have a customer or a row (rows after the as-of date have no summary), in
 *     stripe order
 */
record RangePart(int index, long lineBreaks, RangeCounts counts, List<Rejection> rejections,
    List<StripeRows> stripes) implements Serializable {

  /**
   * Stripe {@code stripe}'s customers in this range, and (fingerprint, range {@code << 32} | line in range) pairs of
   * their valid rows.
   */
  record StripeRows(int stripe, List<FirstSeen> customers, long[] fingerprints) implements Serializable {}

  static RangePart read(FileRanges.Range range, IntakeSpec spec, Map<String, String> hadoop) {
    FileRanges.Bytes bytes = FileRanges.read(range, FileRanges.configuration(hadoop));
    return of(range.index(), bytes.buf(), bytes.length(), spec);
  }

  /** Rows in {@code buf[0, length)}, whole lines of the file's format, as range {@code index}. */
  static RangePart of(int index, byte[] buf, int length, IntakeSpec spec) {
    RangeIntake intake = spec.intake();
    RangeIntake.Range read = intake.read(buf, 0, length, Path.of(System.getProperty("java.io.tmpdir")));
    List<StripeRows> stripes = new ArrayList<>();
    long base = (long) index << 32;
    for (int k = 0; k < SummaryTable.STRIPES; k++) {
      List<FirstSeen> customers = new ArrayList<>();
      read.table().forEachWithFirstLine(k, intake.charset(),
          (summary, firstLine) -> customers.add(new FirstSeen(base | firstLine, summary)));
      long[] fingerprints = read.fingerprints()[k];
      for (int i = 1; i < fingerprints.length; i += 2) fingerprints[i] |= base;
      // Rows after the as-of date have fingerprints but no summary: a stripe may have only those.
      if (!customers.isEmpty() || fingerprints.length > 0) stripes.add(new StripeRows(k, customers, fingerprints));
    }
    return new RangePart(index, new FileRanges.Bytes(buf, length).lineBreaks(), read.counts(), read.rejections(),
        stripes);
  }

  /** The part without its customers and fingerprints: what the driver collects. */
  RangePart withoutRows() {
    return new RangePart(index, lineBreaks, counts, rejections, List.of());
  }

  /**
   * What this range sends each of {@code n} merges: merge {@code m} merges stripes {@code k} with {@code k % n == m},
   * so it sees every range's rows of its customers, and with them every exact duplicate of those rows (same row, same
   * id, same stripe); merge {@code index % n} gets the range's counts too.
   *
   * @param fingerprints whether the fingerprints go too (a pass that looks for duplicates)
   */
  Iterator<Tuple2<Integer, Piece>> pieces(int n, boolean fingerprints) {
    List<List<StripeRows>> byMerge = new ArrayList<>();
    for (int m = 0; m < n; m++) byMerge.add(new ArrayList<>());
    for (StripeRows s : stripes) byMerge.get(s.stripe() % n).add(s);
    List<Tuple2<Integer, Piece>> out = new ArrayList<>();
    for (int m = 0; m < n; m++) {
      RangePart meta = m == index % n ? withoutRows() : null;
      if (meta != null || !byMerge.get(m).isEmpty()) {
        out.add(new Tuple2<>(m, Piece.of(meta, byMerge.get(m), fingerprints)));
      }
    }
    return out.iterator();
  }

  /**
   * A range's customers and fingerprints for one merge (one array per stripe, put together once by the merge), and its
   * counts (or null) for the driver.
   */
  record Piece(RangePart meta, List<FirstSeen> customers, long[][] fingerprints) implements Serializable {
    static Piece of(RangePart meta, List<StripeRows> stripes, boolean withFingerprints) {
      List<FirstSeen> customers = new ArrayList<>();
      for (StripeRows s : stripes) customers.addAll(s.customers());
      long[][] fingerprints = withFingerprints
          ? stripes.stream().map(StripeRows::fingerprints).toArray(long[][]::new)
          : new long[0][];
      return new Piece(meta, customers, fingerprints);
    }

    /** Sent as {@link Wire}: the customers as one byte array. */
    private Object writeReplace() {
      return new Wire(meta, SummaryWire.write(customers), fingerprints);
    }
  }

  /** A {@link Piece} as the shuffle carries it. */
  private record Wire(RangePart meta, byte[] customers, long[][] fingerprints) implements Serializable {
    private Object readResolve() {
      return new Piece(meta, SummaryWire.read(customers), fingerprints);
    }
  }
}
