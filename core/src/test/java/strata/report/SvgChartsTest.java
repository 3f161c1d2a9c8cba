package strata.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class SvgChartsTest {
  private final SvgCharts charts = new SvgCharts(Locale.ENGLISH);

  private static List<SvgCharts.Bar> bars(double... values) {
    return java.util.stream.IntStream.range(0, values.length)
        .mapToObj(i -> new SvgCharts.Bar("b" + i, values[i], null)).toList();
  }

  @Test
  void verticalBarHeightsFollowTheValues() {
    ReportDom svg = ReportDom.parse(charts.barChart("T", "x", "y", bars(10, 20, 35)));
    List<Element> rects = svg.all("//rect[@class='bar']");
    assertThat(rects).hasSize(3);
    // Plot height 340 - 28 - 60 = 252; axis 0..40 (see ValueScaleTest), so heights are
    // 252 * 10/40 = 63, 252 * 20/40 = 126, 252 * 35/40 = 220.5, all standing on y = 28 + 252.
    assertThat(rects).extracting(r -> ReportDom.attr(r, "height")).containsExactly(63.0, 126.0, 220.5);
    for (Element r : rects) {
      assertThat(ReportDom.attr(r, "y") + ReportDom.attr(r, "height")).isCloseTo(280, within(0.01));
    }
    assertThat(svg.texts("//text[@class='value-label']")).containsExactly("10", "20", "35");
    assertThat(svg.texts("//text[@class='tick']")).containsExactly("0", "10", "20", "30", "40");
  }

  @Test
  void negativeBarsHangBelowTheBaseline() {
    List<Element> rects = ReportDom.parse(charts.barChart("T", "x", "y", bars(-10, 30)))
        .all("//rect[@class='bar']");
    // Axis -10..30 over 252 px: 6.3 px per unit, zero at y = 28 + 30 * 6.3 = 217.
    assertThat(ReportDom.attr(rects.get(0), "y")).isCloseTo(217, within(0.01));
    assertThat(ReportDom.attr(rects.get(0), "height")).isCloseTo(63, within(0.01));
    assertThat(ReportDom.attr(rects.get(1), "y")).isCloseTo(28, within(0.01));
    assertThat(ReportDom.attr(rects.get(1), "height")).isCloseTo(189, within(0.01));
  }

  @Test
  void horizontalBarWidthsFollowTheValuesFromOneStart() {
    List<Element> rects = ReportDom.parse(charts.horizontalBarChart("T", "c", "v",
        bars(5, 15, 50))).all("//rect[@class='bar']");
    double unit = ReportDom.attr(rects.get(0), "width") / 5;
    assertThat(ReportDom.attr(rects.get(1), "width")).isCloseTo(15 * unit, within(0.02));
    assertThat(ReportDom.attr(rects.get(2), "width")).isCloseTo(50 * unit, within(0.02));
    assertThat(rects).extracting(r -> r.getAttribute("x")).containsOnly(rects.get(0).getAttribute("x"));
  }

  @Test
  void funnelStagesAreCentredWithWidthsProportionalToValues() {
    List<Element> rects = ReportDom.parse(charts.funnel("T", "width = customers",
        bars(100, 50, 25, 0))).all("//rect[@class='bar']");
    double widest = ReportDom.attr(rects.get(0), "width");
    assertThat(rects).extracting(r -> ReportDom.attr(r, "width") / widest)
        .containsExactly(1.0, 0.5, 0.25, 0.0);
    double centre = ReportDom.attr(rects.get(0), "x") + widest / 2;
    for (Element r : rects) {
      assertThat(ReportDom.attr(r, "x") + ReportDom.attr(r, "width") / 2).isCloseTo(centre, within(0.01));
    }
    assertThatThrownBy(() -> charts.funnel("T", "w", bars(1, -1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
  }

  @Test
  void heatMapColoursRunFromLightToDarkAndGreysOutMissingCells() {
    SvgCharts.HeatMap map = new SvgCharts.HeatMap("H", "rows", "cols", List.of("r1", "r2"),
        List.of("c1", "c2", "c3"), new double[][] {{0, 5, 10}, {Double.NaN, 2.5, 7.5}},
        new String[][] {{"0", "5", "10"}, {"", "2.5", "7.5\nsecond"}}, "Customers");
    ReportDom svg = ReportDom.parse(charts.heatMap(map));
    List<Element> cells = svg.all("//rect[@class='cell']");
    assertThat(cells).hasSize(6);
    // ColorBrewer "Blues" ends: lightest #eff3ff for the lowest value, darkest #08519c for the highest.
    assertThat(cells.get(0).getAttribute("fill")).isEqualTo("#eff3ff");
    assertThat(cells.get(2).getAttribute("fill")).isEqualTo("#08519c");
    assertThat(cells.get(3).getAttribute("fill")).isEqualTo(HeatMapChart.NO_DATA_COLOUR);
    // 5 of 0..10 is halfway: the middle colour of the five stops, #6baed6.
    assertThat(cells.get(1).getAttribute("fill")).isEqualTo("#6baed6");
    assertThat(svg.count("//rect[@class='legend-step']")).isEqualTo(20);
    assertThat(svg.count("//rect[@class='legend-empty']")).isEqualTo(1);
    assertThat(svg.texts("//text[@class='legend-min']")).containsExactly("0");
    assertThat(svg.texts("//text[@class='legend-max']")).containsExactly("10");
    assertThat(svg.texts("//text[starts-with(@class,'cell-label')]"))
        .containsExactly("0", "5", "10", "2.5", "7.5", "second");
  }

  @Test
  void heatMapWithoutAnyDataStillRenders() {
    double nan = Double.NaN;
    ReportDom svg = ReportDom.parse(charts.heatMap(new SvgCharts.HeatMap("H", "r", "c",
        List.of("a"), List.of("x", "y"), new double[][] {{nan, nan}}, null, "L")));
    assertThat(svg.all("//rect[@class='cell']")).extracting(c -> c.getAttribute("fill"))
        .containsOnly(HeatMapChart.NO_DATA_COLOUR);
    assertThat(svg.texts("//text[@class='legend-max']")).containsExactly("—");
  }

  @Test
  void heatMapRejectsValuesThatDoNotMatchTheLabels() {
    assertThatThrownBy(() -> new SvgCharts.HeatMap("H", "r", "c", List.of("a", "b"), List.of("x"),
        new double[][] {{1}}, null, "L")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 rows of values for 2 row labels");
    assertThatThrownBy(() -> new SvgCharts.HeatMap("H", "r", "c", List.of("a"), List.of("x"),
        new double[][] {{1, 2}}, null, "L")).hasMessageContaining("row 0 has 2 cells for 1");
  }

  @Test
  void lineChartDrawsTwoSeriesWithGapsAndDistinctStyles() {
    double nan = Double.NaN;
    ReportDom svg = ReportDom.parse(charts.lineChart("CLV", "purchases", "repeat", List.of("0", "1", "2", "3"),
        List.of(new SvgCharts.Series("Actual", new double[] {1, 2, nan, 4}),
            new SvgCharts.Series("Predicted", new double[] {1.5, 1.5, 3, 3.5}))));
    assertThat(svg.count("//g[@data-series='0']/*[@class='point']")).isEqualTo(3);
    assertThat(svg.count("//g[@data-series='1']/*[@class='point']")).isEqualTo(4);
    String gapped = svg.all("//g[@data-series='0']/path[@class='series']").get(0).getAttribute("d");
    assertThat(gapped.chars().filter(c -> c == 'M')).hasSize(2); // restarts after the gap
    List<Element> paths = svg.all("//path[@class='series']");
    assertThat(paths.get(0).getAttribute("stroke")).isNotEqualTo(paths.get(1).getAttribute("stroke"));
    assertThat(paths.get(1).getAttribute("stroke-dasharray")).isNotEmpty();
    assertThat(svg.texts("//text[@class='legend-label']")).containsExactly("Actual", "Predicted");
    // At x = "1", 2 > 1.5: the actual label goes above its point, the predicted one below.
    Element actual = svg.all("//g[@data-series='0']//text[@class='value-label']").get(1);
    Element predicted = svg.all("//g[@data-series='1']//text[@class='value-label']").get(1);
    assertThat(actual.getTextContent()).isEqualTo("2");
    assertThat(predicted.getTextContent()).isEqualTo("1.5");
    assertThat(ReportDom.attr(actual, "y")).isLessThan(ReportDom.attr(predicted, "y"));
  }

  @Test
  void lineChartRejectsSeriesOfTheWrongLength() {
    assertThatThrownBy(() -> charts.lineChart("T", "x", "y", List.of("a", "b"),
        List.of(new SvgCharts.Series("s", new double[] {1})))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 values for 2 x labels");
    assertThatThrownBy(() -> new SvgCharts.Series("s", new double[] {Double.POSITIVE_INFINITY}))
        .hasMessageContaining("infinite");
    assertThatThrownBy(() -> new SvgCharts.Bar("b", Double.NaN, null)).hasMessageContaining("finite");
  }

  @Test
  void everyChartIsNamedForScreenReaders() {
    for (String chart : List.of(charts.barChart("Bars", "x", "y", bars(1)),
        charts.horizontalBarChart("HBars", "x", "y", bars(1)), charts.funnel("Funnel", "w", bars(1)),
        charts.lineChart("Lines", "x", "y", List.of("a"), List.of(new SvgCharts.Series("s", new double[] {1}))))) {
      ReportDom svg = ReportDom.parse(chart);
      Element root = svg.all("/svg").get(0);
      assertThat(root.getAttribute("role")).isEqualTo("img");
      assertThat(((Element) root.getFirstChild()).getTagName()).isEqualTo("title");
      assertThat(root.getFirstChild().getTextContent()).isEqualTo(root.getAttribute("aria-label"));
    }
  }

  @Test
  void emptyChartsRenderTheirAxes() {
    assertThat(ReportDom.parse(charts.barChart("T", "x", "y", List.of())).count("//rect")).isZero();
    assertThat(ReportDom.parse(charts.horizontalBarChart("T", "x", "y", List.of())).count("//line")).isPositive();
    assertThat(ReportDom.parse(charts.funnel("T", "w", List.of())).count("//rect")).isZero();
  }

  @Test
  void hostileLabelsAreEscapedAndLongOnesShortenedWithTheFullTextInTheTooltip() {
    String hostile = "<script>alert(\"x\")</script> & '" + "很长的名字".repeat(40) + " 😀";
    ReportDom svg = ReportDom.parse(charts.barChart("T", "x", "y",
        List.of(new SvgCharts.Bar(hostile, 3, "3 <b>"))));
    assertThat(svg.count("//script")).isZero();
    assertThat(svg.count("//b")).isZero();
    Element category = svg.all("//text[@class='category']").get(0);
    assertThat(category.getElementsByTagName("title").item(0).getTextContent()).isEqualTo(hostile);
    String shown = category.getLastChild().getTextContent();
    assertThat(shown).startsWith("<script>").endsWith("…").hasSizeLessThan(100);
    assertThat(svg.texts("//text[@class='value-label']")).containsExactly("3 <b>");
  }

  @Test
  void shorteningNeverSplitsAnEmoji() {
    String fitted = Svg.fit("😀".repeat(30), 60, 12); // 12 px each; (60 - 12) / 12 = 4 fit
    assertThat(fitted).isEqualTo("😀".repeat(4) + "…");
  }
}
