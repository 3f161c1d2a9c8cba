package strata.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import strata.i18n.Placeholders;
import strata.run.ScoringRun;
import strata.tier.TierModel;

/** A wrong scoring setting in a model file is a code with its key and values, in Chinese as in English. */
class ConfigExceptionTextTest {
  private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

  private static ConfigException refusal(String scoring) {
    TierModel model = TierModel.parse("scoring:\n" + scoring.indent(2) + "tiers:\n  - id: all\n", "m.yaml");
    return catchThrowableOfType(ConfigException.class, () -> ScoringRun.checkScoringSettings(model));
  }

  @Test
  void anUnknownSettingNamesItsPathAndTheKnownOnes() {
    ConfigException e = refusal("rfm: {bucket: 5}");
    assertThat(e.code()).isEqualTo(ConfigException.UNKNOWN_SETTING);
    assertThat(e.args()).containsEntry("key", "scoring.rfm.bucket");
    assertThat(e.text(ZH)).startsWith("scoring.rfm.bucket 不是已知的设置（可用：");
  }

  @Test
  void aValueOutOfRangeGivesTheBoundsAndTheValue() {
    // RFM buckets go from 2 to 10 (README "Scoring settings").
    ConfigException e = refusal("rfm: {buckets: 11}");
    assertThat(e.code()).isEqualTo(ConfigException.SETTING_OUT_OF_RANGE);
    assertThat(e.args()).containsEntry("key", "scoring.rfm.buckets").containsEntry("min", "2")
        .containsEntry("max", "10").containsEntry("value", "11");
    assertThat(e.text(ZH)).isEqualTo("scoring.rfm.buckets 必须在 2 到 10 之间，现为 11");
    assertThat(e.getMessage()).isEqualTo("scoring.rfm.buckets must be between 2 and 10, got 11");
  }

  @Test
  void churnedBeforeDormantNamesBothSettings() {
    ConfigException e = refusal("lifecycle: {dormant_days: 180, churned_days: 90}");
    assertThat(e.code()).isEqualTo(ConfigException.NOT_BELOW_OTHER);
    assertThat(e.text(ZH)).isEqualTo("scoring.lifecycle.churned_days（90）不能小于 dormant_days（180）");
  }

  @Test
  void everyCodeHasASentenceInBothLanguagesWithTheSamePlaceholders() {
    Placeholders.requireBothLanguages(ConfigException.class, "model.error.");
  }
}
