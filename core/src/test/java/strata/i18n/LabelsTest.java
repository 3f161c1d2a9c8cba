package strata.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import strata.lifecycle.LifecycleStage;
import strata.rfm.ClassicSegment;
import strata.rfm.RfmSegment11;
import strata.value.Component;
import strata.value.Quadrant;

class LabelsTest {

  private static Properties load(String resource) throws IOException {
    Properties p = new Properties();
    try (InputStream in = LabelsTest.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  private static List<String> enumKeys() {
    List<String> keys = new ArrayList<>();
    for (ClassicSegment s : ClassicSegment.values()) {
      keys.add(s.labelKey());
    }
    for (RfmSegment11 s : RfmSegment11.values()) {
      keys.add(s.labelKey());
    }
    for (LifecycleStage s : LifecycleStage.values()) {
      keys.add(s.labelKey());
    }
    for (Component c : Component.values()) {
      keys.add(c.labelKey());
    }
    for (Quadrant q : Quadrant.values()) {
      keys.add(q.labelKey());
    }
    keys.addAll(List.of("abc.class.A", "abc.class.B", "abc.class.C"));
    return keys;
  }

  @Test
  void bothBundlesHaveTheSameKeysAndCoverEveryEnum() throws IOException {
    Properties en = load("/strata/labels.properties");
    Properties zh = load("/strata/labels_zh.properties");
    assertThat(zh.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
    assertThat(en.stringPropertyNames()).containsAll(enumKeys());
  }

  @Test
  void everyLabelReadsRightInBothLanguages() throws IOException {
    assertThat(BundleCheck.problems(load("/strata/labels.properties"), load("/strata/labels_zh.properties"))).isEmpty();
  }

  @Test
  void theBundleCheckFindsBlankKeyOnlyAndUntranslatedTexts() {
    Properties en = new Properties();
    Properties zh = new Properties();
    en.putAll(java.util.Map.of("a", "Active", "b", " ", "c", "c", "d", "Score {0}", "e", "NPS", "f", "{0}, {1}"));
    zh.putAll(java.util.Map.of("a", "Active", "b", "空", "c", "丙", "d", "得分 {0}", "e", "NPS", "f", "{0}，{1}"));
    assertThat(BundleCheck.problems(en, zh))
        .containsExactly("zh a: not Chinese: Active", "en b: missing or blank", "en c: only its key");
  }

  @Test
  void chineseLocalesGetChinese() {
    assertThat(Labels.get("abc.class.A", Locale.CHINESE)).isEqualTo("A类客户");
    assertThat(Labels.get("abc.class.A", Locale.SIMPLIFIED_CHINESE)).isEqualTo("A类客户");
    assertThat(Labels.get("lifecycle.stage.new", Locale.forLanguageTag("zh-Hans-CN"))).isEqualTo("新客户");
  }

  @Test
  void otherLocalesAndNullFallBackToEnglish() {
    assertThat(Labels.get("abc.class.A", Locale.FRENCH)).isEqualTo("Class A");
    assertThat(Labels.get("abc.class.A", null)).isEqualTo("Class A");
    assertThat(Labels.get("abc.class.A", Locale.ENGLISH)).isEqualTo("Class A");
  }

  @Test
  void englishFallbackDoesNotDependOnTheMachineLocale() {
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
      assertThat(Labels.get("abc.class.A", Locale.GERMAN)).isEqualTo("Class A");
    } finally {
      Locale.setDefault(before);
    }
  }

  @Test
  void unknownKeysComeBackAsThemselves() {
    assertThat(Labels.get("no.such.label", Locale.CHINESE)).isEqualTo("no.such.label");
  }
}
