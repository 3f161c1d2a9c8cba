package strata.intake;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntBinaryOperator;
import java.util.function.LongConsumer;
import strata.asof.AsOfPolicy;
import strata.i18n.Note;
import strata.summary.RowSpill;
import strata.summary.StripePatch;
import strata.summary.SummaryTable;

/**
 * Reads a transactions file into per-customer summaries in one parallel streaming pass. Every row is accepted or
 * rejected with a reason; rows after the as-of date are valid but left out of the run and counted.
 */
public final class TransactionIntake {
  private TransactionIntake() {}

  /**
   * @param asOf rows dated after it are left out; null keeps every row (the as-of date then defaults to the day after
   *     the last transaction)
   * @param columnMap column key to header text, for headers Strata does not recognise
   * @param mergedIds customer id to the id it is merged into (see {@code strata.identity.IdMerges}); rows of a merged
   *     id are summarised under the surviving id
   * @param withoutOutliers also build the table without the file's outlier amounts ({@link Result#withoutOutliers})
   */
  public record Options(FormatSniffer.Hints hints, Map<String, String> columnMap, LocalDate asOf, int threads,
      Path tempDir, Map<String, String> mergedIds, long outlierCents, boolean withoutOutliers) {
    public Options(FormatSniffer.Hints hints, Map<String, String> columnMap, LocalDate asOf, int threads,
        Path tempDir, Map<String, String> mergedIds, long outlierCents) {
      this(hints, columnMap, asOf, threads, tempDir, mergedIds, outlierCents, false);
    }

    public Options(FormatSniffer.Hints hints, Map<String, String> columnMap, LocalDate asOf, int threads,
        Path tempDir) {
      this(hints, columnMap, asOf, threads, tempDir, Map.of());
    }

    public Options(FormatSniffer.Hints hints, Map<String, String> columnMap, LocalDate asOf, int threads,
        Path tempDir, Map<String, String> mergedIds) {
      this(hints, columnMap, asOf, threads, tempDir, mergedIds, Long.MAX_VALUE);
    }

    /** Rows whose absolute amount is at least {@code cents} are refused as {@code amount_outlier}. */
    public Options withOutlierCents(long cents) {
      return new Options(hints, columnMap, asOf, threads, tempDir, mergedIds, cents, withoutOutliers);
    }

    /** Also builds the table without the outlier amounts, when they are kept and there are any. */
    public Options withoutOutliersToo() {
      return new Options(hints, columnMap, asOf, threads, tempDir, mergedIds, outlierCents, true);
    }

    public static Options defaults() {
      return new Options(FormatSniffer.Hints.NONE, Map.of(), null, Runtime.getRuntime().availableProcessors(),
          Path.of(System.getProperty("java.io.tmpdir")));
    }

    public Options withAsOf(LocalDate date) {
      return new Options(hints, columnMap, date, threads, tempDir, mergedIds, outlierCents, withoutOutliers);
    }

    public Options withTempDir(Path dir) {
      return new Options(hints, columnMap, asOf, threads, dir, mergedIds, outlierCents, withoutOutliers);
    }

    public Options withMergedIds(Map<String, String> merged) {
      return new Options(hints, columnMap, asOf, threads, tempDir, Map.copyOf(merged), outlierCents, withoutOutliers);
    }
  }

  /**
   * @param firstDay epoch day of the earliest transaction in the run
   * @param lastDay epoch day of the latest transaction in the run
   * @param charset the encoding the file was read with (ids are decoded with it)
   * @param withoutOutliers the partitions with the quality's outlier amounts folded again without them: with the
   *     others, the table a read leaving those rows out would have built; null unless asked for by
   *     {@link Options#withoutOutliersToo}, and when the file has no outlier amount
   */
  public record Result(SummaryTable table, FileQuality quality, int firstDay, int lastDay, Charset charset,
      StripePatch withoutOutliers) {}

  /**
   * @param rejects receives every rejected row, in line order
   * @param progress receives the number of bytes read so far
   * @throws IntakeException if the file cannot be read, lacks a required column or has no usable row
   */
  public static Result read(Path file, Options options, Consumer<Rejection> rejects, LongConsumer progress) {
    return read(file, options, rejects, progress, phase -> { });
  }

  /** As {@link #read(Path, Options, Consumer, LongConsumer)}, naming the steps after the file is read. */
  public static Result read(Path file, Options options, Consumer<Rejection> rejects, LongConsumer progress,
      Consumer<Note> phase) {
    return read(file, options, rejects, progress, phase, null);
  }

  /**
   * As {@link #read(Path, Options, Consumer, LongConsumer, Consumer)}, for a table that takes no more rows: each part
   * of it is frozen (see {@link SummaryTable#freeze(int)}) as soon as it is built, at the split day
   * {@code splitDay} gives for the run's first and last days. Held until the end, the parts' day lists, order ids and
   * lookup words took ~270 MB at 5M customers (estimated from their sizes), and new memory is dear on the virtual
   * machines this runs on.
   *
   * @param splitDay (first day, last day) to the split day for {@link SummaryTable#freeze(int)}; null keeps the table
   *     open
   */
  public static Result read(Path file, Options options, Consumer<Rejection> rejects, LongConsumer progress,
      Consumer<Note> phase, IntBinaryOperator splitDay) {
    String name = file.getFileName().toString();
    CsvFormat format = FormatSniffer.sniff(file, options.hints());
    ColumnMapping mapping = ColumnMapping.resolve(name, FileKind.TRANSACTIONS, format.header(), options.columnMap());
    SummaryTable table = new SummaryTable(mapping.has(Column.ORDER_ID), mapping.has(Column.CATEGORY));
    int asOfDay = options.asOf() == null ? Integer.MAX_VALUE : (int) options.asOf().toEpochDay();
    Totals totals = new Totals();
    int threads = Math.max(1, options.threads());
    try (RowSpill spill = new RowSpill(options.tempDir(), mapping.has(Column.ORDER_ID))) {
      TransactionRows rows = new TransactionRows(name, format, mapping, table, spill, asOfDay,
          AsOfPolicy.latestAcceptedDay(), options.mergedIds(), options.outlierCents());
      new ParallelCsv(file, format, threads).run(
          Lines.firstDataLine(file, format), rows::parse, outcome -> {
            totals.add(outcome);
            outcome.rejections.forEach(rejects);
          }, progress);
      phase.accept(Note.of("phase_summarising"));
      DuplicateFinder.Duplicates dups;
      StripePatch without;
      try (PartitionDuplicates duplicates = new PartitionDuplicates(options.tempDir(), MAX_DUPLICATE_LINES)) {
        int freezeAt = splitDay == null || totals.accepted == totals.afterAsOf ? RowSpill.OPEN
            : splitDay.applyAsInt(totals.minDay, totals.maxDay);
        without = spill.foldInto(table, threads, duplicates, freezeAt, withoutCents(options, totals));
        dups = duplicates.all();
      }
      FileQuality quality = finish(name, format, mapping, totals, dups);
      return new Result(table, quality, totals.minDay, totals.maxDay, format.charset(), without);
    }
  }

  /** The amount from which rows are outliers when a table without them is asked for, else Long.MAX_VALUE. */
  private static long withoutCents(Options options, Totals totals) {
    if (!options.withoutOutliers() || options.outlierCents() != Long.MAX_VALUE) return Long.MAX_VALUE;
    AmountOutliers outliers = AmountOutliers.judge(totals.amounts, totals.largest);
    return outliers == null || outliers.rows() == 0 ? Long.MAX_VALUE : outliers.thresholdCents();
  }

  /**
   * The file's quality from its added-up outcomes.
   *
   * @throws IntakeException if no row is left for the run
   */
  static FileQuality finish(String name, CsvFormat format, ColumnMapping mapping, Totals totals,
      DuplicateFinder.Duplicates dups) {
    List<Note> warnings = new ArrayList<>(mapping.warnings());
    totals.warnAboutEncoding(warnings, format);
    if (dups.rows() > 0) warnings.add(Note.of("quality_repeated_transactions", dups.rows()));
    AmountOutliers outliers = AmountOutliers.judge(totals.amounts, totals.largest);
    if (outliers != null && outliers.rows() > 0) warnings.add(outliers.note("quality_amount_outliers"));
    FileQuality quality = totals.quality(name, FileKind.TRANSACTIONS, format, mapping, dups, warnings, outliers);
    long inRun = totals.accepted - totals.afterAsOf;
    if (inRun == 0) {
      if (totals.afterAsOf > 0) {
        throw new IntakeException(IntakeException.NONE_BEFORE_AS_OF, name, totals.read, totals.rejected, totals.afterAsOf);
      }
      if (totals.rejected > 0) {
        throw new IntakeException(IntakeException.ALL_REJECTED, name, totals.read, totals.rejected,
            reasons(quality.rejectedByReason()));
      }
      throw new IntakeException(IntakeException.NO_ROWS, name, totals.read, totals.rejected);
    }
    return quality;
  }

  static final int MAX_DUPLICATE_LINES = 100;

  private static String reasons(Map<String, Long> byReason) {
    StringBuilder sb = new StringBuilder();
    byReason.forEach((code, count) -> sb.append(sb.length() > 0 ? ", " : "").append(code).append(' ').append(count));
    return sb.toString();
  }

  /** Running totals of the blocks' outcomes, in file order. */
  static final class Totals {
    long read;
    long accepted;
    long rejected;
    final long[] byReason = new long[RejectReason.values().length];
    long afterAsOf;
    long rounded;
    int maxDay = Integer.MIN_VALUE;
    int minDay = Integer.MAX_VALUE;
    final AmountHistogram amounts = new AmountHistogram();
    List<AmountOutliers.Candidate> largest = List.of();

    void add(BlockOutcome o) {
      add(RangeCounts.of(o));
    }

    void add(RangeCounts c) {
      read += c.read();
      accepted += c.accepted();
      for (int i = 0; i < byReason.length; i++) {
        byReason[i] += c.rejectedByReason()[i];
        rejected += c.rejectedByReason()[i];
      }
      afterAsOf += c.afterAsOf();
      rounded += c.rounded();
      maxDay = Math.max(maxDay, c.maxDay());
      minDay = Math.min(minDay, c.minDay());
      amounts.addAll(c.amounts());
      largest = AmountOutliers.keepLargest(largest, c.largest());
    }

    /** Many rows refused for their bytes usually mean the file's encoding was guessed wrong; say how to name it. */
    void warnAboutEncoding(List<Note> warnings, CsvFormat format) {
      long badEncoding = byReason[RejectReason.BAD_ENCODING.ordinal()];
      if (badEncoding > 0) warnings.add(Note.of("quality_bad_encoding", badEncoding, format.charset().name()));
    }

    FileQuality quality(String name, FileKind kind, CsvFormat format, ColumnMapping mapping,
        DuplicateFinder.Duplicates dups, List<Note> warnings, AmountOutliers outliers) {
      Map<String, Long> reasons = new LinkedHashMap<>();
      for (RejectReason r : RejectReason.values()) {
        if (byReason[r.ordinal()] > 0) reasons.put(r.code(), byReason[r.ordinal()]);
      }
      return new FileQuality(name, kind.label(), format.charset().name(), format.delimiterName(),
          mapping.describe(format.header()), read, accepted, rejected, reasons, afterAsOf, dups.rows(), dups.lines(),
          rounded, warnings, outliers);
    }
  }
}
