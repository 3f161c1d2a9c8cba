package strata.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apache.spark.scheduler.AccumulableInfo;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import strata.run.Predictions;
import strata.run.RunInputs;
import strata.tier.TierModel;

/**
 * A run that needs no customer beside the others (no churn classifier or case merges) is scored in parts on the
 * cluster, and its customers.csv, rejected.csv and quality.json are the single-machine run's.
 */
class ScoringInPartsTest {
  private static SparkSession spark;
  @TempDir Path dir;

  @BeforeAll
  static void start() {
    spark = LocalSpark.builder("strata-test").getOrCreate();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void scoresInPartsWithTheSingleMachineAnswer() throws Exception {
    // 6,000 customers over two years, spends from a few amounts (ties in every rank), ids that differ only by case
    // (a note and the identity report), and a few bad rows for rejected.csv.
    Path tx = dir.resolve("orders.csv");
    Random random = new Random(8);
    StringBuilder csv = new StringBuilder("customer_id,order_date,amount\n");
    LocalDate start = LocalDate.of(2023, 1, 1);
    for (int row = 0; row < 30_000; row++) {
      int c = random.nextInt(6_000);
      String id = (c % 500 == 7 && random.nextBoolean() ? "Cu" : "cu") + c;
      String amount = row % 997 == 0 ? "n/a" : String.valueOf(20 + 5 * random.nextInt(12));
      csv.append(id).append(',').append(start.plusDays(random.nextInt(730))).append(',').append(amount).append('\n');
    }
    Files.writeString(tx, csv);
    Path parquet = dir.resolve("parquet").resolve("customers.parquet");
    SameAnswer.Runs runs = SameAnswer.run(spark, dir, RunInputs.of(tx), Predictions.NONE, 64 << 10,
        "--transactions", tx.toString(), "--parquet-out", parquet.toString());
    assertThat(runs.single().quality().get(0).amountOutliers().rows()).isZero();
    assertThat(runs.single().identity().caseVariants()).isNotEmpty();
    assertThat(runs.single().customers().clv.bgNbd()).isNotNull();
    assertThat(runs.spark().scoredInParts()).isTrue();
    assertThat(Files.readString(runs.singleOut().resolve("customers.csv")).lines().count()).isGreaterThan(5_000);
    SameAnswer.assertSame(runs);
    // The parts' folder was made beside the Parquet (the default --work) and is gone.
    assertThat(dir.resolve("parquet")).isDirectoryNotContaining("glob:**/_strata-parts-*");
    assertThat(runs.sparkOut()).isDirectoryNotContaining("glob:**/_strata-parts-*");
    assertSameParquet(parquet, runs.sparkOut().resolve("customers.csv"));
  }

  @Test
  void scoresARunWithOutlierAmountsInPartsAndListsTheTiersTheyChangeEitherWay() throws Exception {
    // 4,000 customers spending 20-75 a row, and typos of 5,000,000: a customer's only row (a customer one way only),
    // a customer's first row (first seen later without it) and a row among others. Everyone may change tier: the
    // typos move the monetary percentiles and ABC shares of all.
    Path tx = dir.resolve("orders.csv");
    Random random = new Random(21);
    StringBuilder csv = new StringBuilder("customer_id,order_date,amount\n");
    LocalDate start = LocalDate.of(2023, 1, 1);
    csv.append("a-only-typo,2023-06-01,5000000\n").append("a-first-typo,2023-01-02,5000000\n");
    for (int row = 0; row < 20_000; row++) {
      String id = row % 3_000 == 0 ? "a-first-typo" : "cu" + random.nextInt(4_000);
      String amount = row % 1_500 == 0 ? "5000000" : String.valueOf(20 + 5 * random.nextInt(12));
      csv.append(id).append(',').append(start.plusDays(random.nextInt(730))).append(',').append(amount).append('\n');
    }
    Files.writeString(tx, csv);
    for (boolean exclude : new boolean[] {false, true}) {
      Path both = Files.createDirectories(dir.resolve(exclude ? "excluded" : "kept"));
      SameAnswer.Runs runs = SameAnswer.run(spark, both, RunInputs.of(tx).withOutliersExcluded(exclude),
          Predictions.NONE, 64 << 10, "--transactions", tx.toString(), "--outliers", exclude ? "exclude" : "keep");
      var outliers = runs.single().quality().get(0).amountOutliers();
      assertThat(outliers.rows()).as("exclude " + exclude).isEqualTo(2 + 14);
      assertThat(outliers.tierChanges()).isPositive();
      assertThat(outliers.tierChangeExamples()).extracting(c -> c.customerId()).contains("a-only-typo");
      assertThat(runs.spark().scoredInParts()).isTrue();
      SameAnswer.assertSame(runs);
    }
  }

  @Test
  void findsClustersInPartsWithTheSingleMachineAnswer() throws Exception {
    // About 2,500 buyers and three typed amounts left out (the run's other way, without clusters, is scored in parts
    // too); the clusters are fitted once on the parts' merged sample and each part's members tallied.
    Path tx = dir.resolve("orders.csv");
    TransactionsFile.write(tx, 20_000, 43);
    Files.writeString(tx, "C1,X1,2023-05-02,8888888.00,music\nC2,X2,2023-06-03,7777777.00,music\n",
        java.nio.charset.StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
    SameAnswer.Runs runs = SameAnswer.run(spark, dir, RunInputs.of(tx).withOutliersExcluded(true),
        new Predictions(false, true, false), 64 << 10, "--transactions", tx.toString(), "--clusters", "--outliers",
        "exclude");
    assertThat(runs.single().customers().clusters.clusters()).hasSizeGreaterThanOrEqualTo(3);
    assertThat(runs.single().quality().get(0).amountOutliers().rows()).isPositive();
    assertThat(runs.spark().scoredInParts()).isTrue();
    SameAnswer.assertSame(runs);
  }

  @Test
  void writesThePartsUnderWork() throws Exception {
    Path tx = TransactionsFile.small(dir);
    Path work = dir.resolve("work");
    SameAnswer.Runs runs = SameAnswer.run(spark, dir, RunInputs.of(tx), Predictions.NONE, 1 << 10,
        "--transactions", tx.toString(), "--work", work.toUri().toString());
    assertThat(runs.spark().scoredInParts()).isTrue();
    SameAnswer.assertSame(runs);
    // Made for the parts (mkdirs) and emptied: the parts went there, not to --out.
    assertThat(work).isEmptyDirectory();
    assertThat(runs.sparkOut()).isDirectoryNotContaining("glob:**/_strata-parts-*");
  }

  @Test
  void scoresEachPartOnceForAllRounds() throws Exception {
    // Three rounds read the scored parts after the first context: each partition's RFM, ABC, lifecycle and CLV are
    // computed once (the parts are kept), which the job's accumulator counts per task.
    Path tx = dir.resolve("orders.csv");
    StringBuilder csv = new StringBuilder("customer_id,order_date,amount\n");
    for (int row = 0; row < 2_000; row++) {
      csv.append("c").append(row % 300).append(",2024-").append(String.format("%02d", 1 + row % 12)).append("-1")
          .append(row % 10).append(',').append(10 + row % 13).append(".25\n");
    }
    Files.writeString(tx, csv);
    PartsScored counted = new PartsScored();
    spark.sparkContext().addSparkListener(counted);
    try {
      SameAnswer.Runs runs = SameAnswer.run(spark, dir, RunInputs.of(tx), Predictions.NONE, 4 << 10,
          "--transactions", tx.toString());
      assertThat(runs.spark().scoredInParts()).isTrue();
      SameAnswer.assertSame(runs);
      spark.sparkContext().listenerBus().waitUntilEmpty();
    } finally {
      spark.sparkContext().removeSparkListener(counted);
    }
    assertThat(counted.partitions).hasSizeGreaterThan(1).doesNotHaveDuplicates();
  }

  /** The partitions of the tasks that scored a part with the first context, once per part scored. */
  private static final class PartsScored extends SparkListener {
    final List<Integer> partitions = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
      var accumulables = end.taskInfo().accumulables().iterator();
      while (accumulables.hasNext()) {
        AccumulableInfo a = accumulables.next();
        if (a.name().isDefined() && a.name().get().equals(ScoringInParts.PARTS_SCORED) && a.update().isDefined()) {
          for (long n = (Long) a.update().get(); n > 0; n--) partitions.add(end.taskInfo().index());
        }
      }
    }
  }

  @Test
  void deletesThePartsWhenTheRunFails() throws Exception {
    Path tx = dir.resolve("orders.csv");
    Files.writeString(tx, "customer_id,order_date,amount\nc1,2024-01-02,10\nc2,2024-02-03,20\nc1,2024-03-04,30\n");
    Path parquet = dir.resolve("customers.parquet");
    Files.createDirectories(parquet); // already there: the Parquet write fails after the parts are written
    Path out = dir.resolve("out");
    assertThatThrownBy(() -> ScoreJobTest.job("--transactions", tx.toString(), "--out", out.toString(),
        "--parquet-out", parquet.toString()).run(spark, TierModel.defaultModel(), Locale.ENGLISH, 1 << 10))
        .hasMessageContaining("already exists");
    assertThat(dir).isDirectoryNotContaining("glob:**/_strata-parts-*");
  }

  /** The tasks' Parquet is what CustomersParquet writes from customers.csv: the same schema, the same rows. */
  private void assertSameParquet(Path parquet, Path customersCsv) throws Exception {
    Path fromCsv = dir.resolve("from-csv.parquet");
    CustomersParquet.write(spark, customersCsv, fromCsv.toString());
    var want = spark.read().parquet(fromCsv.toString());
    var got = spark.read().parquet(parquet.toString());
    assertThat(got.schema()).isEqualTo(want.schema());
    assertThat(java.util.Arrays.stream(want.schema().fields()).map(f -> f.dataType().typeName()))
        .contains("long", "double", "string");
    assertThat(got.count()).isEqualTo(want.count()).isGreaterThan(5_000);
    assertThat(got.exceptAll(want).isEmpty()).isTrue();
    assertThat(want.exceptAll(got).isEmpty()).isTrue();
  }
}
