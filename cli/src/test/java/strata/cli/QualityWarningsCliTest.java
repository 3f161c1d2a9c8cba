package strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file's warnings in the console and the report follow --lang; quality.json keeps code, args and English text. */
class QualityWarningsCliTest {
  @TempDir Path dir;

  private static final String REPEAT_EN = "1 rows repeat an earlier row exactly; they are counted as they are, remove "
      + "them at the source if they are export errors";
  private static final String REPEAT_ZH = "1 行与前面某一行完全相同；已按原样计入，如属导出错误请在源头删除";

  /** Line 3 repeats line 2 byte for byte. */
  private Path transactions() throws IOException {
    Path tx = dir.resolve("tx.csv");
    Files.writeString(tx, """
        customer_id,order_date,amount
        A,2024-01-05,50.50
        A,2024-01-05,50.50
        B,2024-01-01,20.00
        """, StandardCharsets.UTF_8);
    return tx;
  }

  @Test
  void theRfmConsoleSaysTheWarningInTheChosenLanguage() throws IOException {
    Path tx = transactions();
    Cli zh = Cli.run("score", "--transactions", tx.toString(), "--as-of", "2024-01-11", "--only", "rfm",
        "--out", dir.resolve("zh").toString(), "--lang", "zh");
    assertThat(zh.exit()).as(zh.err()).isZero();
    assertThat(zh.out().lines()).contains("注意：" + REPEAT_ZH);
    Cli en = Cli.run("score", "--transactions", tx.toString(), "--as-of", "2024-01-11", "--only", "rfm",
        "--out", dir.resolve("en").toString(), "--lang", "en");
    assertThat(en.exit()).as(en.err()).isZero();
    assertThat(en.out().lines()).contains("note: " + REPEAT_EN);
  }

  @Test
  void qualityJsonHasTheCodeItsValuesAndEnglishWhateverTheLanguageAndTheReportFollowsIt() throws IOException {
    Path out = dir.resolve("out");
    Cli r = Cli.run("score", "--transactions", transactions().toString(), "--as-of", "2024-01-11",
        "--out", out.toString(), "--quiet", "--lang", "zh");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode file = new ObjectMapper().readTree(out.resolve("quality.json").toFile()).get("files").get(0);
    assertThat(file.get("duplicate_rows").asLong()).isEqualTo(1);
    assertThat(file.get("warnings")).hasSize(1);
    JsonNode w = file.get("warnings").get(0);
    assertThat(w.get("code").asText()).isEqualTo("quality_repeated_transactions");
    assertThat(w.get("args").toString()).isEqualTo("[\"1\"]");
    assertThat(w.get("text").asText()).isEqualTo(REPEAT_EN);
    assertThat(Files.readString(out.resolve("report.html"))).contains("<bdi>" + REPEAT_ZH + "</bdi>");
  }
}
