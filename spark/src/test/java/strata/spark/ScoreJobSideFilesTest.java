package strata.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import strata.identity.MergeFile;
import strata.identity.MergeOptions;
import strata.intake.FormatSniffer;
import strata.intake.IntakeException;
import strata.intake.RejectedRowsWriter;
import strata.run.CustomersCsv;
import strata.run.Progress;
import strata.run.QualityDocument;
import strata.run.RunInputs;
import strata.run.RunResult;
import strata.run.ScoringRun;
import strata.tier.TierModel;

/**
 * The side files of strata score (customers, interactions, surveys, --merge, --merge-case-ids) on the Spark engine:
 * the single-machine run's answer with them, and its errors for bad ones.
 */
class ScoreJobSideFilesTest {
  private static SparkSession spark;
  @TempDir Path dir;

  @BeforeAll
  static void start() {
    spark = LocalSpark.builder("strata-side-files-test").getOrCreate();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void givesTheSingleMachineAnswerWithEverySideFile() throws Exception {
    int rows = 16_000; // small: the side files' join, not the transactions' scale, is what this test is about
    Path tx = dir.resolve("transactions.csv");
    TransactionsFile.write(tx, rows, 23);
    SideFilesWriter.SideFiles side = SideFilesWriter.write(dir, tx, rows, 29);

    Path single = dir.resolve("single");
    Files.createDirectories(single);
    RunInputs in = RunInputs.of(tx).withSideFiles(side.customers(), side.interactions(), side.surveys())
        .withMerges(new MergeOptions(MergeFile.read(side.merge()), true));
    RunResult expected;
    try (RejectedRowsWriter rejects = new RejectedRowsWriter(single.resolve("rejected.csv"))) {
      expected = ScoringRun.run(in, TierModel.defaultModel(), rejects, Progress.NONE);
    }
    CustomersCsv.write(expected, single.resolve("customers.csv"), Locale.ENGLISH);

    Path out = dir.resolve("spark");
    // Ranges of 128 KiB: five tasks, so a merged customer's rows lie in several ranges.
    ScoreJobTest.job("--transactions", tx.toString(), "--customers", side.customers().toString(),
        "--interactions", side.interactions().toString(), "--surveys", side.surveys().toString(),
        "--merge", side.merge().toString(), "--merge-case-ids", "--out", out.toString(), "--lang", "en")
        .run(spark, TierModel.defaultModel(), Locale.ENGLISH, 128 << 10);

    // The generated files exercise what they should: prospects, merges, case groups and each side file's rejections.
    assertThat(expected.customers().size).isGreaterThan(expected.customers().purchasers);
    assertThat(expected.identity().merged()).containsEntry("C4", "C2").containsEntry("c1", "C1");
    assertThat(expected.quality()).hasSize(4);
    String rejected = Files.readString(single.resolve("rejected.csv"));
    for (String reason : List.of("bad_encoding", "duplicate_customer", "missing_customer_id", "bad_date",
        "missing_date", "bad_score", "empty_survey")) {
      assertThat(rejected).contains(reason);
    }

    ScoreJobTest.assertSameCustomers(single.resolve("customers.csv"), out.resolve("customers.csv"));
    assertThat(Files.readString(out.resolve("rejected.csv"))).isEqualTo(rejected);
    ObjectMapper json = new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    JsonNode want = json.readTree(json.writeValueAsString(QualityDocument.of(expected)));
    assertThat(json.readTree(out.resolve("quality.json").toFile())).isEqualTo(want);
    assertThat(out.resolve(".side-files")).doesNotExist();
  }

  @Test
  void scoresEverySideFileInPartsWithTheSingleMachineAnswer() throws Exception {
    int rows = 16_000;
    Path tx = dir.resolve("transactions.csv");
    TransactionsFile.write(tx, rows, 37);
    SideFilesWriter.SideFiles side = SideFilesWriter.write(dir, tx, rows, 41);
    // A buyer whose id differs only by case from a prospect's: a group of a listed id and a buyer's, found not merged.
    Files.writeString(tx, "p" + (rows / 8 + 3) + ",Y1,2024-03-01,25.00,music\n", StandardOpenOption.APPEND);
    RunInputs in = RunInputs.of(tx).withSideFiles(side.customers(), side.interactions(), side.surveys())
        .withMerges(new MergeOptions(MergeFile.read(side.merge()), false));

    SameAnswer.Runs runs = SameAnswer.run(spark, dir, in, strata.run.Predictions.NONE, 64 << 10, "--transactions",
        tx.toString(), "--customers", side.customers().toString(), "--interactions", side.interactions().toString(),
        "--surveys", side.surveys().toString(), "--merge", side.merge().toString());

    RunResult expected = runs.single();
    assertThat(runs.spark().scoredInParts()).isTrue();
    assertThat(runs.spark().customers()).isEqualTo(expected.customers().size);
    assertThat(expected.customers().size).isGreaterThan(expected.customers().purchasers);
    assertThat(expected.identity().caseVariants()).contains(List.of("P" + (rows / 8 + 3), "p" + (rows / 8 + 3)));
    assertThat(expected.identity().unknownCustomers()).isPositive();
    assertThat(expected.identity().candidates()).isNotEmpty();
    assertThat(expected.notes().stream().map(strata.i18n.Note::code)).contains("unknown_engagement_ids");
    assertThat(runs.spark().quality()).hasSize(4);
    SameAnswer.assertSame(runs);
  }

  @Test
  void sideFilesOnAnotherFileSystemAreCopiedToTheDriverUnderTheirNames() throws Exception {
    // Hadoop's http:// file system stands for hdfs:// or s3a://: a file system that is not the driver's disk.
    Path customers = dir.resolve("customers.csv");
    Files.writeString(customers, "customer_id,name\nC1,One\n,nobody\nP9,Prospect\n");
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/crm/customers.csv", exchange -> {
      byte[] body = Files.readAllBytes(customers);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/crm/";
      Path out = dir.resolve("o");
      ScoreJobTest.job("--transactions", transactions().toString(), "--out", out.toString(),
          "--customers", url + "customers.csv").run(spark, TierModel.defaultModel(), Locale.ENGLISH, 1 << 20);
      RunResult local = ScoringRun.run(RunInputs.of(transactions()).withSideFiles(customers, null, null),
          TierModel.defaultModel(), r -> { }, Progress.NONE);
      assertThat(local.customers().size).isEqualTo(3); // C1, C2 and prospect P9
      assertThat(Files.readAllLines(out.resolve("customers.csv"))).hasSize(1 + 3);
      assertThat(Files.readAllLines(out.resolve("rejected.csv"))).hasSize(2)
          .element(1).asString().startsWith("customers.csv,3,missing_customer_id");
      assertThat(out.resolve(".side-files")).doesNotExist();
      assertThatThrownBy(() -> run("--interactions", url + "calls.csv"))
          .isInstanceOf(IntakeException.class).hasMessage(url + "calls.csv: file not found");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void aSideFileWithoutItsRequiredColumnGivesTheSingleMachineError() throws Exception {
    Path surveys = dir.resolve("surveys.csv");
    Files.writeString(surveys, "customer_id,nps\nC1,9\n");
    String error = singleMachineError(RunInputs.of(transactions()).withSideFiles(null, null, surveys));
    assertThat(error).contains("surveys.csv").contains("time");
    assertThatThrownBy(() -> run("--surveys", surveys.toString()))
        .isInstanceOf(IntakeException.class).hasMessage(error);
  }

  @Test
  void aSideFileInAnotherEncodingThanTheOneNamedGivesTheSingleMachineError() throws Exception {
    // A GBK customers file read as UTF-8, as --encoding utf-8 says: its Chinese header is not valid UTF-8.
    Path customers = dir.resolve("customers.csv");
    Files.write(customers, "客户编号,客户名称\nC1,华东公司\n".getBytes(Charset.forName("GBK")));
    RunInputs in = new RunInputs(transactions(), customers, null, null, null, FormatSniffer.Hints.NONE,
        java.nio.charset.StandardCharsets.UTF_8, Map.of(), 2, dir);
    String error = singleMachineError(in);
    assertThat(error).contains("customers.csv");
    assertThatThrownBy(() -> run("--customers", customers.toString(), "--encoding", "utf-8"))
        .isInstanceOf(IntakeException.class).hasMessage(error);
  }

  @Test
  void anUnknownEncodingIsNamedAsTheCommandLineNamesIt() {
    assertThatThrownBy(() -> run("--encoding", "latin-9x"))
        .isInstanceOf(IntakeException.class).hasMessage("--encoding: unknown encoding 'latin-9x'; use utf-8 or gbk");
  }

  @Test
  void aMergeFileRowWithOneIdNamesItsLine() throws Exception {
    Path merge = dir.resolve("merge.csv");
    Files.writeString(merge, "id_a,id_b\nC1,C2\nC3\n");
    assertThatThrownBy(() -> run("--merge", merge.toString()))
        .isInstanceOf(IntakeException.class)
        .hasMessage("merge.csv line 3: expected two customer ids (id_a,id_b), found 'C3'");
  }

  private Path transactions() throws Exception {
    Path tx = dir.resolve("t.csv");
    if (!Files.exists(tx)) Files.writeString(tx, "customer_id,order_date,amount\nC1,2024-01-01,10\nC2,2024-02-01,20\n");
    return tx;
  }

  private static String singleMachineError(RunInputs in) {
    try {
      ScoringRun.run(in, TierModel.defaultModel(), r -> { }, Progress.NONE);
    } catch (IntakeException e) {
      return e.getMessage();
    }
    throw new AssertionError("the single-machine run accepted the file");
  }

  private void run(String... options) throws Exception {
    List<String> args = new java.util.ArrayList<>(List.of("--transactions", transactions().toString(),
        "--out", dir.resolve("o").toString()));
    args.addAll(List.of(options));
    ScoreJobTest.job(args.toArray(String[]::new)).run(spark, TierModel.defaultModel(), Locale.ENGLISH, 1 << 20);
  }
}
