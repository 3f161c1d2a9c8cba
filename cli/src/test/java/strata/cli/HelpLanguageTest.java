package strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import strata.i18n.Labels;

class HelpLanguageTest {
  private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

  @Test
  void scoreHelpSpeaksItsLang() {
    Cli zh = Cli.run("score", "--help", "--lang", "zh");
    assertThat(zh.exit()).isZero();
    assertThat(zh.out()).startsWith("用法：strata score")
        .contains("为客户评分并分级", "订单或订单行：客户编号、日期、金额", "标签、报告、控制台输出、消息及本帮助的语言", "显示本帮助并退出")
        .doesNotContain("Usage:", "orders or order lines", "Show this help");

    Cli en = Cli.run("score", "--help", "--lang", "en");
    assertThat(en.out()).startsWith("Usage: strata score")
        .contains("Score customers and assign tiers", "orders or order lines: customer id, date, amount",
            "Show this help message and exit.")
        .doesNotContain("用法", "订单或订单行");
  }

  @Test
  void helpIsChineseWithoutLangAsEveryOtherOutput() {
    assertThat(Cli.run("plan", "--help").out()).contains("订单或订单行", "根据分级模型的服务剧本规划服务任务");
    assertThat(Cli.run("--help").out()).contains("客户分级：", "子命令：", "生成演示数据", "显示某个命令的帮助")
        .doesNotContain("Display help");
    assertThat(Cli.run("help", "help").out()).contains("用法：", "要查看帮助的命令").doesNotContain("Usage");
  }

  @Test
  void stratasOwnHelpFollowsLang() {
    Cli en = Cli.run("--help", "--lang", "en");
    assertThat(en.exit()).isZero();
    assertThat(en.out()).startsWith("Usage: strata [-hV] [--lang=zh|en] [COMMAND]")
        .contains("Customer tiering:", "Commands:", "Show the help of a command.", "Show this help message and exit.")
        .doesNotContain("用法", "客户分级", "子命令");
    assertThat(Cli.run("--lang", "zh", "--help").out()).startsWith("用法：strata").contains("客户分级：", "子命令：");
    assertThat(Cli.run("--lang", "en", "help").out()).contains("Customer tiering:").doesNotContain("客户分级");
  }

  @Test
  void aLangBeforeTheCommandsNameHoldsForTheCommand() {
    assertThat(Cli.run("--lang", "en", "help", "score").out()).startsWith("Usage: strata score")
        .contains("Score customers and assign tiers");
    assertThat(Cli.run("--lang", "en", "score", "--help").out()).startsWith("Usage: strata score");
    assertThat(Cli.run("--lang", "en", "score", "--lang", "zh", "--help").out()).startsWith("用法：strata score");
  }

  @Test
  void aWrongOptionShowsTheUsageInItsLang() {
    Cli en = Cli.run("clv", "--lang", "en", "--no-such-option");
    assertThat(en.exit()).isEqualTo(2);
    assertThat(en.err()).contains("last day of the calibration period").doesNotContain("校准期");
  }

  /** Every command's and option's help text, read through picocli as --help prints it, in both languages. */
  @Test
  void everyOptionOfEveryCommandIsDescribedInBothLanguages() {
    CommandLine root = Main.command();
    List<String> problems = new ArrayList<>();
    for (CommandLine command : withSubcommands(root)) {
      String name = command.getCommandSpec().qualifiedName();
      check(name, described(root, command, null, false), problems);
      String[] header = described(root, command, null, true);
      if (!header[0].isEmpty() || !header[1].isEmpty()) check(name + " header", header, problems);
      for (ArgSpec arg : command.getCommandSpec().args()) {
        if (arg.hidden()) continue;
        String argName = arg.isOption() ? ((CommandLine.Model.OptionSpec) arg).longestName() : arg.paramLabel();
        check(name + " " + argName, described(root, command, arg, false), problems);
      }
    }
    assertThat(problems).isEmpty();
    assertThat(withSubcommands(root)).hasSize(7); // strata and score, plan, clv, churn, demo, help
  }

  static void check(String what, String[] enZh, List<String> problems) {
    if (enZh[0].isBlank() || enZh[1].isBlank()) problems.add(what + ": no description in en or zh");
    else if (enZh[0].equals(enZh[1])) problems.add(what + ": zh reads as en: " + enZh[0]);
    else if (!HAN.matcher(enZh[1]).find()) problems.add(what + ": zh not Chinese: " + enZh[1]);
  }

  /** en and zh description of {@code arg}, or of the command (its header: the line the list of commands shows). */
  private static String[] described(CommandLine root, CommandLine command, ArgSpec arg, boolean header) {
    String[] texts = new String[2];
    Locale[] locales = {Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE};
    for (int i = 0; i < 2; i++) {
      root.setResourceBundle(Labels.bundle(locales[i]));
      CommandLine.Model.UsageMessageSpec usage = command.getCommandSpec().usageMessage();
      texts[i] = String.join(" ", arg != null ? arg.description() : header ? usage.header() : usage.description());
    }
    return texts;
  }

  private static List<CommandLine> withSubcommands(CommandLine command) {
    List<CommandLine> all = new ArrayList<>(List.of(command));
    for (CommandLine sub : command.getSubcommands().values()) all.addAll(withSubcommands(sub));
    return all;
  }
}
