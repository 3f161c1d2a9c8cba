package strata.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
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
import strata.intake.IntakeException;
import strata.intake.RejectedRowsWriter;
import strata.run.CustomersCsv;
import strata.run.Progress;
import strata.run.QualityDocument;
import strata.run.RunInputs;
import strata.run.RunResult;
import strata.run.ScoringRun;
import strata.tier.TierModel;

/** The Spark engine against the single-machine engine on the same file: the same customers, tiers and quality. */
class ScoreJobTest {
  private static SparkSession spark;
  @TempDir Path dir;

  @BeforeAll
  static void start() {
    spark = SparkSession.builder().master("local[2]").appName("strata-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.driver.host", "127.0.0.1")
        .getOrCreate();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void givesTheSingleMachineAnswerCustomerByCustomer() throws Exception {
    int rows = Integer.getInteger("strata.spark.rows", 100_000);
    Path file = dir.resolve("transactions.csv");
    TransactionsFile.write(file, rows, 19);
    Path single = dir.resolve("single");
    Files.createDirectories(single);
    RunResult expected;
    try (RejectedRowsWriter rejects = new RejectedRowsWriter(single.resolve("rejected.csv"))) {
      expected = ScoringRun.run(RunInputs.of(file), TierModel.defaultModel(), rejects, Progress.NONE);
    }
    CustomersCsv.write(expected, single.resolve("customers.csv"), Locale.ENGLISH);

    Path out = dir.resolve("spark");
    // Ranges of 256 KiB: the file is read by many tasks, so customers and orders span ranges.
    long started = System.nanoTime();
    RunResult actual = job("--transactions", file.toString(), "--out", out.toString(), "--lang", "en")
        .run(spark, TierModel.defaultModel(), Locale.ENGLISH, 256 << 10);

    System.err.printf("Spark job on %,d rows: %.1f s%n", rows, (System.nanoTime() - started) / 1e9);
    assertThat(actual.quality().get(0).rowsRejected()).isGreaterThan(rows / 200);
    assertThat(actual.quality().get(0).duplicateRows()).isGreaterThan(rows / 1000);
    assertThat(actual.customers().size).isEqualTo(expected.customers().size).isGreaterThan(rows / 20);
    assertSameCustomers(single.resolve("customers.csv"), out.resolve("customers.csv"));
    assertThat(Files.readString(out.resolve("rejected.csv"))).isEqualTo(Files.readString(single.resolve("rejected.csv")));
    ObjectMapper json = new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    JsonNode want = json.readTree(json.writeValueAsString(QualityDocument.of(expected)));
    assertThat(json.readTree(out.resolve("quality.json").toFile())).isEqualTo(want);
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
