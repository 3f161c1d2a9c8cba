package strata.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static strata.report.SampleReports.money;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import strata.i18n.Note;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import strata.intake.FileQuality;

class HtmlReportTest {

  /** Three tiers with one customer each and revenue 50/30/20: shares are easy to do by hand. */
  private static ReportData handMade(Locale locale, List<TierRow> tiers, List<FileQuality> quality) {
    return new ReportData("Hand made", locale, SampleReports.AS_OF, SampleReports.GENERATED, "M",
        3, 3, money("100"), new BigDecimal("0.5"), money("20"), tiers, null, null, null, null,
        null, quality, null);
  }

  private static List<TierRow> threeTiers() {
    return List.of(new TierRow("a", "A", "", 1, money("50")), new TierRow("b", "B", "", 1, money("30")),
        new TierRow("c", "C", "", 1, money("20")));
  }

  @Test
  void tierSharesShownSumToOneHundredPercent() {
    ReportDom page = ReportDom.parse(HtmlReport.render(handMade(Locale.ENGLISH, threeTiers(), null)));
    // 1 of 3 customers each: 33.3% with the spare tenth to the first tier (largest remainder, ties by order).
    assertThat(page.texts("//table[@class='tier-table']//td[contains(@class,'customer-share')]"))
        .containsExactly("33.4%", "33.3%", "33.3%");
    assertThat(page.texts("//table[@class='tier-table']//td[contains(@class,'revenue-share')]"))
        .containsExactly("50.0%", "30.0%", "20.0%");
    // Bars: one per tier in each chart; revenue bars 50:30:20 in width.
    assertThat(page.count("//svg[@class='chart bar-chart']//rect[@class='bar']")).isEqualTo(3);
    List<Element> revenueBars = page.all("//svg[contains(@class,'horizontal-bar-chart')]//rect[@class='bar']");
    double unit = ReportDom.attr(revenueBars.get(0), "width") / 50;
    assertThat(ReportDom.attr(revenueBars.get(1), "width")).isCloseTo(30 * unit, within(0.02));
    assertThat(ReportDom.attr(revenueBars.get(2), "width")).isCloseTo(20 * unit, within(0.02));
    assertThat(page.texts("//svg[contains(@class,'horizontal-bar-chart')]//text[@class='value-label']"))
        .containsExactly("50.0% · 50", "30.0% · 30", "20.0% · 20");
  }

  @Test
  void sampleShopSharesSumToOneHundredInEveryTable() {
    ReportDom page = ReportDom.parse(HtmlReport.render(SampleReports.shop(Locale.ENGLISH)));
    for (String table : List.of("tier-table", "group-table lifecycle-table", "group-table segment-table",
        "group-table abc-table")) {
      for (String column : List.of("customer-share", "revenue-share")) {
        double sum = page.texts("//table[@class='" + table + "']//td[contains(@class,'" + column + "')]")
            .stream().mapToDouble(t -> Double.parseDouble(t.replace("%", ""))).sum();
        assertThat(sum).as(table + " " + column).isCloseTo(100.0, within(1e-9));
      }
    }
  }

  @Test
  void sampleShopShowsEveryChart() {
    ReportDom page = ReportDom.parse(HtmlReport.render(SampleReports.shop(Locale.ENGLISH)));
    assertThat(page.count("//svg[@class='chart bar-chart']//rect[@class='bar']")).isEqualTo(5);
    assertThat(page.count("//svg[contains(@class,'heat-map')]//rect[@class='cell']")).isEqualTo(25);
    assertThat(page.count("//svg[contains(@class,'funnel')]//rect[@class='bar']")).isEqualTo(5);
    // Top-left cell is R = 5, F = 1: rfmCounts[4][0] = 700, mean 60 + 0 + 12*4 = 108 (SampleReports).
    assertThat(page.texts("//svg[contains(@class,'heat-map')]//text[starts-with(@class,'cell-label')]").subList(0, 2))
        .containsExactly("700", "avg 108");
    // Bottom-right cell is R = 1, F = 5: rfmCounts[0][4] = 12.
    List<Element> cells = page.all("//svg[contains(@class,'heat-map')]//rect[@class='cell']");
    assertThat(cells.get(24).getElementsByTagName("title").item(0).getTextContent())
        .isEqualTo("Recency score (R) 1, Frequency score (F) 5: 12 · avg 780");
    // KPIs, whole units: 19,000 customers; 16,980/19,000 = 89.4% purchasers; 0.412 repeat rate.
    assertThat(page.texts("//div[@class='kpi-value']"))
        .containsExactly("19,000", "16,980", "5,460,000", "41.2%", "1,250,000");
    assertThat(page.texts("//div[@data-kpi='at-risk']/p").get(0)).contains("22.9%"); // 1.25M / 5.46M
  }

  @Test
  void chineseReportUsesYuanChineseDatesAndTexts() {
    String html = HtmlReport.render(SampleReports.shop(Locale.SIMPLIFIED_CHINESE));
    ReportDom page = ReportDom.parse(html);
    assertThat(page.all("/html").get(0).getAttribute("lang")).isEqualTo("zh-CN");
    assertThat(page.texts("//div[@class='kpi-value']")).contains("¥5,460,000", "¥1,250,000");
    assertThat(page.texts("//section[@id='kpis']/h2")).containsExactly("核心指标");
    assertThat(html).contains("2024年5月1日").contains("2024年5月2日 01:30 UTC");
    assertThat(page.texts("//table[@class='tier-table']//td[contains(@class,'revenue')][not(contains(@class,'share'))]"))
        .startsWith("¥1,250,000.00");
  }

  @Test
  void englishStaysEnglishOnAChineseServer() {
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
      String html = HtmlReport.render(SampleReports.shop(Locale.ENGLISH));
      assertThat(html).contains("Key figures").contains("2024-05-01").doesNotContain("核心指标");
      assertThat(HtmlReport.render(SampleReports.shop(Locale.forLanguageTag("fr-FR"))))
          .contains("Key figures");
    } finally {
      Locale.setDefault(before);
    }
  }

  @Test
  void hostileStringsAreEscapedEverywhere() {
    String script = "<script>alert('pwned')</script>";
    String attribute = "\" onmouseover=\"alert(1)";
    String rtl = "\u202Egnp.exe & 😀👨‍👩‍👧 שלום";
    String longName = "x".repeat(10_000);
    List<TierRow> tiers = List.of(new TierRow(script, script, attribute, 2, money("10")),
        new TierRow("long", longName, rtl, 1, money("5")));
    FileQuality file = new FileQuality("orders<img src=x onerror=alert(1)>.csv", script, "UTF-8",
        "&", Map.of(script, attribute), 10, 9, 1, Map.of("<b>bold</b>", 1L), 0, 0, List.of(), 0,
        Stream.of(script, rtl, longName).map(w -> Note.of("quality_repeated_rows", w)).toList());
    ReportData data = new ReportData(script, Locale.ENGLISH, SampleReports.AS_OF,
        SampleReports.GENERATED, attribute, 3, 3, money("15"), null, null, tiers, null, null,
        List.of(new CountRow("new", script, 3, money("15"))), null, null, List.of(file), null);
    String html = HtmlReport.render(data);
    ReportDom page = ReportDom.parse(html); // still well-formed
    assertThat(page.count("//script")).isZero();
    assertThat(page.count("//img")).isZero();
    assertThat(page.count("//b")).isZero();
    assertThat(page.count("//@*[starts-with(name(), 'on')]")).isZero();
    assertThat(html.toLowerCase(Locale.ROOT)).doesNotContain("<script");
    // The parser gives back exactly the original strings: escaped, not mangled.
    assertThat(page.texts("//h1")).containsExactly(script);
    assertThat(page.texts("//ul[@class='warnings']/li")).containsExactly(script + " rows repeat an earlier row exactly",
        rtl + " rows repeat an earlier row exactly", longName + " rows repeat an earlier row exactly");
    assertThat(page.texts("//article[@class='file-quality']/h3"))
        .containsExactly("orders<img src=x onerror=alert(1)>.csv");
    assertThat(page.texts("//tr[contains(@class,'reason')]/th")).containsExactly("– <b>bold</b>");
    // Data strings are isolated from the surrounding text direction.
    assertThat(page.count("//li/bdi")).isEqualTo(3);
    // The 10,000-character name is shortened inside the chart but whole in the table.
    assertThat(page.texts("//svg//text[@class='category']")).allMatch(t -> t.length() < 10_000 + 100);
    assertThat(page.all("//svg[@class='chart bar-chart']//text[@class='category']").get(1)
        .getLastChild().getTextContent()).endsWith("…").hasSizeLessThan(40);
    assertThat(page.texts("//table[@class='tier-table']/tbody/tr/th")).contains(longName);
  }

  @Test
  void emptyRunRendersWithoutNumbersThatDivideByZero() {
    for (Locale locale : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)) {
      String html = HtmlReport.render(SampleReports.empty(locale));
      ReportDom page = ReportDom.parse(html);
      assertThat(html).doesNotContain("NaN", "Infinity", "∞", "\uFFFD");
      assertThat(page.count("//section")).isEqualTo(7);
      assertThat(page.texts("//table[@class='tier-table']//td[contains(@class,'pct')]")).containsOnly("—");
      assertThat(page.count("//svg[contains(@class,'heat-map')]//rect[@class='cell']")).isEqualTo(25);
      assertThat(page.texts("//section[@id='quality']/p[@class='empty']")).hasSize(1);
      assertThat(page.texts("//div[@data-kpi='purchasers']/p").get(0)).startsWith("—");
    }
  }

  @Test
  void completelyBareDataRendersToo() {
    ReportData bare = new ReportData("", Locale.ENGLISH, SampleReports.AS_OF, SampleReports.GENERATED,
        "", 0, 0, BigDecimal.ZERO, null, null, null, null, null, null, null, null, null, null);
    ReportDom page = ReportDom.parse(HtmlReport.render(bare));
    assertThat(page.count("//p[@class='empty']")).isEqualTo(5); // tiers, lifecycle, segments, abc, quality
  }

  @Test
  void qualitySummaryShowsReasonsSharesAndCapsLongLists() {
    List<Note> warnings = IntStream.range(0, 60).mapToObj(i -> Note.of("quality_repeated_rows", i)).toList();
    FileQuality tx = SampleReports.transactionsQuality();
    FileQuality noisy = new FileQuality("noisy.csv", "transactions", "UTF-8", "\t", null, 1000,
        1000, 0, null, 0, 0, null, 0, warnings);
    ReportDom page = ReportDom.parse(HtmlReport.render(handMade(Locale.ENGLISH, threeTiers(),
        List.of(tx, noisy))));
    List<Element> files = page.all("//article[@class='file-quality']");
    assertThat(files).hasSize(2);
    // Rejected 52 of 184,052 = 0.028%: shown as "<0.1%", never "0.0%". Accepted 99.97% as ">99.9%".
    assertThat(page.texts("(//table[@class='quality-table'])[1]//tr[contains(@class,'rejected')]/td"))
        .containsExactly("52", "<0.1%");
    assertThat(page.texts("(//table[@class='quality-table'])[1]//tr[contains(@class,'accepted')]/td"))
        .containsExactly("184,000", ">99.9%");
    // Reasons, largest first, with readable labels and their stable codes.
    assertThat(page.texts("(//table[@class='quality-table'])[1]//tr[contains(@class,'reason')]/th"))
        .containsExactly("– Invalid date (bad_date)", "– Amount is not a number (bad_amount)",
            "– Missing customer id (missing_customer_id)");
    // 310 of 184,052 = 0.168% after the as-of date.
    assertThat(page.texts("(//table[@class='quality-table'])[1]//tr[contains(@class,'after-as-of')]/td"))
        .containsExactly("310", "0.2%");
    assertThat(page.texts("//p[@class='duplicate-lines']")).containsExactly("Duplicate lines: 1042, 1043, 88100");
    assertThat(page.count("(//ul[@class='warnings'])[2]/li")).isEqualTo(QualitySection.MAX_LISTED);
    assertThat(page.texts("//p[@class='more']")).containsExactly("… and 10 more");
    assertThat(page.texts("(//dl[@class='file-facts'])[2]//dd")).contains("Tab");
  }

  @Test
  void warningsReadInTheReportsLanguage() {
    FileQuality file = new FileQuality("tx.csv", "transactions", "UTF-8", ",", null, 3, 3, 0, null, 0, 1, List.of(3L),
        0, List.of(Note.of("quality_repeated_transactions", 1)));
    assertThat(ReportDom.parse(HtmlReport.render(handMade(Locale.SIMPLIFIED_CHINESE, threeTiers(), List.of(file))))
        .texts("//ul[@class='warnings']/li")).containsExactly("1 行与前面某一行完全相同；已按原样计入，如属导出错误请在源头删除");
    assertThat(ReportDom.parse(HtmlReport.render(handMade(Locale.ENGLISH, threeTiers(), List.of(file))))
        .texts("//ul[@class='warnings']/li")).containsExactly("1 rows repeat an earlier row exactly; they are counted "
            + "as they are, remove them at the source if they are export errors");
  }

  @Test
  void extraSectionsAppearBeforeDataQualityAndInTheContents() {
    ReportData data = SampleReportTest.withClvSection(SampleReports.shop(Locale.ENGLISH));
    ReportDom page = ReportDom.parse(HtmlReport.render(data));
    assertThat(page.all("//section").stream().map(s -> s.getAttribute("id")).toList())
        .containsExactly("kpis", "tiers", "rfm", "lifecycle", "segments", "abc", "clv-holdout", "quality");
    assertThat(page.all("//nav//a").stream().map(a -> a.getAttribute("href")).toList())
        .contains("#clv-holdout");
    assertThat(page.count("//section[@id='clv-holdout']//path[@class='series']")).isEqualTo(2);
  }

  @Test
  void writeCreatesDirectoriesAndWritesUtf8(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("out/nested/report.html");
    HtmlReport.write(SampleReports.shop(Locale.SIMPLIFIED_CHINESE), file);
    String read = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    assertThat(read).contains("示例商贸有限公司").contains("<meta charset=\"utf-8\"/>");
  }

  @Test
  void pageNeedsNothingFromTheNetwork() {
    // The SVG namespace is a name, not a download.
    String html = HtmlReport.render(SampleReports.shop(Locale.ENGLISH))
        .replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
    assertThat(html).doesNotContain("http://", "https://", "@import", "url(", "<script", "<link");
  }
}
