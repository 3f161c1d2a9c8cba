package strata.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import strata.i18n.Labels;

/** The job's --help speaks its --lang, as strata's does (no Spark session is started for help). */
class ScoreJobHelpTest {
  private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

  @Test
  void helpSpeaksTheJobsLang() {
    assertThat(help("--help", "--lang", "zh")).startsWith("用法：strata-spark")
        .contains("在 Apache Spark 上为客户评分", "驱动程序所在机器上的输出文件夹", "每个任务处理的交易文件字节数")
        .doesNotContain("Usage:", "output folder on the driver's machine");
    assertThat(help("--help", "--lang", "en")).startsWith("Usage: strata-spark")
        .contains("Score customers on Apache Spark", "output folder on the driver's machine",
            "bytes of the transactions file per task")
        .doesNotContain("用法", "驱动程序");
    assertThat(help("--help")).contains("驱动程序所在机器上的输出文件夹"); // zh by default
  }

  /** The job and each option it shows (hidden ones are refused on Spark and not shown), in both languages. */
  @Test
  void everyShownOptionIsDescribedInBothLanguages() {
    CommandLine job = ScoreJob.command();
    List<String> problems = new ArrayList<>();
    check("strata-spark", described(job, null), problems);
    int shown = 0;
    for (ArgSpec arg : job.getCommandSpec().args()) {
      if (arg.hidden()) continue;
      shown++;
      check(((OptionSpec) arg).longestName(), described(job, arg), problems);
    }
    assertThat(problems).isEmpty();
    assertThat(shown).isEqualTo(26); // 24 options in ScoreJob, --help and --version
  }

  private static void check(String what, String[] enZh, List<String> problems) {
    if (enZh[0].isBlank() || enZh[1].isBlank()) problems.add(what + ": no description in en or zh");
    else if (enZh[0].equals(enZh[1])) problems.add(what + ": zh reads as en: " + enZh[0]);
    else if (!HAN.matcher(enZh[1]).find()) problems.add(what + ": zh not Chinese: " + enZh[1]);
  }

  /** en and zh description of {@code arg}, or of the job when null, as picocli reads them for --help. */
  private static String[] described(CommandLine job, ArgSpec arg) {
    String[] texts = new String[2];
    Locale[] locales = {Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE};
    for (int i = 0; i < 2; i++) {
      job.setResourceBundle(Labels.bundle(locales[i]));
      texts[i] = String.join(" ",
          arg == null ? job.getCommandSpec().usageMessage().description() : arg.description());
    }
    return texts;
  }

  private static String help(String... args) {
    StringWriter out = new StringWriter();
    assertThat(ScoreJob.command().setOut(new PrintWriter(out, true)).execute(args)).isZero();
    return out.toString();
  }
}
