package strata.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.apache.spark.sql.SparkSession;
import strata.intake.RejectedRowsWriter;
import strata.run.CustomersCsv;
import strata.run.Predictions;
import strata.run.Progress;
import strata.run.QualityDocument;
import strata.run.RunInputs;
import strata.run.RunResult;
import strata.run.ScoringRun;
import strata.tier.TierModel;

/**
 * The single-machine run ({@code strata score}'s ScoringRun) and the Spark job on the same inputs, and the check that
 * they answer alike: customers.csv customer by customer, rejected.csv byte for byte, quality.json as JSON.
 */
final class SameAnswer {
  private SameAnswer() {}

  /** Both runs' results and output folders, and the seconds each took. */
  record Runs(RunResult single, ScoreJob.Result spark, Path singleOut, Path sparkOut, double singleSeconds,
      double sparkSeconds) {}

  /**
   * @param in the single-machine run's inputs; {@code jobOptions} must say the same to the job (its --out and --lang
   *     are added here)
   * @param rangeBytes bytes of the transactions file per Spark task
   */
  static Runs run(SparkSession spark, Path dir, RunInputs in, Predictions predictions, long rangeBytes,
      String... jobOptions) throws Exception {
    Path single = dir.resolve("single");
    Files.createDirectories(single);
    long started = System.nanoTime();
    RunResult expected;
    try (RejectedRowsWriter rejects = new RejectedRowsWriter(single.resolve("rejected.csv"))) {
      expected = ScoringRun.run(in, CompletableFuture.completedFuture(TierModel.defaultModel()), rejects,
          Progress.NONE, predictions);
    }
    CustomersCsv.write(expected, single.resolve("customers.csv"), Locale.ENGLISH);
    double singleSeconds = (System.nanoTime() - started) / 1e9;

    Path out = dir.resolve("spark");
    List<String> args = new ArrayList<>(List.of(jobOptions));
    args.addAll(List.of("--out", out.toString(), "--lang", "en"));
    started = System.nanoTime();
    ScoreJob.Result actual = ScoreJobTest.job(args.toArray(String[]::new))
        .run(spark, TierModel.defaultModel(), Locale.ENGLISH, rangeBytes);
    return new Runs(expected, actual, single, out, singleSeconds, (System.nanoTime() - started) / 1e9);
  }

  static void assertSame(Runs runs) throws Exception {
    ScoreJobTest.assertSameCustomers(runs.singleOut().resolve("customers.csv"), runs.sparkOut().resolve("customers.csv"));
    assertThat(Files.readString(runs.sparkOut().resolve("rejected.csv")))
        .isEqualTo(Files.readString(runs.singleOut().resolve("rejected.csv")));
    ObjectMapper json = new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    JsonNode want = json.readTree(json.writeValueAsString(QualityDocument.of(runs.single())));
    assertThat(json.readTree(runs.sparkOut().resolve("quality.json").toFile())).isEqualTo(want);
  }
}
