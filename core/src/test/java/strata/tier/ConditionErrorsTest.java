package strata.tier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Malformed tier conditions give a code and the offending token, never the parser's token list. */
class ConditionErrorsTest {
  /** The error for a model whose second tier has {@code condition} (single-quoted in YAML). */
  private static TierModelException refusal(String condition) {
    String yaml = "tiers:\n  - id: first\n    when: r_score >= 4\n  - id: second\n    when: '"
        + condition.replace("'", "''") + "'\n  - id: rest\n";
    TierModelException e = catchThrowableOfType(TierModelException.class, () -> TierModel.parse(yaml, "m.yaml"));
    assertThat(e).as(condition).isNotNull();
    assertThat(e.tierIndex()).isEqualTo(1);
    assertThat(e.tierId()).isEqualTo("second");
    return e;
  }

  @ParameterizedTest(name = "{0} → {1} at `{2}`")
  @CsvSource(delimiterString = " ~ ", quoteCharacter = '`', value = {
      "r_score > ~ missing_operand ~ >",
      "r_score >= 4 && ~ missing_operand ~ &&",
      "r_score >= 4 || (f_score > ~ missing_operand ~ >",
      "abc_class in ['A', ~ unbalanced_paren ~ [",
      "(r_score > 3 ~ unbalanced_paren ~ (",
      "((r_score > 3) && f_score > 1 ~ unbalanced_paren ~ (",
      "r_score > 3) ~ unbalanced_paren ~ )",
      "abc_class in ['A', 'B' ~ unbalanced_paren ~ [",
      "abc_class == 'A ~ unbalanced_quote ~ '",
      "abc_class == \"A ~ unbalanced_quote ~ \"",
      "r_score = 3 ~ wrong_symbol ~ =",
      "r_score ≥ 3 ~ wrong_symbol ~ ≥",
      "r_score ＞ 3 ~ wrong_symbol ~ ＞",
      "r_score > 3 | f_score > 1 ~ wrong_symbol ~ |",
      "abc_class == ‘A’ ~ wrong_symbol ~ ‘",
      "r_score > 3 and f_score > 1 ~ word_operator ~ and",
      "r_score > 3 OR f_score > 1 ~ word_operator ~ OR",
      "r_score > 3 f_score > 1 ~ missing_connective ~ f_score",
      "r_score >> 3 ~ unexpected_token ~ >",
      "> 3 ~ unexpected_token ~ >",
      "r_score > 99999999999999999999 ~ number_too_large ~ 99999999999999999999",
      "abc_clas == 'A' ~ unknown_metric ~ abc_clas",
      "spend > 10 ~ unknown_metric ~ spend",
      "r_score > 3 && 客户等级 == 'A' ~ unknown_metric ~ 客户等级",
      "sqrt(monetary) > 3 ~ unknown_function ~ sqrt",
      "abc_class > 3 ~ type_mismatch ~ >",
      "r_score > 'high' ~ type_mismatch ~ >",
      "has_purchase && r_score ~ type_mismatch ~ &&",
      "r_score + 1 ~ not_boolean ~ r_score + 1",
      "abc_class ~ not_boolean ~ abc_class",
      "industry.matches('[') ~ bad_regex ~ [",
      "matches(region, '(?=x)') ~ bad_regex ~ (?=x)",
      "abc_class == 'A' # ~ unknown_symbol ~ #",
      "r_score > 3 @ 4 ~ unknown_symbol ~ @",
  })
  void eachMalformedConditionGetsItsCodeAndToken(String condition, String code, String token) {
    ConditionError error = refusal(condition).condition();
    assertThat(error.code()).as(condition).isEqualTo(code);
    assertThat(error.token()).as(condition).isEqualTo(token);
  }

  @Test
  void aMissingValueReadsAsAPlainSentenceInBothLanguages() {
    TierModelException e = refusal("r_score >");
    assertThat(e.condition().column()).isEqualTo(10); // just past "r_score >", where a value should be
    assertThat(ConditionErrorText.render(e.condition(), Locale.SIMPLIFIED_CHINESE)).isEqualTo("`>` 后面缺少数值");
    assertThat(ConditionErrorText.render(e.condition(), Locale.ENGLISH)).isEqualTo("a value is missing after `>`");
    assertThat(e.getMessage()).isEqualTo("m.yaml: tier 'second': condition \"r_score >\" is not valid: "
        + "a value is missing after `>`").doesNotContain("mismatched", "expecting", "IDENTIFIER");
  }

  @Test
  void aMisspeltMetricSuggestsTheNearestOne() {
    ConditionError error = refusal("abc_clas == 'A'").condition();
    assertThat(error.args()).containsEntry("suggestion", "abc_class");
    assertThat(ConditionErrorText.render(error, Locale.SIMPLIFIED_CHINESE))
        .isEqualTo("`abc_clas` 不是已知的指标；是否想写 `abc_class`？");
    // Nothing within two edits: the command line lists the metrics instead.
    assertThat(refusal("spend > 10").getMessage()).contains("known metrics: has_purchase");
  }

  @Test
  void typeMismatchesNameBothSidesInWords() {
    ConditionError error = refusal("abc_class > 3").condition();
    assertThat(error.args()).containsAllEntriesOf(Map.of("left", "string", "right", "int"));
    assertThat(ConditionErrorText.render(error, Locale.SIMPLIFIED_CHINESE)).isEqualTo("`>` 不能比较文本和整数");
  }

  @Test
  void emptyOverlongAndNonTextConditionsHaveTheirOwnCodes() {
    assertThat(refusal("   ").condition().code()).isEqualTo("empty_condition");
    assertThat(refusal("r_score > 1 && ".repeat(300) + "true").condition().code()).isEqualTo("too_long");
    String yaml = "tiers:\n  - id: a\n    when: 5\n  - id: rest\n";
    TierModelException e = catchThrowableOfType(TierModelException.class, () -> TierModel.parse(yaml, "m.yaml"));
    assertThat(e.condition().code()).isEqualTo("not_boolean");
    TierModelException blank = catchThrowableOfType(TierModelException.class,
        () -> TierModel.parse("tiers:\n  - id: a\n    when:\n  - id: rest\n", "m.yaml"));
    assertThat(blank.condition().code()).isEqualTo("empty_condition");
  }

  @Test
  void hostileTextIsClippedAndNeverEchoedWhole() {
    String token = "x".repeat(3000);
    ConditionError error = refusal(token + " > 1").condition();
    assertThat(error.code()).isEqualTo("unknown_metric");
    assertThat(error.token()).hasSize(58).endsWith("…");
    ConditionError injection = refusal("r_score > 3; DROP TABLE tier_model; --").condition();
    assertThat(injection.code()).isEqualTo("unknown_symbol");
    assertThat(injection.token()).isEqualTo(";");
  }

  @Test
  void deepNestingIsRefusedWithACodeNotAStackOverflow() {
    ConditionError error = refusal("(".repeat(1500) + "true" + ")".repeat(1500)).condition();
    assertThat(error.code()).isNotBlank();
    assertThat(ConditionErrorText.render(error, Locale.ENGLISH)).doesNotContain("Exception", "\tat ");
  }

  @Test
  void everyCodeHasASentenceInBothBundles() throws IllegalAccessException {
    for (java.lang.reflect.Field f : ConditionError.class.getFields()) {
      String code = (String) f.get(null);
      for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE}) {
        assertThat(strata.i18n.Labels.get("condition.error." + code, locale)).as(code + " " + locale)
            .doesNotStartWith("condition.error.");
      }
      assertThat(strata.i18n.Labels.get("condition.error." + code, Locale.SIMPLIFIED_CHINESE)).as(code)
          .isNotEqualTo(strata.i18n.Labels.get("condition.error." + code, Locale.ENGLISH));
    }
  }
}
