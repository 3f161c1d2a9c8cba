package strata.tier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import strata.i18n.Labels;

/** Every text a tier reason can contain exists in both languages and is a translation, not the key or the English. */
class TierReasonTextTest {
  private static final List<String> PHRASES = List.of("tier.reason.tier", "tier.reason.read", "tier.reason.separator",
      "tier.reason.catchAll", "tier.reason.notChecked", "tier.reason.missing", "tier.reason.yes", "tier.reason.no");

  private static List<String> keys() {
    List<String> keys = new ArrayList<>(PHRASES);
    for (Metric m : Metric.values()) {
      keys.add("metric." + m.variable());
      keys.add("metric." + m.variable() + ".help");
    }
    return keys;
  }

  @Test
  void everyMetricNameAndPhraseIsTranslatedInBothLanguages() {
    for (String key : keys()) {
      String en = Labels.get(key, Locale.ENGLISH);
      String zh = Labels.get(key, Locale.SIMPLIFIED_CHINESE);
      assertThat(en).as("en %s", key).isNotBlank().isNotEqualTo(key);
      assertThat(zh).as("zh %s", key).isNotBlank().isNotEqualTo(key);
      // A key missing from the Chinese bundle falls back to English, so "the same as English" means "missing".
      assertThat(zh).as("zh %s is not the English text", key).isNotEqualTo(en);
    }
  }

  @Test
  void metricNamesInChineseAreWrittenInChinese() {
    for (Metric m : Metric.values()) {
      String zh = TierReasonText.metricName(m, Locale.SIMPLIFIED_CHINESE);
      assertThat(zh.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN))
          .as("%s: %s", m.variable(), zh).isTrue();
    }
    assertThat(TierReasonText.metricName(Metric.RECENCY_DAYS, Locale.SIMPLIFIED_CHINESE)).isEqualTo("最近购买距今天数");
    assertThat(TierReasonText.metricName(Metric.ABC_CLASS, Locale.SIMPLIFIED_CHINESE)).isEqualTo("ABC 分类");
  }

  @Test
  void placeholdersMatchBetweenTheLanguages() {
    for (String key : PHRASES) {
      for (String placeholder : List.of("{0}", "{1}")) {
        assertThat(Labels.get(key, Locale.SIMPLIFIED_CHINESE).contains(placeholder)).as("%s %s", key, placeholder)
            .isEqualTo(Labels.get(key, Locale.ENGLISH).contains(placeholder));
      }
    }
  }
}
