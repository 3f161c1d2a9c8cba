package strata.tier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import strata.i18n.Labels;
import strata.i18n.Placeholders;

/** Every kind of unusable model gives a stable code and its values, and reads in Chinese as in English. */
class TierModelErrorsTest {
  private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

  private static TierModelException refusal(String yaml) {
    TierModelException e = catchThrowableOfType(TierModelException.class, () -> TierModel.parse(yaml, "m.yaml"));
    assertThat(e).as(yaml).isNotNull();
    return e;
  }

  /** A model whose first tier has the given {@code service:} section. */
  private static TierModelException playbook(String service) {
    return refusal("tiers:\n  - id: key_account\n    when: monetary > 1000.0\n    service: " + service + "\n"
        + "  - id: rest\n");
  }

  @Test
  void anUnknownKeyNamesTheKeyAndWhatMayBeWritten() {
    TierModelException top = refusal("tier:\n  - id: a\n");
    assertThat(top.error()).isEqualTo(TierModelError.of(TierModelError.UNKNOWN_KEY, "key", "tier",
        "expected", "name, version, scoring, tiers"));
    assertThat(top.tierIndex()).isEqualTo(-1);
    assertThat(top.text(ZH)).isEqualTo("m.yaml: tier：未知的键（可用的键：name, version, scoring, tiers）");

    TierModelException inTier = refusal("tiers:\n  - id: a\n    whne: true\n");
    assertThat(inTier.error().code()).isEqualTo(TierModelError.UNKNOWN_KEY);
    assertThat(inTier.error().args()).containsEntry("tier", "a").containsEntry("key", "whne");
    assertThat(inTier.text(ZH))
        .isEqualTo("m.yaml: 等级 'a'：whne：未知的键（可用的键：id, name, description, when, service）");
    assertThat(inTier.getMessage())
        .isEqualTo("m.yaml: tier 'a': whne: unknown key (expected id, name, description, when, service)");
  }

  @Test
  void tierListMistakesHaveTheirOwnCodes() {
    TierModelException twice = refusal("tiers:\n  - id: a\n    when: r_score > 1\n  - id: a\n");
    assertThat(twice.error()).isEqualTo(TierModelError.of(TierModelError.DUPLICATE_TIER, "tier", "a"));
    assertThat(twice.tierIndex()).isEqualTo(1);
    assertThat(twice.text(ZH)).isEqualTo("m.yaml: 等级 'a' 定义了两次");

    assertThat(refusal("tiers:\n  - id: a\n    when: r_score > 3\n").error())
        .isEqualTo(TierModelError.of(TierModelError.MISSING_CATCH_ALL, "tier", "a"));
    assertThat(refusal("tiers:\n  - id: a\n  - id: b\n").error())
        .isEqualTo(TierModelError.of(TierModelError.EARLY_CATCH_ALL, "tier", "a"));
    assertThat(refusal("tiers: []\n").error()).isEqualTo(TierModelError.of(TierModelError.NO_TIERS));
    assertThat(refusal("- a\n- b\n").error()).isEqualTo(TierModelError.of(TierModelError.NOT_A_MODEL));
    assertThat(refusal("scoring: 3\ntiers:\n  - id: a\n").error())
        .isEqualTo(TierModelError.of(TierModelError.NOT_MAPPING, "key", "scoring"));
    assertThat(refusal("tiers:\n  - 5\n").error())
        .isEqualTo(TierModelError.of(TierModelError.TIER_NOT_MAPPING, "position", "1"));
    TierModelException badId = refusal("tiers:\n  - id: a\n  - id: A B\n");
    assertThat(badId.error().code()).isEqualTo(TierModelError.BAD_TIER_ID);
    assertThat(badId.error().args()).containsEntry("position", "2").containsEntry("value", "A B");
    assertThat(badId.text(Locale.ENGLISH)).startsWith("m.yaml: tier #2 needs an id");
    assertThat(refusal("tiers:\n  - id: a\n    name: [x]\n").error())
        .isEqualTo(TierModelError.of(TierModelError.NOT_LOCALIZED, "key", "name", "tier", "a"));
  }

  @Test
  void aBrokenConditionKeepsItsOwnReason() {
    TierModelException e = refusal("tiers:\n  - id: a\n    when: r_score >=\n  - id: b\n");
    assertThat(e.error().code()).isEqualTo(TierModelError.BAD_CONDITION);
    assertThat(e.error().args()).containsEntry("condition", "r_score >=").containsEntry("tier", "a");
    assertThat(e.condition().code()).isEqualTo(ConditionError.MISSING_OPERAND);
    assertThat(e.text(ZH)).isEqualTo("m.yaml: 等级 'a'：条件 \"r_score >=\" 无效：`>=` 后面缺少数值");
  }

  @Test
  void yamlSyntaxErrorsSayWhereTheyAre() {
    // Line 2 starts with a tab: column 1.
    assertThat(refusal("tiers:\n\t- id: a\n").error())
        .isEqualTo(TierModelError.of(TierModelError.YAML_TAB, "line", "2", "column", "1"));
    // The second "tiers:" is on line 3.
    assertThat(refusal("tiers:\n  - id: a\ntiers:\n  - id: b\n").error())
        .isEqualTo(TierModelError.of(TierModelError.DUPLICATE_KEY, "key", "tiers", "line", "3"));
    // "name: a: b": the second colon, 8th character of line 1, starts a mapping where a plain value is.
    TierModelException syntax = refusal("name: a: b\ntiers:\n  - id: a\n");
    assertThat(syntax.error().code()).isEqualTo(TierModelError.YAML_SYNTAX);
    assertThat(syntax.error().args()).containsEntry("line", "1").containsEntry("column", "8")
        .containsEntry("detail", "mapping values are not allowed here");
    assertThat(syntax.text(ZH)).isEqualTo("m.yaml: 第 1 行第 8 列不符合 YAML 格式：mapping values are not allowed here");
  }

  @Test
  void badPlaybookValuesNameTheTierTheKeyAndTheValue() {
    TierModelException low = playbook("{cadence: {every_days: 0, channels: [phone]}}");
    assertThat(low.error()).isEqualTo(TierModelError.of(TierModelError.BELOW_MINIMUM,
        "key", "service.cadence.every_days", "min", "1", "value", "0", "tier", "key_account"));
    assertThat(low.text(ZH)).isEqualTo("m.yaml: 等级 'key_account'：service.cadence.every_days：至少为 1，现为 0");
    assertThat(playbook("{cadence: {every_days: 30, channels: [phone, fax]}}").error().args())
        .containsEntry("value", "fax").containsEntry("expected", "visit, phone, wechat, sms, email");
    assertThat(playbook("{owner: {policy: assign, team: [王磊, 李娜, 王磊]}}").error())
        .isEqualTo(TierModelError.of(TierModelError.LISTED_TWICE, "key", "service.owner.team", "value", "王磊",
            "tier", "key_account"));
    assertThat(playbook("{colour: red}").error().code()).isEqualTo(TierModelError.UNKNOWN_KEY);
    assertThat(playbook("5").error()).isEqualTo(TierModelError.of(TierModelError.NOT_MAPPING, "key", "service",
        "tier", "key_account"));

    TierModelException shares = refusal("tiers:\n  - id: a\n    when: monetary > 1000.0\n"
        + "    service: {holdout: {experiment: e1, share: 0.1}}\n  - id: b\n"
        + "    service: {holdout: {experiment: e1, share: 0.2}}\n");
    assertThat(shares.error()).isEqualTo(TierModelError.of(TierModelError.EXPERIMENT_SHARE_DIFFERS,
        "key", "service.holdout.experiment", "value", "e1", "share", "0.2", "other", "0.1", "tier", "b"));

    TierModelException durations = refusal("tiers:\n  - id: a\n    when: monetary > 1000.0\n"
        + "    service: {holdout: {experiment: e1, share: 0.1, days: 60}}\n  - id: b\n"
        + "    service: {holdout: {experiment: e1, share: 0.1}}\n");
    assertThat(durations.error()).isEqualTo(TierModelError.of(TierModelError.EXPERIMENT_DAYS_DIFFERS,
        "key", "service.holdout.days", "value", "e1", "days", "—", "other", "60", "tier", "b"));
    assertThat(durations.text(ZH)).isEqualTo("m.yaml: 等级 'b'：service.holdout.days：'e1' 在此处的 days 为 —，"
        + "在另一等级中为 60（— 表示未设置，即服务器默认值）；同一实验只能有一个时长");
  }

  @Test
  void unreadableFilesHaveCodes(@TempDir Path dir) throws IOException {
    Path latin1 = Files.write(dir.resolve("latin1.yaml"), new byte[] {'n', 'a', 'm', 'e', ':', ' ', (byte) 0xE9});
    TierModelException e = catchThrowableOfType(TierModelException.class, () -> TierModel.load(latin1));
    assertThat(e.error().code()).isEqualTo(TierModelError.NOT_UTF8);
    assertThat(e.text(ZH)).isEqualTo("latin1.yaml: 分级模型文件必须使用 UTF-8 编码");
    Path huge = Files.writeString(dir.resolve("huge.yaml"), "#".repeat((1 << 20) + 1));
    assertThat(catchThrowableOfType(TierModelException.class, () -> TierModel.load(huge)).error().code())
        .isEqualTo(TierModelError.FILE_TOO_LARGE);
  }

  @Test
  void everyCodeHasASentenceInBothLanguagesWithTheSamePlaceholders() throws IllegalAccessException {
    for (java.lang.reflect.Field f : TierModelError.class.getFields()) {
      String code = (String) f.get(null);
      String en = Labels.get("model.error." + code, Locale.ENGLISH);
      String zh = Labels.get("model.error." + code, ZH);
      assertThat(en).as(code).isNotEqualTo("model.error." + code);
      assertThat(zh).as(code).isNotEqualTo("model.error." + code).isNotEqualTo(en);
      assertThat(Placeholders.of(zh)).as(code).isEqualTo(Placeholders.of(en));
    }
  }

  @Test
  void aValueThatLooksLikeAPlaceholderIsQuotedAsWritten() {
    TierModelError e = TierModelError.of(TierModelError.UNKNOWN_KEY, "key", "{expected}", "expected", "id");
    assertThat(TierModelErrorText.render(e, Locale.ENGLISH)).isEqualTo("{expected}: unknown key (expected id)");
  }
}
