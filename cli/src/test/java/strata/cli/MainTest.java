package strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MainTest {
  private static final String[] ALL = {"score", "plan", "clv", "churn", "demo", "help"};

  @Test
  void aRunBuildsOnlyTheCommandItNamesFirst() {
    assertThat(Main.command("score", "--transactions", "t.csv").getSubcommands()).containsOnlyKeys("score");
    assertThat(Main.command("plan").getSubcommands()).containsOnlyKeys("plan");
  }

  @Test
  void helpAnOptionFirstOrAWrongNameGetEveryCommand() {
    assertThat(Main.command("help", "score").getSubcommands()).containsOnlyKeys(ALL);
    assertThat(Main.command("--lang", "en", "score").getSubcommands()).containsOnlyKeys(ALL);
    assertThat(Main.command("scroe").getSubcommands()).containsOnlyKeys(ALL);
    assertThat(Main.command().getSubcommands()).containsOnlyKeys(ALL);
  }

  @Test
  void aWrongCommandNameIsAnsweredWithTheCloseOnesInItsLanguage() {
    Cli zh = Cli.run("scroe");
    assertThat(zh.exit()).isEqualTo(2);
    assertThat(zh.err()).startsWith("strata: 未知的选项或参数：scroe").contains("您是不是要输入：score")
        .doesNotContain("Did you mean");
    assertThat(Cli.run("--lang", "en", "scroe").err()).contains("did you mean: score");
  }
}
