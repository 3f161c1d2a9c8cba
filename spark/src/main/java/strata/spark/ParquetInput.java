package strata.spark;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import strata.intake.ColumnMapping;
import strata.intake.FileKind;
import strata.intake.IntakeException;

/**
 * Transactions in Parquet (a file or a folder of part files, on any file system the cluster reads). Spark reads the
 * columns the intake needs, found by the same names as in a CSV header ({@code 客户编号}, {@code amount} …); each
 * partition is written as CSV text and read by core's intake, so both formats share one set of checks.
 *
 * <p>Rejected rows are numbered as lines of that text: line 1 is the header, line n + 1 the n-th row in the order
 * Spark reads the partitions (file order within a file).
 */
final class ParquetInput {
  private ParquetInput() {}

  static boolean is(String path, String format) {
    if (format != null) return format.equalsIgnoreCase("parquet");
    String name = path.toLowerCase(java.util.Locale.ROOT).replaceAll("/+$", "");
    return name.endsWith(".parquet") || name.endsWith(".parq");
  }

  /** The intake's view of the file and one part per Spark partition. */
  static SparkScoring.Input open(SparkSession spark, String path, IntakeSpec.Hints hints,
      Map<String, String> columnMap, SparkScoring.Which which) {
    String name = new org.apache.hadoop.fs.Path(path.replaceAll("/+$", "")).getName();
    Dataset<Row> all;
    try {
      all = spark.read().parquet(path);
    } catch (Exception e) { // Scala's AnalysisException is checked to javac but not declared
      if (!(e instanceof org.apache.spark.sql.AnalysisException)) {
        throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
      }
      String why = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
      throw new IntakeException(IntakeException.NOT_PARQUET, path, why);
    }
    List<String> header = List.of(all.columns());
    ColumnMapping mapping = ColumnMapping.resolve(name, FileKind.TRANSACTIONS, header, columnMap);
    TreeSet<Integer> used = new TreeSet<>();
    for (strata.intake.Column c : strata.intake.Column.values()) {
      if (mapping.indexOf(c) >= 0) used.add(mapping.indexOf(c));
    }
    List<String> kept = new ArrayList<>();
    List<Column> columns = new ArrayList<>();
    for (int i : used) {
      kept.add(header.get(i));
      columns.add(functions.col("`" + header.get(i).replace("`", "``") + "`"));
    }
    ParquetRows headLine = new ParquetRows(ZoneId.of("UTC"), null).header(kept);
    byte[] head = java.util.Arrays.copyOf(headLine.bytes(), headLine.length());
    IntakeSpec spec = new IntakeSpec(name, head, StandardCharsets.UTF_8.name(), ",", null, hints.dateFormat(),
        columnMap, which.asOf(), which.mergedIds(), which.outlierCents());
    spec.intake(); // the same header errors as a CSV file, before any task starts
    ZoneId zone = ZoneId.of(spark.conf().get("spark.sql.session.timeZone"));
    String datePattern = hints.dateFormat();
    var shared = org.apache.spark.api.java.JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(spec);
    JavaRDD<RangePart> parts = all.select(columns.toArray(Column[]::new)).javaRDD()
        .mapPartitionsWithIndex((index, rows) -> {
          ParquetRows text = new ParquetRows(zone, datePattern).write(rows);
          return List.of(RangePart.of(index, text.bytes(), text.length(), shared.value())).iterator();
        }, true);
    return new SparkScoring.Input(spec, head, parts, shared);
  }
}
