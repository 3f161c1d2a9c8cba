package strata.report;

import java.util.ArrayList;
import java.util.List;

/** RFM heat map, lifecycle funnel, RFM segment table and ABC table. */
final class GroupSections {
  private static final int LEVELS = ReportData.RFM_LEVELS;

  private GroupSections() {}

  /**
   * R × F grid with R = 5 on top and F = 5 on the right, so the best customers sit top right as
   * in most RFM literature and dashboards.
   */
  static String rfm(ReportData data, ReportText text, SvgCharts charts) {
    long[][] counts = data.rfmCounts();
    double[][] means = data.rfmMeanMonetary();
    double[][] values = new double[LEVELS][LEVELS];
    String[][] labels = new String[LEVELS][LEVELS];
    List<String> rowLabels = new ArrayList<>();
    List<String> columnLabels = new ArrayList<>();
    for (int row = 0; row < LEVELS; row++) {
      int r = LEVELS - row;
      rowLabels.add(Integer.toString(r));
      columnLabels.add(Integer.toString(row + 1));
      for (int f = 1; f <= LEVELS; f++) {
        long count = counts[r - 1][f - 1];
        double mean = means[r - 1][f - 1];
        values[row][f - 1] = count;
        // A mean only means something for a non-empty cell; a stray value for 0 customers is ignored.
        labels[row][f - 1] = text.count(count) + (count > 0 && Double.isFinite(mean)
            ? "\n" + text.t("rfm.meanShort", text.moneyWhole(mean)) : "");
      }
    }
    String svg = charts.heatMap(new SvgCharts.HeatMap(text.t("rfm.chart"),
        text.t("rfm.axis.recency"), text.t("rfm.axis.frequency"), rowLabels, columnLabels,
        values, labels, text.t("rfm.legend")));
    return Page.section("rfm", text.t("rfm.heading"), text.t("rfm.note"),
        "<div class=\"heat-map-frame\">" + Page.chart(svg) + "</div>");
  }

  static String lifecycle(ReportData data, ReportText text, SvgCharts charts) {
    List<CountRow> stages = data.lifecycle();
    if (stages.isEmpty()) {
      return Page.section("lifecycle", text.t("lifecycle.heading"), text.t("lifecycle.note"),
          Page.empty(text.t("lifecycle.none")));
    }
    long[] tenths = Shares.tenthsOfPercentOfCounts(
        stages.stream().mapToLong(CountRow::customers).toArray());
    List<SvgCharts.Bar> bars = new ArrayList<>();
    for (int i = 0; i < stages.size(); i++) {
      CountRow stage = stages.get(i);
      String count = text.count(stage.customers());
      bars.add(new SvgCharts.Bar(stage.label(), stage.customers(),
          tenths == null ? count : count + " (" + Page.share(text, tenths, i) + ")"));
    }
    String body = Page.chart(charts.funnel(text.t("lifecycle.chart"), text.t("lifecycle.axis"),
        bars)) + Page.groupTable(text, "group-table lifecycle-table", stages);
    return Page.section("lifecycle", text.t("lifecycle.heading"), text.t("lifecycle.note"), body);
  }

  static String segments(ReportData data, ReportText text) {
    return table("segments", data.rfmSegments(), text, "segment-table");
  }

  static String abc(ReportData data, ReportText text) {
    return table("abc", data.abcClasses(), text, "abc-table");
  }

  private static String table(String id, List<CountRow> rows, ReportText text, String cssClass) {
    String body = rows.isEmpty() ? Page.empty(text.t(id + ".none"))
        : Page.groupTable(text, "group-table " + cssClass, rows);
    return Page.section(id, text.t(id + ".heading"), text.t(id + ".note"), body);
  }
}
