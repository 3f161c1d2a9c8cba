package strata.server.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import strata.i18n.Labels;

/** The two errors found before a model is parsed say what happened in their own words, not another code's. */
class ModelValidationTest {
  private static ModelValidation.ModelError refusal(String yaml) {
    return catchThrowableOfType(ModelValidation.Invalid.class, () -> ModelValidation.check(yaml)).error();
  }

  @Test
  void anEmptyModelSaysItIsEmpty() {
    ModelValidation.ModelError e = refusal("  \n");
    assertThat(e.code()).isEqualTo("empty_model");
    assertThat(e.text()).isEqualTo(Map.of("zh", "模型内容为空；请至少写出 'tiers:' 列表和一个等级",
        "en", "the model is empty; write at least a 'tiers:' list with one tier"));
  }

  @Test
  void aTooLongModelSaysHowLongItMayBe() {
    ModelValidation.ModelError e = refusal("#".repeat((1 << 20) + 1));
    assertThat(e.code()).isEqualTo("model_too_large");
    assertThat(e.args()).isEqualTo(Map.of("max", "1048576"));
    assertThat(e.text()).isEqualTo(Map.of("zh", "模型超过 1048576 个字符；请缩短",
        "en", "the model is longer than 1048576 characters; shorten it"));
  }

  @Test
  void bothCodesHaveTheirOwnSentenceInBothLanguagesNotAnotherCodes() {
    for (String code : new String[] {ModelValidation.EMPTY_MODEL, ModelValidation.MODEL_TOO_LARGE}) {
      String key = "model.error." + code;
      String en = Labels.get(key, Locale.ENGLISH);
      String zh = Labels.get(key, Locale.SIMPLIFIED_CHINESE);
      assertThat(en).as(key).isNotEqualTo(key)
          .isNotEqualTo(Labels.get("model.error.no_tiers", Locale.ENGLISH))
          .isNotEqualTo(Labels.get("model.error.file_too_large", Locale.ENGLISH));
      assertThat(zh).as(key).isNotEqualTo(key).isNotEqualTo(en);
    }
  }
}
