package strata.report;

import java.util.List;

/** Small pieces shared by the chart renderers: coordinates, labels that fit, elements. */
final class Svg {
  static final String TEXT = "#222";
  static final String AXIS = "#666";
  static final String GRID = "#dedede";
  static final double FONT = 12;

  private Svg() {}

  /** A coordinate with at most two decimals and no trailing zeros, independent of the locale. */
  static String num(double v) {
    long hundredths = Math.round(v * 100);
    if (hundredths % 100 == 0) {
      return Long.toString(hundredths / 100);
    }
    String sign = hundredths < 0 ? "-" : "";
    long abs = Math.abs(hundredths);
    String frac = String.format(java.util.Locale.ROOT, "%02d", abs % 100);
    return sign + abs / 100 + "." + (frac.endsWith("0") ? frac.substring(0, 1) : frac);
  }

  /** Opening tag of a chart: scales with its container, named for screen readers. */
  static void open(StringBuilder svg, double width, double height, String cssClass, String title) {
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart ").append(cssClass)
        .append("\" viewBox=\"0 0 ").append(num(width)).append(' ').append(num(height))
        .append("\" role=\"img\" aria-label=\"").append(Html.escape(title))
        .append("\" font-size=\"").append(num(FONT)).append("\" fill=\"").append(TEXT).append("\">")
        .append("<title>").append(Html.escape(title)).append("</title>");
  }

  static void close(StringBuilder svg) {
    svg.append("</svg>");
  }

  /**
   * Appends a {@code <text>} element. The label is shortened to fit {@code maxWidth} pixels; the
   * full text stays available as a tooltip so long or hostile names never overflow the chart.
   */
  static void text(StringBuilder svg, double x, double y, String anchor, String cssClass,
      String label, double maxWidth) {
    String shown = fit(label, maxWidth, FONT);
    svg.append("<text class=\"").append(cssClass).append("\" x=\"").append(num(x))
        .append("\" y=\"").append(num(y)).append("\" text-anchor=\"").append(anchor).append("\">");
    if (!shown.equals(label == null ? "" : label)) {
      svg.append("<title>").append(Html.escape(label)).append("</title>");
    }
    svg.append(Html.escape(shown)).append("</text>");
  }

  /** Axis title turned 90° counter-clockwise, centred on ({@code x}, {@code y}). */
  static void verticalTitle(StringBuilder svg, double x, double y, String label, double maxWidth) {
    svg.append("<g transform=\"translate(").append(num(x)).append(' ').append(num(y))
        .append(") rotate(-90)\">");
    text(svg, 0, 0, "middle", "axis-title", label, maxWidth);
    svg.append("</g>");
  }

  static void line(StringBuilder svg, double x1, double y1, double x2, double y2, String stroke,
      String cssClass) {
    svg.append("<line class=\"").append(cssClass).append("\" x1=\"").append(num(x1))
        .append("\" y1=\"").append(num(y1)).append("\" x2=\"").append(num(x2))
        .append("\" y2=\"").append(num(y2)).append("\" stroke=\"").append(stroke).append("\"/>");
  }

  /**
   * Cuts {@code label} so its estimated width fits, ending with an ellipsis. Widths are estimated
   * (no font metrics offline): Latin about 0.6 em, CJK, emoji and other wide characters 1 em.
   * Cuts between code points so an emoji is never split into half a surrogate pair.
   */
  static String fit(String label, double maxWidth, double fontSize) {
    if (label == null) {
      return "";
    }
    if (estimatedWidth(label, fontSize) <= maxWidth) {
      return label;
    }
    double budget = maxWidth - fontSize; // room for the ellipsis
    StringBuilder out = new StringBuilder();
    double used = 0;
    for (int cp : label.codePoints().toArray()) {
      used += charWidth(cp, fontSize);
      if (used > budget) {
        break;
      }
      out.appendCodePoint(cp);
    }
    return out.append('…').toString();
  }

  static double estimatedWidth(String label, double fontSize) {
    return label.codePoints().mapToDouble(cp -> charWidth(cp, fontSize)).sum();
  }

  private static double charWidth(int cp, double fontSize) {
    return (cp < 0x1100 ? 0.6 : 1.0) * fontSize;
  }

  /** Longest estimated width among labels, capped, used to size margins. */
  static double widest(List<String> labels, double cap) {
    double widest = 0;
    for (String label : labels) {
      widest = Math.max(widest, estimatedWidth(label == null ? "" : label, FONT));
    }
    return Math.min(widest, cap);
  }
}
