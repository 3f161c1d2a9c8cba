package strata.spark;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntUnaryOperator;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import strata.asof.AsOfPolicy;
import strata.identity.IdMerges;
import strata.intake.AmountOutliers;
import strata.intake.FileQuality;
import strata.intake.RangeCounts;
import strata.intake.RangeIntake;
import strata.intake.RejectReason;
import strata.intake.Rejection;
import strata.product.CustomerProducts;
import strata.run.PartScoring;
import strata.run.Predictions;
import strata.run.Progress;
import strata.run.RunInputs;
import strata.run.Rereads;
import strata.run.RunResult;
import strata.run.ScoringRun;
import strata.summary.CustomerSummary;
import strata.summary.PurchaseColumns;
import strata.summary.SummaryTable;
import strata.tier.TierModel;

/**
 * The Spark engine: tasks read ranges of the transactions file (or partitions of a Parquet file) into per-customer summaries with core's intake, Spark
 * merges them by customer id with core's {@link CustomerSummary#merge}, and the driver scores the merged summaries
 * through core's {@link ScoringRun} (ranking, RFM, ABC, lifecycle, CLV fits, composite, tiers): one scoring, two
 * engines.
 */
final class SparkScoring {
  private SparkScoring() {}

  /** What the tasks read: the intake's spec, the head it was built from and one part per range or partition. */
  record Input(IntakeSpec spec, byte[] head, JavaRDD<RangePart> parts, Broadcast<IntakeSpec> shared) {}

  /**
   * Which rows a pass reads into summaries: rows after {@code asOf} (null: none) and of at least {@code outlierCents}
   * are left out, and rows of a merged id count for its survivor.
   */
  record Which(java.time.LocalDate asOf, Map<String, String> mergedIds, long outlierCents) {}

  /**
   * One pass over the transactions: the intake, the parts' counts and rejections in file order, the merged customers
   * in order of first appearance, and the exact duplicates (null when not asked for).
   */
  private record Pass(RangeIntake intake, long firstDataLine, List<RangePart> inOrder, JavaRDD<Merged> merges,
      RangeIntake.Repeats duplicates) {
    int firstDay() {
      return inOrder.stream().mapToInt(p -> p.counts().minDay()).min().orElseThrow();
    }

    int lastDay() {
      return inOrder.stream().mapToInt(p -> p.counts().maxDay()).max().orElseThrow();
    }

    /** The merged customers, where they were merged. */
    JavaRDD<FirstSeen> merged() {
      return merges.flatMap(m -> m.customers().iterator());
    }

    /** The merged customers on the driver, in order of first appearance; the pass's RDD is released. */
    PurchaseColumns columns(int splitDay) {
      List<FirstSeen> customers = new ArrayList<>(merged().collect());
      release();
      customers.sort(Comparator.comparingLong(FirstSeen::firstRow));
      // SummaryTable.of stores ids as UTF-8, whatever the file's encoding.
      return SummaryTable.of(customers.stream().map(FirstSeen::summary).toList()).freeze(splitDay);
    }

    void release() {
      merges.unpersist(false);
    }
  }

  /** Where the transactions are and how to read them: what every pass of a run shares. */
  private record Source(SparkSession spark, String transactions, String format, IntakeSpec.Hints hints, RunInputs in,
      long rangeBytes) {}

  /**
   * @param in the run's side files and options; its transactions path is not read (the file is {@code transactions}),
   *     its side files are paths on the driver's disk
   * @param transactions a path any Hadoop file system of the cluster reads
   * @param format {@code csv} or {@code parquet}; null decides by the path's extension
   * @param predictions the predictions asked for (churn and clusters; product preference is not read on Spark)
   * @param rejects every rejected row, in line order
   * @param inParts null: every run is scored on the driver
   */
  static Scored run(SparkSession spark, String transactions, String format, IntakeSpec.Hints hints, RunInputs in,
      long rangeBytes, TierModel model, Predictions predictions, Consumer<Rejection> rejects, InParts inParts)
      throws java.io.IOException {
    // A bad side file stops the run before the cluster reads the transactions, with the error ScoringRun gives later.
    ScoringRun.checkSideFiles(in);
    Source source = new Source(spark, transactions, format, hints, in, rangeBytes);
    // The accepted pairs are known before the read, so each task summarises a merged id's rows under its survivor,
    // as the single-machine intake does.
    Map<String, String> accepted = IdMerges.of(in.merges().acceptedPairs(), List.of()).merged();
    Pass pass = pass(source, new Which(in.asOf(), accepted, Long.MAX_VALUE), true);
    emit(pass, rejects, r -> true); // before the quality, which throws for a file of only bad rows: they are kept
    FileQuality quality;
    try {
      quality = quality(pass);
    } catch (RuntimeException e) {
      pass.release();
      throw e;
    }
    AmountOutliers outliers = quality.amountOutliers();
    boolean outlying = outliers != null && outliers.rows() > 0;
    boolean inPartsToo = inParts != null && PartScoring.applies(in, model, predictions);
    Pass other = null; // the other way's read, when the run is scored in parts
    if (in.excludeOutliers() && outlying) {
      // The threshold is known once every amount has been read: the file is read again leaving those rows out, and
      // they go to the rejects (the other rejections were reported the first time), as in the single-machine run.
      if (inPartsToo) other = pass;
      else pass.release();
      pass = pass(source, new Which(in.asOf(), accepted, outliers.thresholdCents()), true);
      emit(pass, rejects, r -> r.reason() == RejectReason.AMOUNT_OUTLIER);
      quality = ScoringRun.excludedQuality(quality(pass), outliers);
    }
    LocalDate asOf = AsOfPolicy.resolve(in.asOf(), pass.lastDay());
    int asOfDay = (int) asOf.toEpochDay();
    int splitDay = ScoringRun.splitDay(pass.firstDay(), asOfDay);
    if (inPartsToo) {
      try {
        // Core's readers read the side files here, their rejected rows after the transactions' as in strata score;
        // the cluster joins their entries with the parts of their buyers (SideJoin).
        ScoringRun.Side side = ScoringRun.side(in, rejects, Progress.NONE);
        List<FileQuality> files = new ArrayList<>(List.of(quality));
        files.addAll(side.quality());
        if (outlying && other == null) {
          other = pass(source, new Which(asOf, accepted, outliers.thresholdCents()), false);
        }
        var otherWay = other == null ? null
            : new ScoringInParts.OtherWay(other.merged(), ScoringRun.splitDay(other.firstDay(), asOfDay));
        var out = new ScoringInParts.Out(spark, inParts.customersCsv(), inParts.work(), inParts.parquet());
        return new Scored(null, ScoringInParts.score(pass.merged(), in, side, inParts.model(), asOf, splitDay, files,
            otherWay, predictions, out, inParts.locale()));
      } finally {
        pass.release();
        if (other != null) other.release();
      }
    }
    var summaries = new ScoringRun.Summaries(pass.columns(splitDay), StandardCharsets.UTF_8, quality, asOf);
    // A run that needs every customer at once (the churn classifier, ids merged by case) is scored here, its side
    // files read by ScoringRun.
    RunResult result = ScoringRun.run(in, summaries, model, rejects, Progress.NONE, new Again(source), predictions);
    return new Scored(result, null);
  }

  /**
   * Where a run scored in parts writes its customers (customers.csv; its parts in a folder made in {@code work}; the
   * Parquet at {@code parquet}, null for none), and the model as text for the executors; the job passes it when the
   * run may be scored in parts ({@link PartScoring#applies}).
   */
  record InParts(ScoringInParts.Model model, java.nio.file.Path customersCsv, String work, String parquet,
      java.util.Locale locale) {}

  /**
   * A run's result: scored on the driver ({@code result}), or in parts on the cluster ({@code inParts}, with
   * customers.csv written).
   */
  record Scored(RunResult result, ScoringInParts.Outcome inParts) {}

  /**
   * The transactions read again on the cluster, for what ScoringRun reads twice: ids that differ only by case merged,
   * the tiers with outlier amounts the other way, the churn classifier's earlier days.
   */
  private record Again(Source source) implements Rereads {
    @Override
    public PurchaseColumns summaries(Map<String, String> mergedIds, long outlierCents, LocalDate asOf,
        IntUnaryOperator splitDay) {
      Pass pass = pass(source, new Which(asOf, mergedIds, outlierCents), false);
      return pass.columns(splitDay.applyAsInt(pass.firstDay()));
    }

    @Override
    public Map<String, CustomerProducts> products(Map<String, String> mergedIds, long outlierCents, int asOfDay) {
      return null; // not read on Spark: ScoreJob refuses --products
    }
  }

  /**
   * Reads the transactions once: each range's customers and row fingerprints go, by stripe of core's summary table, to
   * the merge of that stripe, which merges the customers and finds the exact duplicates among their rows (a repeat has
   * the customer's id, so it is in the customer's stripe, as in the single-machine intake's partitions), in one
   * shuffle. The ranges' counts ride along for the driver.
   */
  private static Pass pass(Source source, Which which, boolean withDuplicates) {
    Input input = ParquetInput.is(source.transactions(), source.format())
        ? ParquetInput.open(source.spark(), source.transactions(), source.hints(), source.in().columnMap(), which)
        : csv(source, which);
    RangeIntake intake = input.spec().intake();
    try {
      int n = Math.min(input.parts().getNumPartitions(), SummaryTable.STRIPES);
      JavaRDD<Merged> merges = input.parts()
          .flatMapToPair(p -> p.pieces(n, withDuplicates))
          .partitionBy(new HashPartitioner(n)) // merge m is partition m
          .mapPartitions(Merged::of)
          .persist(StorageLevel.MEMORY_AND_DISK());
      List<RangePart> inOrder = new ArrayList<>(merges.flatMap(m -> m.ranges().iterator()).collect());
      inOrder.sort(Comparator.comparingInt(RangePart::index));
      RangeIntake.Repeats duplicates = withDuplicates ? duplicates(merges) : null;
      return new Pass(intake, intake.firstDataLine(input.head()), inOrder, merges, duplicates);
    } finally {
      input.shared().destroy();
    }
  }

  private static RangeIntake.Repeats duplicates(JavaRDD<Merged> merges) {
    return RangeIntake.Repeats.of(merges.map(Merged::repeats).collect());
  }

  /** A CSV file cut into byte ranges that tasks read themselves. */
  private static Input csv(Source source, Which which) {
    var hadoop = source.spark().sparkContext().hadoopConfiguration();
    String transactions = source.transactions();
    byte[] head = FileRanges.head(transactions, hadoop);
    String name = new org.apache.hadoop.fs.Path(transactions).getName();
    IntakeSpec.Hints hints = source.hints();
    IntakeSpec spec = new IntakeSpec(name, head, hints.charset(), hints.delimiter(), hints.columns(),
        hints.dateFormat(), source.in().columnMap(), which.asOf(), which.mergedIds(), which.outlierCents());
    RangeIntake intake = spec.intake(); // a bad header fails here, before any task starts
    List<FileRanges.Range> ranges = FileRanges.of(transactions, intake.dataStart(),
        FileRanges.length(transactions, hadoop), source.rangeBytes());
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(source.spark().sparkContext());
    Broadcast<IntakeSpec> shared = jsc.broadcast(spec);
    Map<String, String> conf = FileRanges.entries(hadoop);
    JavaRDD<RangePart> parts = jsc.parallelize(ranges, ranges.size())
        .map(r -> RangePart.read(r, shared.value(), conf));
    return new Input(spec, head, parts, shared);
  }

  /** The file's quality from a pass that found the exact duplicates. */
  private static FileQuality quality(Pass pass) {
    List<RangeCounts> counts = pass.inOrder().stream().map(RangePart::counts).toList();
    long[] firstLine = firstLines(pass);
    RangeIntake.Repeats duplicates = pass.duplicates();
    List<Long> duplicateLines = duplicates.first().stream()
        .map(row -> firstLine[(int) (row >>> 32)] + (row & 0xFFFFFFFFL) - 1).toList();
    return pass.intake().quality(counts, duplicates.rows(), duplicateLines);
  }

  /** The pass's rejected rows that {@code which} selects, in line order. */
  private static void emit(Pass pass, Consumer<Rejection> rejects, java.util.function.Predicate<Rejection> which) {
    long[] firstLine = firstLines(pass);
    for (RangePart part : pass.inOrder()) {
      for (Rejection r : part.rejections()) {
        if (!which.test(r)) continue;
        rejects.accept(new Rejection(r.file(), firstLine[part.index()] + r.line() - 1, r.reason(), r.detail(), r.raw()));
      }
    }
  }

  /** The file's line number of each range's first row. */
  private static long[] firstLines(Pass pass) {
    long line = pass.firstDataLine();
    long[] first = new long[pass.inOrder().size()];
    for (RangePart part : pass.inOrder()) {
      first[part.index()] = line;
      line += part.lineBreaks();
    }
    return first;
  }
}
