package strata.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/**
 * A wrong command line is said in the job's --lang, as strata's is (picocli's own messages are English only): exit 2,
 * the line, then the usage in the same language. No Spark session starts, the parse fails first.
 */
class ScoreJobCommandLineTest {
  @Test
  void anUnknownOptionIsNamedInTheJobsLanguage() {
    String zh = wrong("--transactions", "t.csv", "--out", "o", "--no-such-option");
    assertThat(zh).startsWith("strata-spark: 未知的选项或参数：--no-such-option")
        .contains("驱动程序所在机器上的输出文件夹").doesNotContain("Unknown option", "Usage:");
    String en = wrong("--lang", "en", "--transactions", "t.csv", "--out", "o", "--no-such-option");
    assertThat(en).startsWith("strata-spark: unknown option or argument: --no-such-option")
        .contains("output folder on the driver's machine").doesNotContain("未知", "用法");
  }

  @Test
  void aMissingRequiredOptionIsNamed() {
    assertThat(wrong("--transactions", "t.csv")).startsWith("strata-spark: 缺少必需的选项：--out")
        .doesNotContain("Missing required");
    assertThat(wrong("--lang", "en", "--transactions", "t.csv")).startsWith("strata-spark: missing required option: --out");
  }

  @Test
  void aValueOfTheWrongTypeNamesTheOptionAndTheValue() {
    assertThat(wrong("--transactions", "t.csv", "--out", "o", "--range-mib", "many"))
        .startsWith("strata-spark: --range-mib 的值无效：many");
    assertThat(wrong("--lang", "en", "--transactions", "t.csv", "--out", "o", "--as-of", "2026-13-45"))
        .startsWith("strata-spark: invalid value for --as-of: 2026-13-45");
  }

  @Test
  void anOptionGivenTwiceIsNamed() {
    assertThat(wrong("--lang", "en", "--transactions", "a.csv", "--transactions", "b.csv", "--out", "o"))
        .startsWith("strata-spark: option given more than once: --transactions");
    assertThat(wrong("--transactions", "a.csv", "--out", "o", "--out", "p")).startsWith("strata-spark: 选项重复给出：--out");
  }

  /** What the job prints on stderr for a command line it refuses with exit code 2. */
  private static String wrong(String... args) {
    StringWriter err = new StringWriter();
    assertThat(ScoreJob.command().setErr(new PrintWriter(err, true)).execute(args)).isEqualTo(2);
    return err.toString();
  }
}
