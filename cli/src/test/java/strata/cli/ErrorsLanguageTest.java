package strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Errors picocli finds in the command line, and the system's own failures, are said in the command's --lang. */
class ErrorsLanguageTest {
  @Test
  void anUnknownOptionIsNamedInTheCommandsLanguage() {
    Cli zh = Cli.run("clv", "--transactions", "t.csv", "--calibration-end", "2026-01-01", "--no-such-option");
    assertThat(zh.exit()).isEqualTo(2);
    assertThat(zh.err()).startsWith("strata: 未知的选项或参数：--no-such-option").doesNotContain("Unknown option");
    Cli en = Cli.run("clv", "--lang", "en", "--transactions", "t.csv", "--calibration-end", "2026-01-01",
        "--no-such-option");
    assertThat(en.err()).startsWith("strata: unknown option or argument: --no-such-option").doesNotContain("未知");
  }

  @Test
  void aMissingRequiredOptionIsNamed() {
    Cli zh = Cli.run("score", "--transactions", "orders.csv");
    assertThat(zh.exit()).isEqualTo(2);
    assertThat(zh.err()).startsWith("strata: 缺少必需的选项：--out").doesNotContain("Missing required");
    assertThat(Cli.run("score", "--lang", "en", "--transactions", "orders.csv").err())
        .startsWith("strata: missing required option: --out");
  }

  @Test
  void aValueOfTheWrongTypeNamesTheOptionAndTheValue() {
    Cli zh = Cli.run("score", "--transactions", "orders.csv", "--out", "x", "--threads", "many");
    assertThat(zh.exit()).isEqualTo(2);
    assertThat(zh.err()).startsWith("strata: --threads 的值无效：many");
    Cli en = Cli.run("score", "--lang", "en", "--transactions", "orders.csv", "--out", "x", "--as-of", "2026-13-45");
    assertThat(en.err()).startsWith("strata: invalid value for --as-of: 2026-13-45");
  }

  @Test
  void anOptionGivenTwiceIsNamed() {
    Cli en = Cli.run("score", "--lang", "en", "--transactions", "a.csv", "--transactions", "b.csv", "--out", "x");
    assertThat(en.exit()).isEqualTo(2);
    assertThat(en.err()).startsWith("strata: option given more than once: --transactions");
  }

  @Test
  void noCommandIsSaidWithTheCommandsToName() {
    Cli zh = Cli.run();
    assertThat(zh.exit()).isEqualTo(2);
    assertThat(zh.err()).startsWith("strata: 请指定一个命令：score, plan, clv, churn, demo, help")
        .doesNotContain("Missing required subcommand");
    assertThat(Cli.run("--lang", "en").err()).startsWith("strata: name a command: score, plan, clv, churn, demo, help");
  }

  @Test
  void aLangBeforeTheCommandsNameHoldsForItsErrorsAndOutput(@TempDir Path dir) throws Exception {
    assertThat(Cli.run("--lang", "en", "score", "--transactions", "orders.csv").err())
        .startsWith("strata: missing required option: --out");
    assertThat(Cli.run("--lang", "en", "score", "--transactions", dir.resolve("none.csv").toString(), "--out",
        dir.resolve("out").toString()).err()).contains("none.csv").doesNotContain("不存在");
    // Two buyers, one order each: the console's summary line, which score writes in its own --lang.
    Path orders = Files.writeString(dir.resolve("orders.csv"), "customer_id,order_date,amount\nc1,2026-01-05,10\nc2,2026-02-01,20\n");
    Cli en = Cli.run("--lang", "en", "score", "--quiet", "--transactions", orders.toString(), "--out",
        dir.resolve("out").toString());
    assertThat(en.exit()).as(en.err()).isZero();
    assertThat(en.out()).contains("scored 2 customers (2 with purchases)").doesNotContain("已评分");
  }

  @Test
  void theSystemsOwnFailuresAreSaidInBothLanguages() {
    Locale zh = Locale.SIMPLIFIED_CHINESE;
    assertThat(Errors.message(new NoSuchFileException("订单.csv"), zh)).isEqualTo("订单.csv：文件或文件夹不存在");
    assertThat(Errors.message(new NoSuchFileException("orders.csv"), Locale.ENGLISH))
        .isEqualTo("orders.csv: no such file or directory");
    assertThat(Errors.message(new AccessDeniedException("out"), zh)).isEqualTo("out：没有访问权限");
    assertThat(Errors.message(new OutOfMemoryError(), zh)).contains("内存不足", "-Xmx4g");
    assertThat(Errors.message(new IllegalStateException("boom"), Locale.ENGLISH))
        .isEqualTo("unexpected error: java.lang.IllegalStateException: boom (run with -Dstrata.debug=true for details)");
  }
}
