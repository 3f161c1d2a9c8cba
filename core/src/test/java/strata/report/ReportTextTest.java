package strata.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import strata.intake.RejectReason;

class ReportTextTest {
  private final ReportText zh = new ReportText(Locale.SIMPLIFIED_CHINESE);
  private final ReportText en = new ReportText(Locale.ENGLISH);

  /** The report's texts: the {@code report.*} keys of a labels bundle. */
  private static Properties bundle(String name) throws Exception {
    Properties all = new Properties();
    try (InputStream in = ReportText.class.getResourceAsStream("/strata/" + name)) {
      all.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    Properties report = new Properties();
    all.stringPropertyNames().stream().filter(k -> k.startsWith("report.")).forEach(k -> report.put(k, all.get(k)));
    return report;
  }

  @Test
  void bothLanguagesHaveTheSameTexts() throws Exception {
    assertThat(bundle("labels_zh.properties").stringPropertyNames())
        .hasSizeGreaterThan(150).isEqualTo(bundle("labels.properties").stringPropertyNames());
  }

  @Test
  void everyRejectionReasonHasALabelInBothLanguages() throws Exception {
    for (RejectReason reason : RejectReason.values()) {
      assertThat(bundle("labels.properties")).containsKey("report.reason." + reason.code());
      assertThat(bundle("labels_zh.properties")).containsKey("report.reason." + reason.code());
    }
  }

  @Test
  void aMissingTextIsAnErrorNotItsKey() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> en.t("no.such.text"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("'report.no.such.text'");
    assertThat(en.optional("no.such.text")).isNull();
  }

  @Test
  void chineseFormatsUseYuanAndChineseDates() {
    assertThat(zh.money(new BigDecimal("1234567.805"))).isEqualTo("¥1,234,567.80"); // half-even
    assertThat(zh.money(new BigDecimal("-12"))).isEqualTo("-¥12.00");
    assertThat(zh.moneyWhole(new BigDecimal("5460000.49"))).isEqualTo("¥5,460,000");
    assertThat(zh.date(LocalDate.of(2024, 5, 1))).isEqualTo("2024年5月1日");
    assertThat(zh.compact(15_000)).isEqualTo("1.5万");
    assertThat(zh.t("kpi.heading")).isEqualTo("核心指标");
  }

  @Test
  void englishFormatsArePlainWithIsoDates() {
    assertThat(en.money(new BigDecimal("1234.5"))).isEqualTo("1,234.50");
    assertThat(en.date(LocalDate.of(2024, 5, 1))).isEqualTo("2024-05-01");
    assertThat(en.compact(1_500_000)).isEqualTo("1.5M");
    assertThat(en.compact(0.2)).isEqualTo("0.2");
  }

  @Test
  void sharesOfRowsNeverHideSmallParts() {
    assertThat(en.percentOf(52, 184_052)).isEqualTo("<0.1%");
    assertThat(en.percentOf(184_000, 184_052)).isEqualTo(">99.9%");
    assertThat(en.percentOf(1, 4)).isEqualTo("25.0%");
    assertThat(en.percentOf(0, 4)).isEqualTo("0.0%");
    assertThat(en.percentOf(4, 4)).isEqualTo("100.0%");
    assertThat(en.percentOf(0, 0)).isEqualTo("—");
  }

  @Test
  void placeholdersAreFilled() {
    assertThat(en.t("quality.more", "10")).isEqualTo("… and 10 more");
  }
}
