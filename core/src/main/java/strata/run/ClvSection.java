package strata.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import strata.clv.HoldoutReport;
import strata.i18n.Labels;
import strata.report.Html;
import strata.report.ReportSection;
import strata.report.SvgCharts;

/** The report's CLV section: fitted parameters and how well the model predicted a held-out period. */
public final class ClvSection {
  private ClvSection() {}

  /** The section, or null when the models were not fitted (the run's notes say why). */
  public static ReportSection of(ClvStage.Result clv, Locale locale) {
    if (clv == null || clv.bgNbd() == null) return null;
    StringBuilder html = new StringBuilder();
    html.append("<p class=\"note\">").append(text("note", locale)).append("</p>");
    html.append("<table><thead><tr><th>").append(text("model", locale)).append("</th><th>")
        .append(text("parameters", locale)).append("</th><th>").append(text("log_likelihood", locale))
        .append("</th><th>").append(text("customers", locale)).append("</th></tr></thead><tbody>");
    row(html, "BG/NBD", clv.bgNbd().model().parameters(), clv.bgNbd().logLikelihood(), clv.bgNbd().customers());
    if (clv.gammaGamma() != null) {
      row(html, "Gamma-Gamma", clv.gammaGamma().model().parameters(), clv.gammaGamma().logLikelihood(),
          clv.gammaGamma().customers());
    }
    html.append("</tbody></table>");
    HoldoutReport h = clv.holdout();
    if (h != null) holdout(html, h, clv.holdoutWeeks(), locale);
    return new ReportSection("clv", Labels.get("clv.report.heading", locale), html.toString());
  }

  /** A clv.report.* label, escaped for the page. */
  private static String text(String key, Locale locale, Object... namesAndValues) {
    return Html.escape(Labels.text("clv.report." + key, locale, namesAndValues));
  }

  private static void row(StringBuilder html, String model, Map<String, Double> parameters, double logLikelihood,
      int customers) {
    StringBuilder p = new StringBuilder();
    parameters.forEach((k, v) -> p.append(p.length() > 0 ? ", " : "").append(k).append(" = ")
        .append(String.format(Locale.ROOT, "%.4g", v)));
    html.append("<tr><td>").append(model).append("</td><td>").append(Html.escape(p.toString())).append("</td><td>")
        .append(String.format(Locale.ROOT, "%.1f", logLikelihood)).append("</td><td>").append(customers)
        .append("</td></tr>");
  }

  private static void holdout(StringBuilder html, HoldoutReport h, double weeks, Locale locale) {
    List<String> labels = new ArrayList<>();
    double[] predicted = new double[h.byCalibrationPurchases().size()];
    double[] actual = new double[predicted.length];
    for (int k = 0; k < predicted.length; k++) {
      HoldoutReport.Row r = h.byCalibrationPurchases().get(k);
      labels.add(r.label());
      predicted[k] = r.customers() == 0 ? Double.NaN : r.meanPredicted();
      actual[k] = r.customers() == 0 ? Double.NaN : r.meanActual();
    }
    html.append(new SvgCharts(locale).lineChart(Labels.get("clv.report.holdout_title", locale),
        Labels.get("clv.report.holdout_x", locale),
        Labels.text("clv.report.holdout_y", locale, "weeks", String.format(Locale.ROOT, "%.0f", weeks)),
        labels, List.of(new SvgCharts.Series(Labels.get("clv.report.predicted", locale), predicted),
            new SvgCharts.Series(Labels.get("clv.report.actual", locale), actual))));
    html.append("<p class=\"note\">").append(text("holdout_summary", locale, "customers", h.customers(),
        "predicted", String.format(Locale.ROOT, "%.0f", h.predictedTotal()),
        "actual", String.format(Locale.ROOT, "%.0f", h.actualTotal()),
        "mae", String.format(Locale.ROOT, "%.3f", h.meanAbsoluteError()),
        "rmse", String.format(Locale.ROOT, "%.3f", h.rootMeanSquaredError()))).append("</p>");
  }
}
