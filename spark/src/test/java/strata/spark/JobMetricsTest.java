package strata.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import strata.tier.TierModel;

/** --metrics writes what the run moved: its shuffle, result bytes and heap, counted from Spark's task metrics. */
class JobMetricsTest {
  private static SparkSession spark;
  @TempDir Path dir;

  @BeforeAll
  static void start() {
    spark = LocalSpark.builder("strata-metrics-test").getOrCreate();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void reportsWhatTheRunMoved() throws Exception {
    // 400 rows of 90 customers (ids in lower case), no side files: scored in parts.
    Path tx = TransactionsFile.small(dir);
    Path metrics = dir.resolve("metrics.json");
    ScoreJob.Result result = ScoreJobTest.job("--transactions", tx.toString(), "--out", dir.resolve("out").toString(),
        "--metrics", metrics.toString()).run(spark, TierModel.defaultModel(), Locale.ENGLISH, 1 << 20);

    JsonNode m = new ObjectMapper().readTree(metrics.toFile());
    assertThat(result.scoredInParts()).isTrue();
    assertThat(m.get("scored_in_parts").asBoolean()).isTrue();
    assertThat(m.get("customers").asLong()).isEqualTo(90);
    assertThat(m.get("master").asText()).isEqualTo("local[2]");
    assertThat(m.get("executors_in_driver").asBoolean()).isTrue();
    // Records through the shuffle, counted by hand: the file is one range, so one merge, which the range sends one
    // record (its customers' summaries and its rows' fingerprints together, for merging the customers and finding
    // the duplicates, and its counts); each merged customer once more to sort them into the file's order (90), and
    // once more as the hash of its id with case folded, in the search for ids that differ only by case (90: every id
    // has a letter). Each record written is read once.
    assertThat(m.get("shuffle_write_records").asLong()).isEqualTo(1 + 90 + 90);
    assertThat(m.get("shuffle_read_records").asLong()).isEqualTo(1 + 90 + 90);
    assertThat(m.get("shuffle_read_bytes").asLong()).isEqualTo(m.get("shuffle_write_bytes").asLong()).isPositive();
    assertThat(m.get("tasks").asLong()).isPositive();
    assertThat(m.get("result_bytes").asLong()).isPositive();
    assertThat(m.get("broadcast_bytes").asLong()).isPositive();
    assertThat(m.get("seconds").asDouble()).isPositive();
    long peak = m.get("driver_heap_peak_bytes").asLong();
    assertThat(peak).isPositive().isLessThanOrEqualTo(m.get("driver_heap_max_bytes").asLong());
    assertThat(m.get("driver_heap_after_gc_peak_bytes").asLong()).isLessThanOrEqualTo(peak);
  }

  @Test
  void writesNoFileWithoutTheOption() throws Exception {
    Path tx = dir.resolve("orders.csv");
    Files.writeString(tx, "customer_id,order_date,amount\nc1,2024-01-02,10\nc2,2024-02-03,20\nc1,2024-03-04,30\n");
    Path out = dir.resolve("out");
    ScoreJobTest.job("--transactions", tx.toString(), "--out", out.toString())
        .run(spark, TierModel.defaultModel(), Locale.ENGLISH, 1 << 20);
    try (var files = Files.list(out)) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .containsExactlyInAnyOrder("customers.csv", "quality.json", "rejected.csv");
    }
  }
}
