package strata.spark;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import strata.intake.RangeCounts;
import strata.intake.RangeIntake;
import strata.intake.Rejection;

/**
 * One range of the transactions file as a task read it with core's intake: its customers' summaries and what the
 * driver adds up in file order (counts, rejected rows, line breaks for line numbers).
 *
 * @param lineBreaks line breaks in the range's rows: the next range's first line is this many lines further
 * @param rejections with lines counted from 1 at the range's first row
 * @param fingerprints (fingerprint, range {@code << 32} | line in range) pairs of the range's valid rows
 */
record RangePart(int index, long lineBreaks, RangeCounts counts, List<Rejection> rejections,
    List<FirstSeen> customers, long[] fingerprints) implements Serializable {

  static RangePart read(FileRanges.Range range, IntakeSpec spec, Map<String, String> hadoop) {
    FileRanges.Bytes bytes = FileRanges.read(range, FileRanges.configuration(hadoop));
    return of(range.index(), bytes.buf(), bytes.length(), spec);
  }

  /** Rows in {@code buf[0, length)}, whole lines of the file's format, as range {@code index}. */
  static RangePart of(int index, byte[] buf, int length, IntakeSpec spec) {
    RangeIntake intake = spec.intake();
    RangeIntake.Range read = intake.read(buf, 0, length, Path.of(System.getProperty("java.io.tmpdir")));
    List<FirstSeen> customers = new ArrayList<>();
    long base = (long) index << 32;
    read.table().forEachWithFirstLine(intake.charset(),
        (summary, firstLine) -> customers.add(new FirstSeen(base | firstLine, summary)));
    long[] fingerprints = read.fingerprints();
    for (int i = 1; i < fingerprints.length; i += 2) fingerprints[i] |= base;
    return new RangePart(index, new FileRanges.Bytes(buf, length).lineBreaks(), read.counts(), read.rejections(),
        customers, fingerprints);
  }

  /** The part without its customers and fingerprints: what the driver collects. */
  RangePart withoutRows() {
    return new RangePart(index, lineBreaks, counts, rejections, List.of(), new long[0]);
  }
}
