package strata.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import strata.intake.IntakeException;
import strata.intake.RejectedRowsWriter;
import strata.run.CustomersCsv;
import strata.run.Progress;
import strata.run.RunInputs;
import strata.run.ScoringRun;
import strata.tier.TierModel;

/** Typed Parquet transactions give the answer the same rows give as CSV, through the same checks. */
class ParquetInputTest {
  private static SparkSession spark;
  @TempDir Path dir;

  @BeforeAll
  static void start() {
    spark = LocalSpark.builder("strata-parquet-test")
        .config("spark.sql.session.timeZone", "Asia/Shanghai")
        .getOrCreate();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void typedParquetScoresLikeTheSameRowsAsCsv() throws Exception {
    StructType schema = new StructType()
        .add("客户编号", DataTypes.StringType).add("order_id", DataTypes.StringType)
        .add("下单日期", DataTypes.DateType).add("金额", DataTypes.createDecimalType(12, 2))
        .add("category", DataTypes.StringType).add("unused_notes", DataTypes.StringType);
    Random random = new Random(7);
    List<Row> rows = new ArrayList<>();
    StringBuilder csv = new StringBuilder("客户编号,order_id,下单日期,金额,category\n");
    String[] categories = {"书籍", "music", "toys, games", "say \"hi\""};
    int incomplete = 0;
    for (int i = 0; i < 4000; i++) {
      int c = (int) Math.floor(400 * Math.pow(random.nextDouble(), 2));
      String id = i % 997 == 5 ? null : (c % 7 == 0 ? "客户-" + c : "C" + c);
      LocalDate day = i % 1009 == 3 ? null : LocalDate.of(2023, 1, 1).plusDays(random.nextInt(600));
      BigDecimal amount = i % 1013 == 8 ? null : BigDecimal.valueOf(100 + random.nextInt(90_000), 2);
      if (i % 50 == 0 && amount != null) amount = amount.negate(); // refunds
      String category = categories[random.nextInt(categories.length)];
      if (id == null || day == null || amount == null) incomplete++;
      rows.add(RowFactory.create(id, "O" + i, day == null ? null : java.sql.Date.valueOf(day), amount, category,
          "free text, ignored"));
      csv.append(id == null ? "" : id).append(",O").append(i).append(',').append(day == null ? "" : day.toString())
          .append(',').append(amount == null ? "" : amount.toPlainString()).append(',')
          .append('"').append(category.replace("\"", "\"\"")).append("\"\n");
    }
    Path csvFile = dir.resolve("transactions.csv");
    Files.writeString(csvFile, csv);
    Path parquet = dir.resolve("transactions.parquet");
    // One file of many small row groups, read as several partitions.
    spark.createDataFrame(rows, schema).coalesce(1).write().option("parquet.block.size", 16 << 10)
        .parquet(parquet.toString());

    Path single = dir.resolve("single");
    Files.createDirectories(single);
    var expected = ScoringRun.run(RunInputs.of(csvFile), TierModel.defaultModel(),
        new RejectedRowsWriter(single.resolve("rejected.csv")), Progress.NONE);
    CustomersCsv.write(expected, single.resolve("customers.csv"), Locale.ENGLISH);

    Path out = dir.resolve("spark");
    spark.conf().set("spark.sql.files.maxPartitionBytes", "16k");
    ScoreJob.Result actual;
    try {
      assertThat(spark.read().parquet(parquet.toString()).rdd().getNumPartitions()).isGreaterThan(2);
      actual = job("--transactions", parquet.toString(), "--out", out.toString(), "--lang", "en",
          "--parquet-out", dir.resolve("customers.parquet").toString())
          .run(spark, TierModel.defaultModel(), Locale.ENGLISH, 1 << 20);
    } finally {
      spark.conf().unset("spark.sql.files.maxPartitionBytes");
    }

    var q = actual.quality().get(0);
    var want = expected.quality().get(0);
    assertThat(q.rowsRead()).isEqualTo(4000).isEqualTo(want.rowsRead());
    assertThat(q.rowsRejected()).isEqualTo(want.rowsRejected()).isEqualTo(incomplete);
    assertThat(q.rejectedByReason()).isEqualTo(want.rejectedByReason());
    assertThat(byId(out.resolve("customers.csv"))).isEqualTo(byId(single.resolve("customers.csv")));
    assertParquetHoldsTheCsv(dir.resolve("customers.parquet"), out.resolve("customers.csv"));
  }

  /** The Parquet output: customers.csv's columns and rows, numbers typed, ids text. */
  private static void assertParquetHoldsTheCsv(Path parquet, Path csv) throws Exception {
    var frame = spark.read().parquet(parquet.toString());
    List<String> header = headerOf(csv);
    assertThat(List.of(frame.columns())).isEqualTo(header);
    assertThat(frame.schema().apply("customer_id").dataType()).isEqualTo(DataTypes.StringType);
    assertThat(frame.schema().apply("recency_days").dataType()).isEqualTo(DataTypes.LongType);
    assertThat(frame.schema().apply("monetary").dataType()).isEqualTo(DataTypes.DoubleType);
    Map<String, CsvRecord> want = byIdRecords(csv);
    List<Row> got = frame.collectAsList();
    assertThat(got).hasSize(want.size());
    int monetary = header.indexOf("monetary");
    int tier = header.indexOf("tier");
    for (Row r : got) {
      CsvRecord w = want.get(r.getString(0));
      assertThat(w).as(r.getString(0)).isNotNull();
      assertThat(r.getDouble(monetary)).isEqualTo(Double.parseDouble(w.getField(monetary)));
      assertThat(r.getString(tier)).isEqualTo(w.getField(tier));
    }
  }

  @Test
  void doublesTimestampsAndBadValuesAreReadAsTheIntakeReadsText() throws Exception {
    StructType schema = new StructType()
        .add("customer_id", DataTypes.StringType).add("order_time", DataTypes.TimestampType)
        .add("amount", DataTypes.DoubleType);
    List<Row> rows = List.of(
        // 20:00 UTC is the next day in the session's zone (Asia/Shanghai): the day Strata counts.
        RowFactory.create("BIG", java.sql.Timestamp.from(java.time.Instant.parse("2024-03-01T20:00:00Z")), 1.0E7),
        RowFactory.create("NAN", java.sql.Timestamp.from(java.time.Instant.parse("2024-03-01T01:00:00Z")), Double.NaN),
        RowFactory.create("SMALL", java.sql.Timestamp.from(java.time.Instant.parse("2024-03-01T01:00:00Z")), 12.5));
    Path parquet = dir.resolve("t.parquet");
    spark.createDataFrame(rows, schema).coalesce(1).write().parquet(parquet.toString());
    Path out = dir.resolve("o");
    var result = job("--transactions", parquet.toString(), "--out", out.toString(), "--as-of", "2024-03-10")
        .run(spark, TierModel.defaultModel(), Locale.ENGLISH, 1 << 20);
    assertThat(result.quality().get(0).rejectedByReason()).containsExactly(Map.entry("bad_amount", 1L));
    Map<String, CsvRecord> customers = byIdRecords(out.resolve("customers.csv"));
    List<String> header = headerOf(out.resolve("customers.csv"));
    assertThat(customers).containsOnlyKeys("BIG", "SMALL");
    assertThat(customers.get("BIG").getField(header.indexOf("monetary"))).isEqualTo("10000000.00");
    assertThat(customers.get("BIG").getField(header.indexOf("recency_days"))).isEqualTo("8"); // 2024-03-02
    assertThat(customers.get("SMALL").getField(header.indexOf("recency_days"))).isEqualTo("9"); // 2024-03-01
    assertThat(Files.readString(out.resolve("rejected.csv"))).contains("bad_amount").contains("NAN,2024-03-01,NaN");
  }

  @Test
  void aParquetFileWithoutAnAmountColumnIsRefusedAsACsvWouldBe() {
    StructType schema = new StructType().add("customer_id", DataTypes.StringType).add("date", DataTypes.DateType);
    Path parquet = dir.resolve("no-amount.parquet");
    spark.createDataFrame(List.of(RowFactory.create("A", java.sql.Date.valueOf("2024-01-01"))), schema)
        .write().parquet(parquet.toString());
    ScoreJob job = job("--transactions", parquet.toString(), "--out", dir.resolve("o2").toString());
    assertThatThrownBy(() -> job.run(spark, TierModel.defaultModel(), Locale.ENGLISH, 1 << 20))
        .isInstanceOf(IntakeException.class).hasMessageContaining("no amount column");
    ScoreJob missing = job("--transactions", dir.resolve("nothing.parquet").toString(), "--out",
        dir.resolve("o3").toString());
    assertThatThrownBy(() -> missing.run(spark, TierModel.defaultModel(), Locale.ENGLISH, 1 << 20))
        .isInstanceOf(IntakeException.class).hasMessageContaining("nothing.parquet");
  }

  private static ScoreJob job(String... args) {
    ScoreJob job = new ScoreJob();
    new CommandLine(job).parseArgs(args);
    return job;
  }

  /** customers.csv rows by customer id (a Parquet file has no line order to compare), numbers to 1e-9. */
  private static Map<String, List<String>> byId(Path file) throws Exception {
    Map<String, List<String>> out = new TreeMap<>();
    for (CsvRecord r : byIdRecords(file).values()) {
      List<String> fields = new ArrayList<>();
      for (String f : r.getFields()) fields.add(rounded(f));
      out.put(r.getField(0), fields);
    }
    return out;
  }

  private static String rounded(String field) {
    try {
      double x = Double.parseDouble(field);
      return field.contains(".") || field.contains("E") ? String.format(Locale.ROOT, "%.9g", x) : field;
    } catch (NumberFormatException e) {
      return field;
    }
  }

  private static Map<String, CsvRecord> byIdRecords(Path file) throws Exception {
    Map<String, CsvRecord> out = new TreeMap<>();
    try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
      reader.stream().skip(1).forEach(r -> out.put(r.getField(0), r));
    }
    return out;
  }

  private static List<String> headerOf(Path file) throws Exception {
    String first = Files.readAllLines(file, StandardCharsets.UTF_8).get(0).replace("\uFEFF", "");
    return List.of(first.split(","));
  }
}
