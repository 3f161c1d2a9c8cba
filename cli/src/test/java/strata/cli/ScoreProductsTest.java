package strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --products and --outliers through `strata score`: customers.csv, quality.json, rejected.csv, report.html. */
class ScoreProductsTest {
  @TempDir Path dir;

  private Path orders() throws IOException {
    StringBuilder sb = new StringBuilder("客户编号,下单日期,金额,产品,品类\n");
    for (int k = 0; k < 40; k++) {
      sb.append("c").append(k).append(",2024-03-0").append(1 + k % 9).append(',').append(800 + 37 * k)
          .append(",A4纸,办公用品\n");
    }
    sb.append("c1,2024-03-10,\"¥99,999,999.00\",投影仪,设备\n");
    Path file = dir.resolve("orders.csv");
    Files.writeString(file, sb.toString());
    return file;
  }

  @Test
  void theTypoIsReportedAndKeptByDefaultAndLeftOutWhenAsked() throws IOException {
    Path out = dir.resolve("kept");
    Cli r = Cli.run("score", "--transactions", orders().toString(), "--products", "--out", out.toString(), "--quiet",
        "--lang", "en");
    assertThat(r.exit()).as(r.err()).isZero();
    var outliers = transactions(out).get("amount_outliers");
    assertThat(outliers.get("rows").asLong()).isEqualTo(1);
    assertThat(outliers.get("examples").get(0).get("customer_id").asText()).isEqualTo("c1");
    assertThat(outliers.get("examples").get(0).get("amount").asDouble()).isEqualTo(99_999_999.0);
    assertThat(outliers.get("excluded").asBoolean()).isFalse();
    List<Map<String, String>> rows = ScoreCommandTest.rows(out.resolve("customers.csv"));
    // c1: 837 on A4纸 and 99,999,999 on 投影仪: 设备 is its top category by spend.
    assertThat(rows.get(1).get("top_category")).isEqualTo("设备");
    assertThat(rows.get(1).get("abc_class")).isEqualTo("A");
    assertThat(Files.readString(out.resolve("report.html"))).contains("Product preference");

    Path excluded = dir.resolve("excluded");
    r = Cli.run("score", "--transactions", orders().toString(), "--products", "--outliers", "exclude", "--out",
        excluded.toString(), "--quiet", "--lang", "en");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(transactions(excluded).get("amount_outliers").get("excluded").asBoolean()).isTrue();
    assertThat(transactions(excluded).get("rejected_by_reason").get("amount_outlier").asLong()).isEqualTo(1);
    assertThat(Files.readString(excluded.resolve("rejected.csv"))).contains("amount_outlier");
    rows = ScoreCommandTest.rows(excluded.resolve("customers.csv"));
    assertThat(rows.get(1).get("monetary")).isEqualTo("837.00");
    assertThat(rows.get(1).get("top_category")).isEqualTo("办公用品");

    // The tiers the typo changes: counted independently from the two runs' customers.csv, listed by both.
    List<Map<String, String>> keptRows = ScoreCommandTest.rows(out.resolve("customers.csv"));
    long differ = 0;
    for (int i = 0; i < keptRows.size(); i++) {
      assertThat(rows.get(i).get("customer_id")).isEqualTo(keptRows.get(i).get("customer_id"));
      if (!rows.get(i).get("tier").equals(keptRows.get(i).get("tier"))) differ++;
    }
    assertThat(differ).isPositive();
    for (Path run : List.of(out, excluded)) {
      var o = transactions(run).get("amount_outliers");
      assertThat(o.get("tier_changes").asLong()).isEqualTo(differ);
      assertThat(o.get("tier_change_examples").toString()).contains("\"customer_id\":\"c1\"");
    }
    assertThat(Files.readString(out.resolve("report.html"))).contains("Tiers the amount outliers change")
        .contains("class=\"outlier-tiers\"");
  }

  /** The transactions file's entry in quality.json. */
  private static com.fasterxml.jackson.databind.JsonNode transactions(Path out) throws IOException {
    return new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.resolve("quality.json").toFile())
        .get("files").get(0);
  }

  @Test
  void anUnknownOutlierPolicyIsAUsageError() throws IOException {
    Cli r = Cli.run("score", "--transactions", orders().toString(), "--outliers", "drop", "--out",
        dir.resolve("o").toString(), "--quiet");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).startsWith("strata: --outliers 须为 keep, exclude 之一，实际为 'drop'");
    Cli en = Cli.run("score", "--lang", "en", "--transactions", orders().toString(), "--outliers", "drop", "--out",
        dir.resolve("o").toString(), "--quiet");
    assertThat(en.err()).startsWith("strata: --outliers must be one of keep, exclude, got 'drop'");
  }
}
