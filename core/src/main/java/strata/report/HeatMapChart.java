package strata.report;

import java.util.List;

/**
 * Heat map renderer. Colours run through ColorBrewer's sequential "Blues": one hue from light to
 * dark, so order is read from lightness alone, which colour-blind readers and grey-scale printers
 * keep.
 */
final class HeatMapChart {
  static final String NO_DATA_COLOUR = "#e9e9e9";
  private static final int[][] BLUES = {
      {0xef, 0xf3, 0xff}, {0xbd, 0xd7, 0xe7}, {0x6b, 0xae, 0xd6}, {0x31, 0x82, 0xbd},
      {0x08, 0x51, 0x9c}};
  private static final int LEGEND_STEPS = 20;
  private static final double CELL_H = 54;

  private HeatMapChart() {}

  static String render(ReportText text, SvgCharts.HeatMap map) {
    List<String> rows = map.rowLabels();
    List<String> columns = map.columnLabels();
    double[][] values = map.values();
    String[][] labels = map.cellLabels();
    double cellW = columns.isEmpty() ? 96 : Math.min(96, 520.0 / columns.size());
    double left = 28 + Svg.widest(rows, 90) + 10;
    double top = 8;
    double gridH = rows.size() * CELL_H;
    double width = Math.max(left + columns.size() * cellW + 16, 420);
    double height = top + gridH + 56 + 56;
    double[] range = finiteRange(values);
    StringBuilder svg = new StringBuilder();
    Svg.open(svg, width, height, "heat-map", map.title());
    for (int r = 0; r < rows.size(); r++) {
      double y = top + r * CELL_H;
      Svg.text(svg, left - 8, y + CELL_H / 2 + 4, "end", "category", rows.get(r), left - 34);
      for (int c = 0; c < columns.size(); c++) {
        String cellText = labels == null ? null : labels[r][c];
        cell(svg, map, left + c * cellW, y, cellW, values[r][c], range, r, c, cellText);
      }
    }
    for (int c = 0; c < columns.size(); c++) {
      Svg.text(svg, left + (c + 0.5) * cellW, top + gridH + 18, "middle", "category",
          columns.get(c), cellW - 4);
    }
    double gridW = columns.size() * cellW;
    Svg.text(svg, left + gridW / 2, top + gridH + 40, "middle", "axis-title",
        map.columnAxisLabel(), Math.max(gridW, 200));
    Svg.verticalTitle(svg, 14, top + gridH / 2, map.rowAxisLabel(), Math.max(gridH, 100));
    legend(svg, text, map.legendLabel(), range, hasNoData(values), left, top + gridH + 60);
    Svg.close(svg);
    return svg.toString();
  }

  private static void cell(StringBuilder svg, SvgCharts.HeatMap map, double x, double y,
      double w, double value, double[] range, int row, int column, String cellText) {
    boolean noData = Double.isNaN(value);
    double shade = noData ? 0 : shade(value, range);
    String tooltip = map.rowAxisLabel() + " " + map.rowLabels().get(row) + ", "
        + map.columnAxisLabel() + " " + map.columnLabels().get(column)
        + (cellText == null ? "" : ": " + cellText.replace("\n", " · "));
    svg.append("<rect class=\"cell\" x=\"").append(Svg.num(x + 1)).append("\" y=\"")
        .append(Svg.num(y + 1)).append("\" width=\"").append(Svg.num(w - 2))
        .append("\" height=\"").append(Svg.num(CELL_H - 2)).append("\" fill=\"")
        .append(noData ? NO_DATA_COLOUR : colour(shade)).append("\" data-shade=\"")
        .append(Svg.num(shade)).append("\"><title>").append(Html.escape(tooltip))
        .append("</title></rect>");
    if (cellText == null || cellText.isEmpty()) {
      return;
    }
    String[] lines = cellText.split("\n", -1);
    int shown = Math.min(lines.length, 2);
    String ink = shade > 0.55 ? "#ffffff" : Svg.TEXT;
    for (int i = 0; i < shown; i++) {
      double lineY = y + CELL_H / 2 + (shown == 1 ? 4 : i == 0 ? -4 : 13);
      svg.append("<g fill=\"").append(ink).append("\">");
      Svg.text(svg, x + w / 2, lineY, "middle", i == 0 ? "cell-label" : "cell-label minor",
          lines[i], w - 6);
      svg.append("</g>");
    }
  }

  private static void legend(StringBuilder svg, ReportText text, String label, double[] range,
      boolean noData, double x, double y) {
    Svg.text(svg, x, y, "start", "legend-title", label, 240);
    double stepW = 12;
    for (int i = 0; i < LEGEND_STEPS; i++) {
      double shade = i / (double) (LEGEND_STEPS - 1);
      svg.append("<rect class=\"legend-step\" x=\"").append(Svg.num(x + i * stepW))
          .append("\" y=\"").append(Svg.num(y + 6)).append("\" width=\"").append(Svg.num(stepW))
          .append("\" height=\"12\" fill=\"").append(colour(shade)).append("\"/>");
    }
    boolean known = range != null;
    Svg.text(svg, x, y + 34, "start", "legend-min",
        known ? text.decimal(range[0]) : ReportText.NOT_AVAILABLE, 110);
    Svg.text(svg, x + LEGEND_STEPS * stepW, y + 34, "end", "legend-max",
        known ? text.decimal(range[1]) : ReportText.NOT_AVAILABLE, 110);
    if (noData) {
      double swatchX = x + LEGEND_STEPS * stepW + 24;
      svg.append("<rect class=\"legend-empty\" x=\"").append(Svg.num(swatchX))
          .append("\" y=\"").append(Svg.num(y + 6)).append("\" width=\"12\" height=\"12\" fill=\"")
          .append(NO_DATA_COLOUR).append("\" stroke=\"#bbb\"/>");
      Svg.text(svg, swatchX + 18, y + 16, "start", "legend-empty-label", text.t("chart.noData"),
          120);
    }
  }

  /** {@code [lowest, highest]} of the finite values with zero included, or null if none. */
  private static double[] finiteRange(double[][] values) {
    double lowest = 0;
    double highest = 0;
    boolean any = false;
    for (double[] row : values) {
      for (double v : row) {
        if (!Double.isNaN(v)) {
          any = true;
          lowest = Math.min(lowest, v);
          highest = Math.max(highest, v);
        }
      }
    }
    return any ? new double[] {lowest, highest} : null;
  }

  private static boolean hasNoData(double[][] values) {
    for (double[] row : values) {
      for (double v : row) {
        if (Double.isNaN(v)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Where {@code value} sits between lowest (0) and highest (1); 0 when all values are equal. */
  static double shade(double value, double[] range) {
    double span = range[1] - range[0];
    return span > 0 ? (value - range[0]) / span : 0;
  }

  /** Linear interpolation between the five "Blues" colours, {@code shade} in [0, 1]. */
  static String colour(double shade) {
    double position = Math.max(0, Math.min(1, shade)) * (BLUES.length - 1);
    int lower = Math.min((int) Math.floor(position), BLUES.length - 2);
    double t = position - lower;
    StringBuilder hex = new StringBuilder("#");
    for (int channel = 0; channel < 3; channel++) {
      double mixed = BLUES[lower][channel] * (1 - t) + BLUES[lower + 1][channel] * t;
      hex.append(String.format(java.util.Locale.ROOT, "%02x", Math.round(mixed)));
    }
    return hex.toString();
  }
}
