package strata.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import strata.identity.MergeFile;
import strata.identity.MergeOptions;
import strata.intake.FileQuality;
import strata.intake.IntakeException;
import strata.run.Predictions;
import strata.run.RunInputs;
import strata.run.RunResult;
import strata.tier.TierModel;

/** The Spark engine against the single-machine engine on the same files: the same customers, tiers and quality. */
class ScoreJobTest {
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

  /**
   * The check: a million transaction rows with customers, interactions, surveys and accepted merges, dirty rows
   * of every kind in each file, on local[2] in ranges of 4 MiB (customers and orders span ranges).
   */
  @Test
  void givesTheSingleMachineAnswerCustomerByCustomerWithSideFilesAndDirtyRows() throws Exception {
    int rows = Integer.getInteger("strata.spark.rows", 1_000_000);
    Path tx = dir.resolve("transactions.csv");
    TransactionsFile.write(tx, rows, 19);
    SideFilesWriter.SideFiles side = SideFilesWriter.write(dir, tx, rows, 31);
    RunInputs in = RunInputs.of(tx).withSideFiles(side.customers(), side.interactions(), side.surveys())
        .withMerges(new MergeOptions(MergeFile.read(side.merge()), false));

    SameAnswer.Runs runs = SameAnswer.run(spark, dir, in, Predictions.NONE, 4 << 20, "--transactions", tx.toString(),
        "--customers", side.customers().toString(), "--interactions", side.interactions().toString(),
        "--surveys", side.surveys().toString(), "--merge", side.merge().toString());
    System.err.printf("%,d rows with side files: single machine %.1f s, Spark job %.1f s%n", rows,
        runs.singleSeconds(), runs.sparkSeconds());

    // The generated files hold what the check is about: each kind of dirty row, repeats, outlier amounts (kept, so
    // the run is scored without them too), orders of customers missing from the customers file, prospects, merges.
    RunResult expected = runs.single();
    FileQuality transactions = expected.quality().get(0);
    assertThat(transactions.rowsRejected()).isGreaterThan(rows / 200);
    for (String reason : List.of("bad_date", "bad_amount", "missing_customer_id", "wrong_field_count", "date_out_of_range",
        "bad_encoding")) {
      assertThat(transactions.rejectedByReason()).as(reason).containsKey(reason);
    }
    assertThat(transactions.duplicateRows()).isGreaterThan(rows / 1000);
    assertThat(transactions.amountOutliers().rows()).isPositive();
    assertThat(transactions.amountOutliers().tierChanges()).isNotNegative();
    assertThat(expected.identity().unknownCustomers()).isPositive();
    assertThat(expected.identity().merged()).containsEntry("C4", "C2");
    assertThat(expected.customers().size).isGreaterThan(expected.customers().purchasers).isGreaterThan(rows / 20);
    assertThat(expected.quality()).hasSize(4);
    // Side files no longer keep the customers on the driver: the cluster joins them with the parts of their buyers.
    assertThat(runs.spark().scoredInParts()).isTrue();
    assertThat(runs.spark().customers()).isEqualTo(expected.customers().size);
    SameAnswer.assertSame(runs);
  }

  @Test
  void aMissingFileIsNamed() {
    ScoreJob job = job("--transactions", dir.resolve("nope.csv").toString(), "--out", dir.resolve("o").toString());
    assertThatThrownBy(() -> job.run(spark, TierModel.defaultModel(), Locale.ENGLISH, 1 << 20))
        .isInstanceOf(IntakeException.class).hasMessageContaining("nope.csv").hasMessageContaining("not found");
  }

  @Test
  void aFileWithoutTheAmountColumnIsRefusedBeforeAnyTask() throws Exception {
    Path file = dir.resolve("t.csv");
    Files.writeString(file, "customer_id,order_date\nA,2024-01-01\n");
    ScoreJob job = job("--transactions", file.toString(), "--out", dir.resolve("o").toString());
    assertThatThrownBy(() -> job.run(spark, TierModel.defaultModel(), Locale.ENGLISH, 1 << 20))
        .isInstanceOf(IntakeException.class).hasMessageContaining("amount");
  }

  @Test
  void aFileOfOnlyBadRowsSaysWhy() throws Exception {
    Path file = dir.resolve("t.csv");
    Files.writeString(file, "customer_id,order_date,amount\nA,not a date,1\nB,2024-01-01,abc\n");
    Path out = dir.resolve("o");
    ScoreJob job = job("--transactions", file.toString(), "--out", out.toString());
    assertThatThrownBy(() -> job.run(spark, TierModel.defaultModel(), Locale.ENGLISH, 1 << 20))
        .isInstanceOf(IntakeException.class).hasMessageContaining("no usable rows (2 read, 2 rejected");
    // Rejected rows are kept beside the output, not dropped.
    assertThat(Files.readAllLines(out.resolve("rejected.csv"))).hasSize(3);
  }

  static ScoreJob job(String... args) {
    ScoreJob job = new ScoreJob();
    new CommandLine(job).parseArgs(args);
    return job;
  }

  /** Same rows in the same order; numbers equal or, for the fitted CLV values, within 1e-9 relative. */
  static void assertSameCustomers(Path expected, Path actual) throws Exception {
    List<CsvRecord> want = read(expected);
    List<CsvRecord> got = read(actual);
    assertThat(got).hasSameSizeAs(want);
    assertThat(got.get(0).getFields()).isEqualTo(want.get(0).getFields());
    List<String> header = want.get(0).getFields();
    for (int i = 1; i < want.size(); i++) {
      for (int f = 0; f < header.size(); f++) {
        String a = want.get(i).getField(f);
        String b = got.get(i).getField(f);
        if (a.equals(b)) continue;
        String where = "row " + i + " (" + want.get(i).getField(0) + "), " + header.get(f);
        assertThat(isNumber(a) && isNumber(b)).as(where + ": " + a + " vs " + b).isTrue();
        double x = Double.parseDouble(a);
        double y = Double.parseDouble(b);
        assertThat(Math.abs(x - y)).as(where + ": " + a + " vs " + b).isLessThanOrEqualTo(1e-9 * Math.max(1, Math.abs(x)));
      }
    }
  }

  private static boolean isNumber(String s) {
    try {
      Double.parseDouble(s);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static List<CsvRecord> read(Path file) throws Exception {
    try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
      return reader.stream().toList();
    }
  }
}
