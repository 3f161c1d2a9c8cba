package strata.report;

import java.util.List;

/** Line chart renderer: categorical x positions, a zero-based value axis, a legend on top. */
final class LineChart {
  static final int MAX_SERIES = 4;
  // Dash and marker differ per series as well as colour, so lines stay apart in grey-scale print.
  private static final String[] DASHES = {"", "7 4", "2 3", "9 3 2 3"};
  private static final double WIDTH = 640;
  private static final double HEIGHT = 360;
  private static final double LEFT = 72;
  private static final double TOP = 44;

  private LineChart() {}

  static String render(ReportText text, String title, String xAxisLabel, String yAxisLabel,
      List<String> xLabels, List<SvgCharts.Series> series) {
    double plotW = WIDTH - LEFT - 20;
    double plotH = HEIGHT - TOP - 60;
    double[][] values = series.stream().map(SvgCharts.Series::values).toArray(double[][]::new);
    ValueScale scale = scaleOf(values);
    StringBuilder svg = new StringBuilder();
    Svg.open(svg, WIDTH, HEIGHT, "line-chart", title);
    for (double tick : scale.ticks()) {
      double y = TOP + plotH * (1 - scale.fraction(tick));
      Svg.line(svg, LEFT, y, LEFT + plotW, y, Svg.GRID, "grid");
      Svg.text(svg, LEFT - 6, y + 4, "end", "tick", text.compact(tick), LEFT - 24);
    }
    double band = xLabels.isEmpty() ? plotW : plotW / xLabels.size();
    double baseline = TOP + plotH * (1 - scale.fraction(0));
    Svg.line(svg, LEFT, baseline, LEFT + plotW, baseline, Svg.AXIS, "axis");
    for (int i = 0; i < xLabels.size(); i++) {
      Svg.text(svg, LEFT + (i + 0.5) * band, TOP + plotH + 18, "middle", "category",
          xLabels.get(i), band - 2);
    }
    for (int s = 0; s < series.size(); s++) {
      double[] ys = new double[values[s].length];
      for (int i = 0; i < ys.length; i++) {
        ys[i] = TOP + plotH * (1 - scale.fraction(values[s][i]));
      }
      seriesGroup(svg, text, s, series.get(s).name(), values, ys, band);
    }
    legend(svg, series);
    Svg.text(svg, LEFT + plotW / 2, HEIGHT - 10, "middle", "axis-title", xAxisLabel, plotW);
    Svg.verticalTitle(svg, 16, TOP + plotH / 2, yAxisLabel, plotH);
    Svg.close(svg);
    return svg.toString();
  }

  private static void seriesGroup(StringBuilder svg, ReportText text, int s, String name,
      double[][] values, double[] ys, double band) {
    String colour = SvgCharts.PALETTE.get(s);
    svg.append("<g class=\"series-group\" data-series=\"").append(s).append("\">");
    svg.append("<path class=\"series\" fill=\"none\" stroke=\"").append(colour)
        .append("\" stroke-width=\"2.5\"");
    if (!DASHES[s].isEmpty()) {
      svg.append(" stroke-dasharray=\"").append(DASHES[s]).append('"');
    }
    svg.append(" d=\"").append(pathData(values[s], ys, band)).append("\"/>");
    for (int i = 0; i < ys.length; i++) {
      double v = values[s][i];
      if (Double.isNaN(v)) {
        continue;
      }
      double x = LEFT + (i + 0.5) * band;
      String label = text.decimal(v);
      marker(svg, s, x, ys[i], colour, name + ": " + label);
      double[] offset = labelOffset(values, s, i);
      svg.append("<g fill=\"").append(colour).append("\">");
      Svg.text(svg, x + offset[0], ys[i] + offset[1], offset[0] > 0 ? "start" : "middle",
          "value-label", label, band);
      svg.append("</g>");
    }
    svg.append("</g>");
  }

  /** Moves to each point after a gap (NaN) and draws a line to each following point. */
  private static String pathData(double[] values, double[] ys, double band) {
    StringBuilder d = new StringBuilder();
    boolean drawing = false;
    for (int i = 0; i < values.length; i++) {
      if (Double.isNaN(values[i])) {
        drawing = false;
        continue;
      }
      d.append(d.length() == 0 ? "" : " ").append(drawing ? 'L' : 'M')
          .append(Svg.num(LEFT + (i + 0.5) * band)).append(' ').append(Svg.num(ys[i]));
      drawing = true;
    }
    return d.toString();
  }

  /** Highest value at this x is labelled above its point, lowest below, any others beside. */
  private static double[] labelOffset(double[][] values, int s, int i) {
    int higher = 0;
    int lower = 0;
    for (int other = 0; other < values.length; other++) {
      double v = values[other][i];
      if (other == s || Double.isNaN(v)) {
        continue;
      }
      if (v > values[s][i] || (v == values[s][i] && other < s)) {
        higher++;
      } else {
        lower++;
      }
    }
    if (higher == 0) {
      return new double[] {0, -9};
    }
    return lower == 0 ? new double[] {0, 18} : new double[] {8, 4};
  }

  private static void marker(StringBuilder svg, int s, double x, double y, String colour,
      String tooltip) {
    String shape = switch (s) {
      case 0 -> "<circle class=\"point\" cx=\"" + Svg.num(x) + "\" cy=\"" + Svg.num(y) + "\" r=\"4\"";
      case 1 -> "<rect class=\"point\" x=\"" + Svg.num(x - 4) + "\" y=\"" + Svg.num(y - 4)
          + "\" width=\"8\" height=\"8\"";
      case 2 -> "<path class=\"point\" d=\"M" + Svg.num(x) + " " + Svg.num(y - 5) + " L"
          + Svg.num(x + 5) + " " + Svg.num(y + 4) + " L" + Svg.num(x - 5) + " " + Svg.num(y + 4)
          + " Z\"";
      default -> "<path class=\"point\" d=\"M" + Svg.num(x) + " " + Svg.num(y - 5) + " L"
          + Svg.num(x + 5) + " " + Svg.num(y) + " L" + Svg.num(x) + " " + Svg.num(y + 5) + " L"
          + Svg.num(x - 5) + " " + Svg.num(y) + " Z\"";
    };
    svg.append(shape).append(" fill=\"").append(colour).append("\"><title>")
        .append(Html.escape(tooltip)).append("</title>")
        .append(shape.startsWith("<circle") ? "</circle>" : shape.startsWith("<rect") ? "</rect>"
            : "</path>");
  }

  private static void legend(StringBuilder svg, List<SvgCharts.Series> series) {
    double x = LEFT;
    for (int s = 0; s < series.size(); s++) {
      String colour = SvgCharts.PALETTE.get(s);
      svg.append("<g class=\"legend-item\">");
      svg.append("<line x1=\"").append(Svg.num(x)).append("\" y1=\"16\" x2=\"")
          .append(Svg.num(x + 28)).append("\" y2=\"16\" stroke=\"").append(colour)
          .append("\" stroke-width=\"2.5\"")
          .append(DASHES[s].isEmpty() ? "" : " stroke-dasharray=\"" + DASHES[s] + "\"")
          .append("/>");
      Svg.text(svg, x + 34, 20, "start", "legend-label", series.get(s).name(), 220);
      svg.append("</g>");
      x += 34 + Math.min(Svg.estimatedWidth(series.get(s).name(), Svg.FONT), 220) + 24;
    }
  }

  private static ValueScale scaleOf(double[][] values) {
    double lowest = 0;
    double highest = 0;
    for (double[] row : values) {
      for (double v : row) {
        if (!Double.isNaN(v)) {
          lowest = Math.min(lowest, v);
          highest = Math.max(highest, v);
        }
      }
    }
    return ValueScale.covering(lowest, highest);
  }
}
