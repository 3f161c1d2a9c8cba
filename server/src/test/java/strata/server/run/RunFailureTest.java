package strata.server.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import strata.i18n.Labels;
import strata.scoring.ConfigException;
import strata.tier.TierModel;
import strata.tier.TierModelException;
import tools.jackson.databind.json.JsonMapper;

/** A failed run keeps why as data, so it reads in Chinese or English whenever it is opened. */
class RunFailureTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static RunNote storedAndRead(Throwable e) {
    String stored = RunFailure.of(e).stored(JSON);
    assertThat(stored.length()).isLessThanOrEqualTo(4000); // tier_run.error
    return RunFailure.read(stored, JSON);
  }

  @Test
  void aModelThatCannotBeUsedIsSaidAsTheEditorSaysIt() {
    TierModelException empty = catchThrowableOfType(TierModelException.class, () -> TierModel.parse("tiers: []\n", null));
    assertThat(storedAndRead(empty)).isEqualTo(new RunNote("no_tiers", "分级模型无法使用：'tiers' 必须是非空列表",
        "the tier model cannot be used: 'tiers' must be a non-empty list"));

    // The condition's own reason survives the round trip.
    TierModelException condition = catchThrowableOfType(TierModelException.class,
        () -> TierModel.parse("tiers:\n  - id: a\n    when: r_score >=\n  - id: b\n", null));
    RunNote read = storedAndRead(condition);
    assertThat(read.zh()).isEqualTo("分级模型无法使用：等级 'a'：条件 \"r_score >=\" 无效：`>=` 后面缺少数值");
    assertThat(read.en()).isEqualTo("the tier model cannot be used: " + condition.getMessage());
  }

  @Test
  void aScoringSettingKeepsItsCodeAndValues() {
    ConfigException e = new ConfigException(ConfigException.SETTING_NOT_WHOLE, "scoring.rfm.buckets", "value", "2.5");
    RunNote read = storedAndRead(e);
    assertThat(read.code()).isEqualTo(ConfigException.SETTING_NOT_WHOLE);
    assertThat(read.zh()).isEqualTo("分级模型无法使用：" + e.text(Locale.SIMPLIFIED_CHINESE));
    assertThat(read.en()).isEqualTo("the tier model cannot be used: " + e.getMessage());
  }

  @Test
  void noCustomersAndUnexpectedErrorsHaveTheirCodes() {
    assertThat(storedAndRead(new RunService.NoCustomers()))
        .isEqualTo(new RunNote("run_no_customers", "还没有客户：请先导入交易或客户",
            "no customers yet: import transactions or customers first"));
    RunNote huge = storedAndRead(new IllegalStateException("x".repeat(10_000)));
    assertThat(huge.code()).isEqualTo("run_unexpected");
    // The detail's first 500 characters: "IllegalStateException: " and 477 x.
    assertThat(huge.en()).contains("(IllegalStateException: " + "x".repeat(477) + "…)");
  }

  @Test
  void textStoredBeforeCodesIsShownAsWritten() {
    assertThat(RunFailure.read("interrupted: the server running it stopped", JSON))
        .isEqualTo(new RunNote(null, "interrupted: the server running it stopped",
            "interrupted: the server running it stopped"));
    assertThat(RunFailure.read("{odd} text", JSON)).isEqualTo(new RunNote(null, "{odd} text", "{odd} text"));
    assertThat(RunFailure.read(null, JSON)).isNull();
  }

  @Test
  void everyCodeHasASentenceInBothLanguagesWithTheSameArguments() {
    for (String code : new String[] {RunFailure.INTERRUPTED, RunFailure.NO_CUSTOMERS, RunFailure.MODEL_INVALID,
        RunFailure.UNEXPECTED, RunFailure.HIDDEN}) {
      String key = "note." + code;
      String en = Labels.get(key, Locale.ENGLISH);
      String zh = Labels.get(key, Locale.SIMPLIFIED_CHINESE);
      assertThat(en).as(key).isNotEqualTo(key);
      assertThat(zh).as(key).isNotEqualTo(key).isNotEqualTo(en);
      assertThat(placeholders(zh)).as(key).isEqualTo(placeholders(en));
    }
  }

  private static TreeSet<String> placeholders(String text) {
    TreeSet<String> names = new TreeSet<>();
    Matcher m = Pattern.compile("\\{(\\w+)}").matcher(text);
    while (m.find()) names.add(m.group(1));
    return names;
  }
}
