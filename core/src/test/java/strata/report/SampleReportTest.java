package strata.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Writes sample reports to {@code target/} for people to look at (and for a headless-browser
 * screenshot); also shows how a later feature adds its own section with {@link SvgCharts}.
 */
class SampleReportTest {

  @Test
  void writesChineseAndEnglishSampleReports() throws Exception {
    Path zh = Path.of("target", "sample-report.html");
    Path en = Path.of("target", "sample-report-en.html");
    HtmlReport.write(withClvSection(SampleReports.shop(Locale.SIMPLIFIED_CHINESE)), zh);
    HtmlReport.write(withClvSection(SampleReports.shop(Locale.ENGLISH)), en);
    HtmlReport.write(SampleReports.empty(Locale.ENGLISH), Path.of("target", "sample-report-empty.html"));

    String html = Files.readString(zh, StandardCharsets.UTF_8);
    assertThat(html).startsWith("<!DOCTYPE html>").contains("lang=\"zh-CN\"")
        .contains("示例商贸有限公司").contains("id=\"clv-holdout\"");
    assertThat(ReportDom.parse(html).count("//section")).isEqualTo(8);
  }

  /** The CLV holdout chart as the CLV feature will add it: predicted vs actual repeat purchases. */
  static ReportData withClvSection(ReportData data) {
    SvgCharts charts = new SvgCharts(data.locale());
    boolean zh = "zh".equals(data.locale().getLanguage());
    // Illustrative numbers only, shaped like a BG/NBD holdout comparison.
    String svg = charts.lineChart(zh ? "验证期内的复购次数：预测与实际" : "Repeat purchases in the holdout period",
        zh ? "校准期购买次数" : "Purchases in the calibration period",
        zh ? "平均复购次数" : "Mean repeat purchases",
        List.of("0", "1", "2", "3", "4", "5", "6", "7+"),
        List.of(new SvgCharts.Series(zh ? "实际" : "Actual",
                new double[] {0.24, 0.67, 1.19, 1.58, 2.25, 2.58, 3.21, 4.64}),
            new SvgCharts.Series(zh ? "模型预测" : "Predicted",
                new double[] {0.22, 0.62, 1.08, 1.61, 2.13, 2.67, 3.14, 4.97})));
    ReportSection clv = new ReportSection("clv-holdout", zh ? "客户终身价值模型检验" : "CLV model check",
        "<p class=\"how-to-read\">" + Html.escape(zh
            ? "阅读说明：两条线越接近，模型对未来购买的预测越可靠。"
            : "How to read: the closer the two lines, the better the model predicts future purchases.")
            + "</p><figure class=\"chart-frame\">" + svg + "</figure>");
    return new ReportData(data.title(), data.locale(), data.asOf(), data.generatedAt(),
        data.modelName(), data.customers(), data.purchasers(), data.totalRevenue(),
        data.repeatRate(), data.atRiskRevenue(), data.tiers(), data.rfmCounts(),
        data.rfmMeanMonetary(), data.lifecycle(), data.rfmSegments(), data.abcClasses(),
        data.quality(), List.of(clv));
  }
}
