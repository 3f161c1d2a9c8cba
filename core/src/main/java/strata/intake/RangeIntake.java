package strata.intake;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import strata.asof.AsOfPolicy;
import strata.summary.RowSpill;
import strata.summary.SummaryTable;

/**
 * A transactions file read in ranges that are parsed independently, e.g. by the tasks of a cluster: the same format
 * detection, column mapping, row rules and summary table as {@link TransactionIntake}, one range at a time.
 *
 * <p>Exact duplicate rows may lie in different ranges: each range hands over its rows' fingerprints, and the caller
 * finds the repeats among all of them (a row repeats an earlier row with the same fingerprint) for {@link #quality}.
 */
public final class RangeIntake {
  private final String name;
  private final CsvFormat format;
  private final ColumnMapping mapping;
  private final int asOfDay;
  private final Map<String, String> mergedIds;
  private final long outlierCents;

  /** As below, merging no ids. */
  public RangeIntake(String name, byte[] head, FormatSniffer.Hints hints, Map<String, String> columnMap,
      LocalDate asOf) {
    this(name, head, hints, columnMap, asOf, Map.of());
  }

  /** As below, keeping every amount. */
  public RangeIntake(String name, byte[] head, FormatSniffer.Hints hints, Map<String, String> columnMap,
      LocalDate asOf, Map<String, String> mergedIds) {
    this(name, head, hints, columnMap, asOf, mergedIds, Long.MAX_VALUE);
  }

  /**
   * @param head the file's first MiB (or all of a shorter file)
   * @param asOf rows dated later are counted and left out; null keeps every row
   * @param mergedIds customer id to the id it is merged into ({@code strata.identity.IdMerges#merged}): rows of a
   *     merged id are summarised under the surviving id, as {@link TransactionIntake.Options#mergedIds} does
   * @param outlierCents rows of at least this absolute amount are rejected as {@link RejectReason#AMOUNT_OUTLIER}, as
   *     {@link TransactionIntake.Options#outlierCents} does; Long.MAX_VALUE keeps them
   * @throws IntakeException if the header lacks a required column or the format cannot be read
   */
  public RangeIntake(String name, byte[] head, FormatSniffer.Hints hints, Map<String, String> columnMap,
      LocalDate asOf, Map<String, String> mergedIds, long outlierCents) {
    this.name = name;
    this.outlierCents = outlierCents;
    this.mergedIds = Map.copyOf(mergedIds);
    this.format = FormatSniffer.sniff(name, head, hints);
    this.mapping = ColumnMapping.resolve(name, FileKind.TRANSACTIONS, format.header(), columnMap);
    this.asOfDay = asOf == null ? Integer.MAX_VALUE : (int) asOf.toEpochDay();
  }

  /** Byte offset of the first data row. */
  public long dataStart() {
    return format.dataStart();
  }

  /** The encoding ids are decoded with. */
  public Charset charset() {
    return format.charset();
  }

  /** Line number of the first data row (a header may span lines). */
  public long firstDataLine(byte[] head) {
    long breaks = 0;
    for (int i = 0; i < format.dataStart() && i < head.length; i++) if (head[i] == '\n') breaks++;
    return breaks + 1;
  }

  /**
   * One range's rows: its customers' summaries (first lines counted from 1 at the range's start), the rows it
   * rejected (lines likewise), its counts, and (fingerprint, line) pairs of every valid row, rows after the as-of date
   * included, for finding exact duplicates: {@code fingerprints[k]} are the rows of the customers in the table's
   * stripe {@code k} (exact duplicates have the same id, so they are in the same stripe of every range).
   */
  public record Range(SummaryTable table, List<Rejection> rejections, RangeCounts counts, long[][] fingerprints) {}

  /** How many repeated rows' lines {@link #quality} lists, as a whole-file read does. */
  public static final int DUPLICATE_LINES = TransactionIntake.MAX_DUPLICATE_LINES;

  /**
   * Rows that repeat an earlier row exactly, among some rows: how many, and the first {@link #DUPLICATE_LINES} of
   * them, ascending, as the caller numbers rows (e.g. range {@code << 32} | line in range: file order).
   */
  public record Repeats(long rows, List<Long> first) implements java.io.Serializable {
    /**
     * The repeats among (fingerprint, row) pairs holding every row of some customers, e.g. the pairs of a stripe
     * ({@link Range#fingerprints}) from every range: a repeat has its original's customer id, so it is among them.
     */
    public static Repeats among(long[] pairs) {
      DuplicateFinder.Duplicates d = DuplicateFinder.among(pairs, pairs.length / 2, DUPLICATE_LINES);
      return new Repeats(d.rows(), d.lines());
    }

    /** The repeats of disjoint sets of customers together. */
    public static Repeats of(List<Repeats> parts) {
      DuplicateFinder.Duplicates d = DuplicateFinder.merge(
          parts.stream().map(r -> new DuplicateFinder.Duplicates(r.rows(), r.first())).toList(), DUPLICATE_LINES);
      return new Repeats(d.rows(), d.lines());
    }
  }

  /**
   * Parses the whole records in {@code buf[from, to)}, which must start at a record and end after one (or at the end
   * of the file).
   *
   * @param tempDir where a large range's rows may wait while they are folded into summaries
   */
  public Range read(byte[] buf, int from, int to, Path tempDir) {
    SummaryTable table = new SummaryTable(mapping.has(Column.ORDER_ID), mapping.has(Column.CATEGORY));
    try (RowSpill spill = new RowSpill(tempDir, mapping.has(Column.ORDER_ID))) {
      TransactionRows rows = new TransactionRows(name, format, mapping, table, spill, asOfDay,
          AsOfPolicy.latestAcceptedDay(), mergedIds, outlierCents);
      BlockOutcome outcome = rows.parse(0, buf, from, to, 1, true);
      long[][] fingerprints = new long[SummaryTable.STRIPES][0];
      spill.foldInto(table, 1, (partition, pairs, n, last) -> {
        long[] held = fingerprints[partition]; // a partition of many rows comes in parts
        long[] all = java.util.Arrays.copyOf(held, held.length + 2 * n);
        System.arraycopy(pairs, 0, all, held.length, 2 * n);
        fingerprints[partition] = all;
      }, RowSpill.OPEN);
      return new Range(table, List.copyOf(outcome.rejections), RangeCounts.of(outcome), fingerprints);
    }
  }

  /**
   * The file's quality, as {@link TransactionIntake} reports it, from every range's counts.
   *
   * @param duplicateRows rows that repeat an earlier row exactly
   * @param duplicateLines the first {@link #DUPLICATE_LINES} of their lines, ascending
   * @throws IntakeException if no row is left for the run
   */
  public FileQuality quality(List<RangeCounts> ranges, long duplicateRows, List<Long> duplicateLines) {
    TransactionIntake.Totals totals = new TransactionIntake.Totals();
    ranges.forEach(totals::add);
    return TransactionIntake.finish(name, format, mapping, totals, new DuplicateFinder.Duplicates(duplicateRows,
        List.copyOf(duplicateLines)));
  }
}
