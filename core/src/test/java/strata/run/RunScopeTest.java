package strata.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class RunScopeTest {
  private static final RunInputs TX_ONLY = RunInputs.of(Path.of("tx.csv"));

  @Test
  void onlyNamesRfm() {
    assertThat(RunScope.only("rfm")).isEqualTo(RunScope.RFM);
    assertThat(RunScope.only(" RFM ")).isEqualTo(RunScope.RFM);
    assertThatThrownBy(() -> RunScope.only("abc")).isInstanceOfSatisfying(RunScope.ScopeException.class, e -> {
      assertThat(e.text(Locale.ENGLISH)).isEqualTo("--only takes rfm (RFM scores alone, written to rfm.csv), got 'abc'");
      assertThat(e.text(Locale.SIMPLIFIED_CHINESE)).startsWith("--only 只接受 rfm").endsWith("收到 'abc'");
    });
  }

  @Test
  void rfmAloneRefusesEveryPartItSkipsNamingThemAll() {
    RunInputs withSides = TX_ONLY.withSideFiles(Path.of("c.csv"), Path.of("i.csv"), Path.of("s.csv"));
    assertThatThrownBy(() -> RunScope.RFM.check(withSides, new Predictions(true, true, true), true, true))
        .isInstanceOfSatisfying(RunScope.ScopeException.class, e -> {
          String en = e.text(Locale.ENGLISH);
          assertThat(en).contains("--customers, --interactions, --surveys, --model, --churn, --clusters, --products, "
              + "--plan");
          assertThat(e.text(Locale.SIMPLIFIED_CHINESE)).contains("用不到 --customers, --interactions");
        });
    assertThatThrownBy(() -> RunScope.RFM.check(TX_ONLY, Predictions.NONE, true, false))
        .hasMessageContaining("no use for --model:");
  }

  @Test
  void rfmAloneTakesTheTransactionsWithTheirIntakeOptions() {
    RunInputs intakeOnly = TX_ONLY.withOutliersExcluded(true)
        .withMerges(new strata.identity.MergeOptions(java.util.List.of(), true));
    RunScope.RFM.check(intakeOnly, Predictions.NONE, false, false);
  }

  @Test
  void theWholeJobTakesEverything() {
    RunInputs withSides = TX_ONLY.withSideFiles(Path.of("c.csv"), Path.of("i.csv"), Path.of("s.csv"));
    RunScope.ALL.check(withSides, new Predictions(true, true, true), true, true);
  }
}
