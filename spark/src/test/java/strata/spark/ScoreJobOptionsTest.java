package strata.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import strata.intake.AmountOutliers;
import strata.run.Predictions;
import strata.run.RunInputs;
import strata.run.RunResult;

/**
 * strata score's --outliers exclude, --churn and --clusters on the Spark engine: the single-machine run's answer, with
 * the same core code after each pass (the passes read on the cluster, the scoring and the models run on the driver).
 */
class ScoreJobOptionsTest {
  private static SparkSession spark;
  @TempDir Path dir;

  @BeforeAll
  static void start() {
    spark = LocalSpark.builder("strata-options-test").getOrCreate();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void leavesOutlierAmountsOutAsTheSingleMachineRunDoes() throws Exception {
    Path tx = transactions();
    SameAnswer.Runs runs = SameAnswer.run(spark, dir, RunInputs.of(tx).withOutliersExcluded(true), Predictions.NONE,
        256 << 10, "--transactions", tx.toString(), "--outliers", "exclude");

    // The planted amounts were judged outliers and left out: counted under their reason, listed in rejected.csv, and
    // the run was scored with them too to list the tiers they would have changed.
    AmountOutliers outliers = runs.single().quality().get(0).amountOutliers();
    assertThat(outliers.excluded()).isTrue();
    assertThat(outliers.rows()).isGreaterThanOrEqualTo(3);
    assertThat(outliers.tierChanges()).isNotNegative();
    assertThat(runs.single().quality().get(0).rejectedByReason()).containsEntry("amount_outlier", outliers.rows());
    assertThat(Files.readString(runs.singleOut().resolve("rejected.csv"))).contains("amount_outlier");
    SameAnswer.assertSame(runs);
  }

  @Test
  void trainsTheChurnClassifierAndFindsClustersAsTheSingleMachineRunDoes() throws Exception {
    Path tx = transactions();
    SameAnswer.Runs runs = SameAnswer.run(spark, dir, RunInputs.of(tx), new Predictions(true, true, false), 256 << 10,
        "--transactions", tx.toString(), "--churn", "--clusters");

    RunResult expected = runs.single();
    assertThat(expected.customers().churn).isNotNull();
    assertThat(expected.customers().clusters).isNotNull();
    assertThat(Files.readAllLines(runs.sparkOut().resolve("customers.csv")).get(0))
        .contains("churn_prob").contains("cluster_name");
    SameAnswer.assertSame(runs);
  }

  /** 20,000 generated rows (about 2,500 buyers over 900 days) and three amounts typed a thousand times too large. */
  private Path transactions() throws Exception {
    Path tx = dir.resolve("transactions.csv");
    TransactionsFile.write(tx, 20_000, 41);
    Files.writeString(tx, "C1,X1,2023-05-02,8888888.00,music\nC2,X2,2023-06-03,7777777.00,music\n"
        + "C3,X3,2023-07-04,-6666666.00,music\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    return tx;
  }
}
