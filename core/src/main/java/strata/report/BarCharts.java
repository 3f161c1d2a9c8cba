package strata.report;

import java.util.List;

/** Vertical bars, horizontal bars and funnels: {@link SvgCharts} delegates here. */
final class BarCharts {
  private static final double WIDTH = 640;
  private static final String BAR_COLOUR = SvgCharts.PALETTE.get(0);
  private static final String LINK_COLOUR = "#dfe7f0";

  private BarCharts() {}

  static String vertical(ReportText text, String title, String categoryAxisLabel,
      String valueAxisLabel, List<SvgCharts.Bar> bars) {
    double height = 340;
    double left = 72;
    double top = 28;
    double plotW = WIDTH - left - 16;
    double plotH = height - top - 60;
    ValueScale scale = scaleOf(bars);
    StringBuilder svg = new StringBuilder();
    Svg.open(svg, WIDTH, height, "bar-chart", title);
    for (double tick : scale.ticks()) {
      double y = top + plotH * (1 - scale.fraction(tick));
      Svg.line(svg, left, y, left + plotW, y, Svg.GRID, "grid");
      Svg.text(svg, left - 6, y + 4, "end", "tick", text.compact(tick), left - 24);
    }
    double baseline = top + plotH * (1 - scale.fraction(0));
    double band = bars.isEmpty() ? plotW : plotW / bars.size();
    for (int i = 0; i < bars.size(); i++) {
      SvgCharts.Bar bar = bars.get(i);
      double barTop = top + plotH * (1 - scale.fraction(bar.value()));
      double x = left + i * band + band * 0.2;
      rect(svg, x, Math.min(baseline, barTop), band * 0.6, Math.abs(baseline - barTop), bar);
      double labelY = bar.value() >= 0 ? barTop - 6 : barTop + 14;
      Svg.text(svg, x + band * 0.3, labelY, "middle", "value-label", bar.valueLabel(), band);
      Svg.text(svg, x + band * 0.3, top + plotH + 18, "middle", "category", bar.label(),
          band - 4);
    }
    Svg.line(svg, left, baseline, left + plotW, baseline, Svg.AXIS, "axis");
    Svg.text(svg, left + plotW / 2, height - 10, "middle", "axis-title", categoryAxisLabel, plotW);
    Svg.verticalTitle(svg, 16, top + plotH / 2, valueAxisLabel, plotH);
    Svg.close(svg);
    return svg.toString();
  }

  static String horizontal(ReportText text, String title, String categoryAxisLabel,
      String valueAxisLabel, List<SvgCharts.Bar> bars) {
    double rowH = 30;
    double labelW = clamp(Svg.widest(bars.stream().map(SvgCharts.Bar::label).toList(), 200), 60);
    double valueW = clamp(Svg.widest(bars.stream().map(SvgCharts.Bar::valueLabel).toList(), 170),
        40);
    double left = labelW + 16;
    double top = 30;
    double plotW = WIDTH - left - valueW - 16;
    double plotH = Math.max(bars.size(), 1) * rowH;
    double height = top + plotH + 48;
    ValueScale scale = scaleOf(bars);
    StringBuilder svg = new StringBuilder();
    Svg.open(svg, WIDTH, height, "horizontal-bar-chart", title);
    for (double tick : scale.ticks()) {
      double x = left + plotW * scale.fraction(tick);
      Svg.line(svg, x, top, x, top + plotH, Svg.GRID, "grid");
      Svg.text(svg, x, top + plotH + 16, "middle", "tick", text.compact(tick), 60);
    }
    double zero = left + plotW * scale.fraction(0);
    for (int i = 0; i < bars.size(); i++) {
      SvgCharts.Bar bar = bars.get(i);
      double end = left + plotW * scale.fraction(bar.value());
      double y = top + i * rowH + rowH * 0.175;
      rect(svg, Math.min(zero, end), y, Math.abs(end - zero), rowH * 0.65, bar);
      boolean positive = bar.value() >= 0;
      Svg.text(svg, positive ? end + 6 : end - 6, y + rowH * 0.45, positive ? "start" : "end",
          "value-label", bar.valueLabel(), valueW);
      Svg.text(svg, left - 8, y + rowH * 0.45, "end", "category", bar.label(), labelW);
    }
    Svg.line(svg, zero, top, zero, top + plotH, Svg.AXIS, "axis");
    Svg.text(svg, 4, top - 12, "start", "axis-title", categoryAxisLabel, labelW + 60);
    Svg.text(svg, left + plotW / 2, height - 8, "middle", "axis-title", valueAxisLabel, plotW);
    Svg.close(svg);
    return svg.toString();
  }

  static String funnel(ReportText text, String title, String valueAxisLabel,
      List<SvgCharts.Bar> stages) {
    double rowH = 44;
    double barH = 30;
    double labelW = clamp(Svg.widest(stages.stream().map(SvgCharts.Bar::label).toList(), 180), 60);
    double valueW = clamp(
        Svg.widest(stages.stream().map(SvgCharts.Bar::valueLabel).toList(), 170), 40);
    double left = labelW + 16;
    double plotW = WIDTH - left - valueW - 16;
    double centre = left + plotW / 2;
    double top = 8;
    double height = top + Math.max(stages.size(), 1) * rowH + 28;
    double widest = stages.stream().mapToDouble(SvgCharts.Bar::value).max().orElse(0);
    StringBuilder svg = new StringBuilder();
    Svg.open(svg, WIDTH, height, "funnel", title);
    double[] widths = stages.stream()
        .mapToDouble(s -> widest > 0 ? plotW * s.value() / widest : 0).toArray();
    for (int i = 0; i + 1 < stages.size(); i++) {
      link(svg, centre, top + i * rowH + barH, widths[i], top + (i + 1) * rowH, widths[i + 1]);
    }
    for (int i = 0; i < stages.size(); i++) {
      SvgCharts.Bar stage = stages.get(i);
      double y = top + i * rowH;
      rect(svg, centre - widths[i] / 2, y, widths[i], barH, stage);
      Svg.text(svg, left - 8, y + barH / 2 + 4, "end", "category", stage.label(), labelW);
      Svg.text(svg, left + plotW + 8, y + barH / 2 + 4, "start", "value-label",
          stage.valueLabel(), valueW);
    }
    Svg.text(svg, centre, height - 8, "middle", "axis-title", valueAxisLabel, plotW);
    Svg.close(svg);
    return svg.toString();
  }

  /** The grey band joining the bottom of one stage to the top of the next. */
  private static void link(StringBuilder svg, double centre, double y1, double w1, double y2,
      double w2) {
    svg.append("<polygon class=\"funnel-link\" fill=\"").append(LINK_COLOUR)
        .append("\" points=\"")
        .append(Svg.num(centre - w1 / 2)).append(',').append(Svg.num(y1)).append(' ')
        .append(Svg.num(centre + w1 / 2)).append(',').append(Svg.num(y1)).append(' ')
        .append(Svg.num(centre + w2 / 2)).append(',').append(Svg.num(y2)).append(' ')
        .append(Svg.num(centre - w2 / 2)).append(',').append(Svg.num(y2)).append("\"/>");
  }

  private static void rect(StringBuilder svg, double x, double y, double w, double h,
      SvgCharts.Bar bar) {
    svg.append("<rect class=\"bar\" x=\"").append(Svg.num(x)).append("\" y=\"")
        .append(Svg.num(y)).append("\" width=\"").append(Svg.num(w)).append("\" height=\"")
        .append(Svg.num(h)).append("\" fill=\"").append(BAR_COLOUR).append("\"><title>")
        .append(Html.escape(bar.label())).append(": ").append(Html.escape(bar.valueLabel()))
        .append("</title></rect>");
  }

  private static ValueScale scaleOf(List<SvgCharts.Bar> bars) {
    double lowest = bars.stream().mapToDouble(SvgCharts.Bar::value).min().orElse(0);
    double highest = bars.stream().mapToDouble(SvgCharts.Bar::value).max().orElse(0);
    return ValueScale.covering(lowest, highest);
  }

  private static double clamp(double width, double minimum) {
    return Math.max(width + 8, minimum);
  }
}
