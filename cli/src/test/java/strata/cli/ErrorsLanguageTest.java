package strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.Locale;
import org.junit.jupiter.api.Test;

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
