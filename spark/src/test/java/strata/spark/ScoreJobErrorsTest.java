package strata.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job's error line speaks its --lang, as strata score does (checked before any Spark session starts). */
class ScoreJobErrorsTest {
  @TempDir Path dir;

  @Test
  void anUnusableOptionIsSaidInTheJobsLanguage() {
    assertThat(run("--lang", "zh", "--range-mib", "0")).isEqualTo("strata-spark: --range-mib 至少为 1，实际为 0");
    assertThat(run("--lang", "en", "--range-mib", "0")).isEqualTo("strata-spark: --range-mib must be at least 1, got 0");
    assertThat(run("--range-mib", "0")).contains("至少为"); // zh by default
    // A bad --lang cannot be said in itself: English.
    assertThat(run("--lang", "fr")).isEqualTo("strata-spark: --lang must be one of zh, en, got 'fr'");
  }

  @Test
  void optionsTheSparkEngineDoesNotOfferAreRefusedByNameInTheJobsLanguage() {
    assertThat(run("--lang", "en", "--products")).isEqualTo("strata-spark: --products: not available on the Spark "
        + "engine yet; run without it, or with the single-machine engine (strata score)");
    assertThat(run("--lang", "zh", "--plan", "--horizon", "7", "--time-zone", "UTC"))
        .isEqualTo("strata-spark: --plan, --horizon, --time-zone：Spark 引擎暂不支持；请去掉该选项，或改用单机引擎（strata score）");
  }

  @Test
  void anUnknownOutlierPolicyIsNamed() {
    assertThat(run("--lang", "en", "--outliers", "drop"))
        .isEqualTo("strata-spark: --outliers must be one of keep, exclude, got 'drop'");
    assertThat(run("--lang", "zh", "--outliers", "drop")).isEqualTo("strata-spark: --outliers 须为 keep, exclude 之一，实际为 'drop'");
  }

  private String run(String... options) {
    String[] args = new String[options.length + 4];
    args[0] = "--transactions";
    args[1] = dir.resolve("orders.csv").toString();
    args[2] = "--out";
    args[3] = dir.resolve("out").toString();
    System.arraycopy(options, 0, args, 4, options.length);
    StringWriter err = new StringWriter();
    int code = ScoreJob.command().setErr(new PrintWriter(err, true)).execute(args);
    assertThat(code).isEqualTo(1);
    return err.toString().strip();
  }
}
