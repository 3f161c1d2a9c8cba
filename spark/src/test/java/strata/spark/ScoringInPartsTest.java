package strata.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Random;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import strata.run.Predictions;
import strata.run.RunInputs;

/**
 * A run that needs no customer beside the others (no side files, predictions or outlier amounts) is scored in parts
 * on the cluster, and its customers.csv, rejected.csv and quality.json are the single-machine run's.
 */
class ScoringInPartsTest {
  private static SparkSession spark;
  @TempDir Path dir;

  @BeforeAll
  static void start() {
    spark = SparkSession.builder().master("local[2]").appName("strata-test")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .getOrCreate();
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
    SameAnswer.Runs runs = SameAnswer.run(spark, dir, RunInputs.of(tx), Predictions.NONE, 64 << 10,
        "--transactions", tx.toString());
    assertThat(runs.single().quality().get(0).amountOutliers().rows()).isZero();
    assertThat(runs.single().identity().caseVariants()).isNotEmpty();
    assertThat(runs.single().customers().clv.bgNbd()).isNotNull();
    assertThat(runs.spark().scoredInParts()).isTrue();
    assertThat(Files.readString(runs.singleOut().resolve("customers.csv")).lines().count()).isGreaterThan(5_000);
    SameAnswer.assertSame(runs);
    assertThat(runs.sparkOut().resolve(".customers-parts")).doesNotExist();
  }
}
