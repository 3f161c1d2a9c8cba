package strata.spark;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;
import strata.asof.AsOfPolicy;
import strata.identity.IdMerges;
import strata.intake.FileQuality;
import strata.intake.RangeCounts;
import strata.intake.RangeIntake;
import strata.intake.Rejection;
import strata.run.Progress;
import strata.run.RunInputs;
import strata.run.RunResult;
import strata.run.ScoringRun;
import strata.summary.CustomerSummary;
import strata.summary.PurchaseColumns;
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
   * One pass over the transactions: the intake, the parts' counts and rejections in file order, the merged customers
   * in order of first appearance, and the exact duplicates (null when not asked for).
   */
  private record Pass(RangeIntake intake, long firstDataLine, List<RangePart> inOrder, List<FirstSeen> customers,
      Duplicates duplicates) {}

  /**
   * @param in the run's side files and options; its transactions path is not read (the file is {@code transactions}),
   *     its side files are paths on the driver's disk
   * @param transactions a path any Hadoop file system of the cluster reads
   * @param format {@code csv} or {@code parquet}; null decides by the path's extension
   * @param rejects every rejected row, in line order
   */
  static RunResult run(SparkSession spark, String transactions, String format, IntakeSpec.Hints hints, RunInputs in,
      long rangeBytes, TierModel model, Consumer<Rejection> rejects) {
    // A bad side file stops the run before the cluster reads the transactions, with the error ScoringRun gives later.
    ScoringRun.checkSideFiles(in);
    // The accepted pairs are known before the read, so each task summarises a merged id's rows under its survivor,
    // as the single-machine intake does.
    Map<String, String> accepted = IdMerges.of(in.merges().acceptedPairs(), List.of()).merged();
    Pass pass = pass(spark, transactions, format, hints, in, rangeBytes, accepted, true);
    // Ids that differ only by case are known once every id is read: the file is read again with them merged.
    Function<Map<String, String>, List<FirstSeen>> again =
        merged -> pass(spark, transactions, format, hints, in, rangeBytes, merged, false).customers();
    return score(pass, again, in, model, rejects);
  }

  private static Pass pass(SparkSession spark, String transactions, String format, IntakeSpec.Hints hints,
      RunInputs in, long rangeBytes, Map<String, String> mergedIds, boolean withDuplicates) {
    Input input = ParquetInput.is(transactions, format)
        ? ParquetInput.open(spark, transactions, hints, in.columnMap(), in.asOf(), mergedIds)
        : csv(spark, transactions, hints, in, rangeBytes, mergedIds);
    RangeIntake intake = input.spec().intake();
    JavaRDD<RangePart> parts = input.parts().persist(StorageLevel.MEMORY_AND_DISK());
    try {
      List<RangePart> inOrder = new ArrayList<>(parts.map(RangePart::withoutRows).collect());
      inOrder.sort(Comparator.comparingInt(RangePart::index));
      List<FirstSeen> customers = new ArrayList<>(parts
          .flatMapToPair(p -> p.customers().stream().map(c -> new Tuple2<>(c.summary().customerId(), c)).iterator())
          .reduceByKey(FirstSeen::merge)
          .values()
          .map(FirstSeen::withOrdersCounted)
          .collect());
      customers.sort(Comparator.comparingLong(FirstSeen::firstRow));
      Duplicates duplicates = withDuplicates ? duplicates(parts) : null;
      return new Pass(intake, intake.firstDataLine(input.head()), inOrder, customers, duplicates);
    } finally {
      parts.unpersist(false);
      input.shared().destroy();
    }
  }

  private static Duplicates duplicates(JavaRDD<RangePart> parts) {
    JavaRDD<Long> repeats = parts
        .flatMapToPair(p -> pairs(p.fingerprints()))
        .groupByKey()
        .flatMap(SparkScoring::laterRows)
        .persist(StorageLevel.MEMORY_AND_DISK());
    Duplicates duplicates = new Duplicates(repeats.count(), repeats.takeOrdered(RangeIntake.DUPLICATE_LINES));
    repeats.unpersist(false);
    return duplicates;
  }

  /** A CSV file cut into byte ranges that tasks read themselves. */
  private static Input csv(SparkSession spark, String transactions, IntakeSpec.Hints hints, RunInputs in,
      long rangeBytes, Map<String, String> mergedIds) {
    var hadoop = spark.sparkContext().hadoopConfiguration();
    byte[] head = FileRanges.head(transactions, hadoop);
    String name = new org.apache.hadoop.fs.Path(transactions).getName();
    IntakeSpec spec = new IntakeSpec(name, head, hints.charset(), hints.delimiter(), hints.columns(),
        hints.dateFormat(), in.columnMap(), in.asOf(), mergedIds);
    RangeIntake intake = spec.intake(); // a bad header fails here, before any task starts
    List<FileRanges.Range> ranges = FileRanges.of(transactions, intake.dataStart(),
        FileRanges.length(transactions, hadoop), rangeBytes);
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<IntakeSpec> shared = jsc.broadcast(spec);
    Map<String, String> conf = FileRanges.entries(hadoop);
    JavaRDD<RangePart> parts = jsc.parallelize(ranges, ranges.size())
        .map(r -> RangePart.read(r, shared.value(), conf));
    return new Input(spec, head, parts, shared);
  }

  /** Rows that repeat an earlier row exactly: how many, and the first of them as range {@code << 32} | line. */
  private record Duplicates(long rows, List<Long> firstRows) {}

  private static java.util.Iterator<Tuple2<Long, Long>> pairs(long[] fingerprints) {
    List<Tuple2<Long, Long>> out = new ArrayList<>(fingerprints.length / 2);
    for (int i = 0; i < fingerprints.length; i += 2) out.add(new Tuple2<>(fingerprints[i], fingerprints[i + 1]));
    return out.iterator();
  }

  /** All rows of one fingerprint but the first in the file: its repeats, as the single-machine intake counts them. */
  private static java.util.Iterator<Long> laterRows(Tuple2<Long, Iterable<Long>> rows) {
    List<Long> all = new ArrayList<>();
    rows._2().forEach(all::add);
    if (all.size() < 2) return java.util.Collections.emptyIterator();
    all.sort(null);
    return all.subList(1, all.size()).iterator();
  }

  private static RunResult score(Pass pass, Function<Map<String, String>, List<FirstSeen>> again, RunInputs in,
      TierModel model, Consumer<Rejection> rejects) {
    long line = pass.firstDataLine();
    List<RangeCounts> counts = new ArrayList<>();
    long[] firstLineOfRange = new long[pass.inOrder().size()];
    for (RangePart part : pass.inOrder()) {
      firstLineOfRange[part.index()] = line;
      for (Rejection r : part.rejections()) {
        rejects.accept(new Rejection(r.file(), line + r.line() - 1, r.reason(), r.detail(), r.raw()));
      }
      counts.add(part.counts());
      line += part.lineBreaks();
    }
    Duplicates duplicates = pass.duplicates();
    List<Long> duplicateLines = duplicates.firstRows().stream()
        .map(row -> firstLineOfRange[(int) (row >>> 32)] + (row & 0xFFFFFFFFL) - 1).toList();
    FileQuality quality = pass.intake().quality(counts, duplicates.rows(), duplicateLines);
    int firstDay = counts.stream().mapToInt(RangeCounts::minDay).min().orElseThrow();
    int lastDay = counts.stream().mapToInt(RangeCounts::maxDay).max().orElseThrow();
    LocalDate asOf = AsOfPolicy.resolve(in.asOf(), lastDay);
    int splitDay = ScoringRun.splitDay(firstDay, (int) asOf.toEpochDay());
    // PurchaseColumns.of stores ids as UTF-8, whatever the file's encoding.
    var summaries = new ScoringRun.Summaries(columns(pass.customers(), splitDay), StandardCharsets.UTF_8, quality,
        asOf);
    // Side files are small beside the transactions: core's readers read them on the driver (ScoringRun), with the
    // same columns, encodings and reject reasons as strata score, their rejected rows after the transactions'.
    return ScoringRun.run(in, summaries, model, rejects, Progress.NONE,
        merges -> columns(again.apply(merges.merged()), splitDay));
  }

  private static PurchaseColumns columns(List<FirstSeen> customers, int splitDay) {
    return PurchaseColumns.of(customers.stream().map(FirstSeen::summary).toList(), splitDay);
  }
}
