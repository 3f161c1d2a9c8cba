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
 * <p>Not detected here, unlike a whole-file read: rows repeated exactly (duplicate fingerprints are compared within
 * a customer's rows, which one range does not hold in full).
 */
public final class RangeIntake {
  private final String name;
  private final CsvFormat format;
  private final ColumnMapping mapping;
  private final int asOfDay;

  /**
   * @param head the file's first MiB (or all of a shorter file)
   * @param asOf rows dated later are counted and left out; null keeps every row
   * @throws IntakeException if the header lacks a required column or the format cannot be read
   */
  public RangeIntake(String name, byte[] head, FormatSniffer.Hints hints, Map<String, String> columnMap,
      LocalDate asOf) {
    this.name = name;
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
   * rejected (lines likewise) and its counts.
   */
  public record Range(SummaryTable table, List<Rejection> rejections, RangeCounts counts) {}

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
          AsOfPolicy.latestAcceptedDay(), Map.of());
      BlockOutcome outcome = rows.parse(0, buf, from, to, 1, true);
      spill.foldInto(table, 1, (partition, pairs, n, last) -> { }, RowSpill.OPEN);
      return new Range(table, List.copyOf(outcome.rejections), RangeCounts.of(outcome));
    }
  }

  /**
   * The file's quality, as {@link TransactionIntake} reports it, from every range's counts.
   *
   * @throws IntakeException if no row is left for the run
   */
  public FileQuality quality(List<RangeCounts> ranges) {
    TransactionIntake.Totals totals = new TransactionIntake.Totals();
    ranges.forEach(totals::add);
    return TransactionIntake.finish(name, format, mapping, totals, new DuplicateFinder.Duplicates(0, List.of()));
  }
}
