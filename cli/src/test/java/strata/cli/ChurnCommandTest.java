package strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChurnCommandTest {
  @TempDir Path dir;

  @Test
  void onTheCdnowMasterLogTheClassifierAtLeastMatchesBgNbd() throws IOException {
    Cli r = Cli.run("churn", "--transactions", Cli.shared("CDNOW_master.txt").toString(), "--delimiter", "whitespace",
        "--map", "amount=dollar_value", "--calibration-end", "1997-09-30",
        "--holdout-end", "1998-06-30", "--json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    // The CDNOW cohort: 23,570 customers, all first buying in the first quarter of 1997.
    assertThat(j.get("customers").asInt()).isEqualTo(23570);
    JsonNode c = j.get("classifier");
    JsonNode b = j.get("baseline");
    assertThat(c.get("customers").asInt()).isEqualTo(b.get("customers").asInt()).isBetween(7000, 7150);
    assertThat(c.get("auc").asDouble()).isGreaterThanOrEqualTo(b.get("auc").asDouble() - 0.005);
    // BG/NBD ranks CDNOW's repeat buyers well above chance; a Brier score above 0.25 would be worse than a coin.
    assertThat(b.get("auc").asDouble()).isBetween(0.7, 0.9);
    assertThat(c.get("brier").asDouble()).isLessThan(0.25);
    assertThat(c.get("pr_auc").asDouble()).isBetween(0.0, 1.0);
  }

  @Test
  void tooLittleDataIsSaidAndTheRunCompletes() throws IOException {
    Path tx = dir.resolve("few.csv");
    Files.writeString(tx, "customer_id,order_date,amount\nA,2024-01-01,5\nA,2024-02-01,5\nB,2024-01-03,7\n"
        + "C,2024-01-09,7\nC,2024-04-09,7\n");
    Cli r = Cli.run("churn", "--transactions", tx.toString(), "--calibration-end", "2024-03-01",
        "--holdout-end", "2024-06-01", "--json", "--lang", "en");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("classifier").isNull()).isTrue();
    assertThat(j.get("notes").toString()).contains("too few to train the churn classifier");
  }

  @Test
  void jsonNotesKeepTheirCodeAndValuesAndSayThemInTheChosenLanguage() throws IOException {
    Path tx = dir.resolve("few.csv");
    Files.writeString(tx, "customer_id,order_date,amount\nA,2024-01-01,5\nA,2024-02-01,5\nB,2024-01-03,7\n"
        + "C,2024-01-09,7\nC,2024-04-09,7\n");
    String[] args = {"churn", "--transactions", tx.toString(), "--calibration-end", "2024-03-01",
        "--holdout-end", "2024-06-01", "--json"};
    // A, B and C bought by 03-01: 3 customers, fewer than the 50 the classifier needs (ChurnAnalysis.MIN_CUSTOMERS);
    // the sentences of note.churn_too_few in the two labels bundles. Chinese is the default.
    JsonNode zh = tooFew(Cli.run(args));
    assertThat(zh.get("text").asText()).isEqualTo("3 位客户不足以训练流失分类模型（至少需要 50 位）");
    JsonNode en = tooFew(Cli.run(java.util.stream.Stream.concat(java.util.Arrays.stream(args),
        java.util.stream.Stream.of("--lang", "en")).toArray(String[]::new)));
    assertThat(en.get("text").asText()).isEqualTo("3 customers are too few to train the churn classifier "
        + "(at least 50 needed)");
    for (JsonNode note : java.util.List.of(zh, en)) {
      assertThat(note.get("args").toString()).isEqualTo("[\"3\",\"50\"]");
    }
  }

  /** The churn_too_few note of a --json answer. */
  private static JsonNode tooFew(Cli r) throws IOException {
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode notes = new ObjectMapper().readTree(r.out()).get("notes");
    for (JsonNode note : notes) if (note.get("code").asText().equals("churn_too_few")) return note;
    throw new AssertionError("no churn_too_few note in " + notes);
  }

  @Test
  void printsItsResultInTheChosenLanguage() throws IOException {
    Path tx = dir.resolve("few.csv");
    Files.writeString(tx, "customer_id,order_date,amount\nA,2024-01-01,5\nA,2024-02-01,5\nB,2024-01-03,7\n"
        + "C,2024-01-09,7\nC,2024-04-09,7\n");
    String[] args = {"churn", "--transactions", tx.toString(), "--calibration-end", "2024-03-01",
        "--holdout-end", "2024-06-01"};
    Cli zh = Cli.run(args);
    assertThat(zh.exit()).as(zh.err()).isZero();
    // A, B and C bought by 03-01; 03-01 to 06-01 is 31 + 30 + 31 = 92 days. Too few customers to train on.
    assertThat(zh.out()).startsWith("3 位客户在 2024-03-01 及之前有购买；结果窗口 92 天")
        .contains(String.format("%-16s", "流失分类器") + "未计算").contains("注意：")
        .doesNotContain("not computed").doesNotContain("note:");
    Cli en = Cli.run(java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.stream.Stream.of("--lang", "en"))
        .toArray(String[]::new));
    assertThat(en.out()).startsWith("3 customers bought up to 2024-03-01; outcome window 92 days")
        .contains(String.format("%-16s", "classifier") + "not computed").contains("note: ");
  }

  @Test
  void backwardsDatesGetOneClearLine() {
    Cli r = Cli.run("churn", "--transactions", dir.resolve("x.csv").toString(), "--calibration-end", "1997-09-30",
        "--holdout-end", "1997-01-01", "--lang", "en");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).startsWith("strata: --holdout-end (1997-01-01) must be after --calibration-end");
    Cli zh = Cli.run("churn", "--transactions", dir.resolve("x.csv").toString(), "--calibration-end", "1997-09-30",
        "--holdout-end", "1997-01-01");
    assertThat(zh.err().strip()).isEqualTo("strata: --holdout-end（1997-01-01）必须晚于 --calibration-end（1997-09-30）");
  }
}
