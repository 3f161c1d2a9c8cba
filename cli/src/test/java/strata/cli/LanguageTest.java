package strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** Every command that writes for a reader takes the same --lang, with the same default and values. */
class LanguageTest {
  @Test
  void everyReadersCommandHasTheOneLangOption() {
    CommandLine main = Main.command();
    OptionSpec score = main.getSubcommands().get("score").getCommandSpec().findOption("--lang");
    for (String name : List.of("plan", "clv", "churn", "demo")) {
      OptionSpec lang = main.getSubcommands().get(name).getCommandSpec().findOption("--lang");
      assertThat(lang).as(name).isNotNull();
      assertThat(lang.defaultValue()).as(name).isEqualTo("zh");
      assertThat(lang.description()).as(name).isEqualTo(score.description());
    }
  }

  @Test
  void anUnknownLanguageIsRefusedInEnglish() {
    // No language to say it in but the fallback.
    Cli r = Cli.run("churn", "--transactions", "x.csv", "--calibration-end", "1997-09-30", "--holdout-end",
        "1998-01-01", "--lang", "fr");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err().strip()).isEqualTo("strata: --lang must be one of zh, en, got 'fr'");
  }
}
