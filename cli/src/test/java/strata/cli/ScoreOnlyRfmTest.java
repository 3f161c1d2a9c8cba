package strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoreOnlyRfmTest {
  @TempDir Path dir;

  private Path transactions() throws IOException {
    Path tx = dir.resolve("tx.csv");
    Files.writeString(tx, """
        customer_id,order_date,amount
        A,2024-01-05,50.50
        B,2024-01-01,20.00
        C,2024-01-10,30.00
        A,2024-01-10,100.00
        C,2024-01-08,-10.00
        B,2024-01-03,abc
        """, StandardCharsets.UTF_8);
    return tx;
  }

  @Test
  void writesOnlyRfmCsvAndTheRejectedRows() throws IOException {
    Path out = dir.resolve("out");
    Cli r = Cli.run("score", "--transactions", transactions().toString(), "--as-of", "2024-01-11", "--only", "rfm",
        "--out", out.toString(), "--quiet", "--lang", "en");
    assertThat(r.exit()).as(r.err()).isZero();
    // By hand, as of 2024-01-11, n = 3, score = 1 + floor(5 * worse / 3):
    //   recency days A 1, B 10, C 1: worse (strictly more days) A 1, B 0, C 1 -> 2, 1, 2
    //   frequency A 2, B 1, C 2: worse (strictly fewer) A 1, B 0, C 1 -> 2, 1, 2
    //   monetary A 150.50, B 20.00, C 20.00 (30 - 10): worse A 2, B 0, C 0 -> 4, 1, 1
    assertThat(Files.readAllLines(out.resolve("rfm.csv"))).containsExactly(
        "customer_id,recency_days,frequency,monetary,r_score,f_score,m_score",
        "A,1,2,150.50,2,2,4",
        "B,10,1,20.00,1,1,1",
        "C,1,2,20.00,2,2,1");
    assertThat(Files.readString(out.resolve("rejected.csv"))).contains("abc");
    try (Stream<Path> files = Files.list(out)) {
      assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("rfm.csv", "rejected.csv");
    }
    assertThat(r.out()).contains("scored 3 customers (RFM), as of 2024-01-11").contains("1 rejected");
  }

  @Test
  void summarisesInChineseWithoutEnglishWords() throws IOException {
    Cli zh = Cli.run("score", "--transactions", transactions().toString(), "--as-of", "2024-01-11", "--only", "rfm",
        "--out", dir.resolve("out").toString(), "--quiet");
    assertThat(zh.exit()).as(zh.err()).isZero();
    // Six rows in transactions(), B's "abc" amount rejected.
    assertThat(zh.out()).contains("已评分 3 位客户（RFM），评分日期 2024-01-11")
        .contains("tx.csv：6 行，接受 5 行，拒绝 1 行").doesNotContain("as of").doesNotContain("rows");
  }

  @Test
  void refusesWhatRfmAloneWouldSkipBeforeWritingAnything() throws IOException {
    Path out = dir.resolve("out");
    Path model = dir.resolve("model.yaml");
    Files.writeString(model, "tiers: []\n");
    Cli en = Cli.run("score", "--transactions", transactions().toString(), "--only", "rfm", "--customers",
        transactions().toString(), "--model", model.toString(), "--churn", "--out", out.toString(), "--lang", "en");
    assertThat(en.exit()).isEqualTo(Main.INPUT_ERROR);
    assertThat(en.err()).startsWith("strata: --only rfm computes RFM alone")
        .contains("no use for --customers, --model, --churn:");
    Cli zh = Cli.run("score", "--transactions", transactions().toString(), "--only", "rfm", "--plan",
        "--out", out.toString());
    assertThat(zh.exit()).isEqualTo(Main.INPUT_ERROR);
    assertThat(zh.err()).startsWith("strata: --only rfm 只根据交易计算 RFM").contains("用不到 --plan");
    assertThat(out).doesNotExist();
  }

  @Test
  void refusesAnUnknownPart() throws IOException {
    Cli r = Cli.run("score", "--transactions", transactions().toString(), "--only", "tiers",
        "--out", dir.resolve("out").toString(), "--lang", "en");
    assertThat(r.exit()).isEqualTo(Main.INPUT_ERROR);
    assertThat(r.err().strip()).isEqualTo("strata: --only takes rfm (RFM scores alone, written to rfm.csv), got 'tiers'");
  }
}
