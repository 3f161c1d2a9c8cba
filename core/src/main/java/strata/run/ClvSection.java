package strata.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import strata.clv.HoldoutReport;
import strata.report.Html;
import strata.report.ReportSection;
import strata.report.SvgCharts;

/** The report's CLV section: fitted parameters and how well the model predicted a held-out period. */
public final class ClvSection {
  private ClvSection() {}

  /** The section, or null when the models were not fitted (the run's notes say why). */
  public static ReportSection of(ClvStage.Result clv, Locale locale) {
    if (clv == null || clv.bgNbd() == null) return null;
    boolean zh = locale.getLanguage().equals("zh");
    StringBuilder html = new StringBuilder();
    html.append("<p class=\"note\">").append(Html.escape(zh
        ? "客户生命周期价值（CLV）由 BG/NBD 模型（复购次数与存活概率）和 Gamma-Gamma 模型（客单价）估计，时间单位为周；"
            + "CLV 为未来 12 个月按月 1% 折现的预计销售额。下方用截止日期前留出的一段时间检验模型：左侧为模型预测，右侧为实际。"
        : "Customer lifetime value comes from the BG/NBD model (repeat purchases and the chance a customer is still "
            + "active) and the Gamma-Gamma model (spend per purchase), in weeks; CLV is the expected revenue of the next "
            + "12 months, discounted 1 % a month. Below, the model is checked on a period held out before the as-of date."))
        .append("</p>");
    html.append("<table><thead><tr><th>").append(zh ? "模型" : "model").append("</th><th>")
        .append(zh ? "参数" : "parameters").append("</th><th>").append(zh ? "对数似然" : "log-likelihood")
        .append("</th><th>").append(zh ? "客户数" : "customers").append("</th></tr></thead><tbody>");
    row(html, "BG/NBD", clv.bgNbd().model().parameters(), clv.bgNbd().logLikelihood(), clv.bgNbd().customers());
    if (clv.gammaGamma() != null) {
      row(html, "Gamma-Gamma", clv.gammaGamma().model().parameters(), clv.gammaGamma().logLikelihood(),
          clv.gammaGamma().customers());
    }
    html.append("</tbody></table>");
    HoldoutReport h = clv.holdout();
    if (h != null) holdout(html, h, clv.holdoutWeeks(), locale, zh);
    return new ReportSection("clv", zh ? "客户生命周期价值（CLV）" : "Customer lifetime value (CLV)", html.toString());
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

  private static void holdout(StringBuilder html, HoldoutReport h, double weeks, Locale locale, boolean zh) {
    List<String> labels = new ArrayList<>();
    double[] predicted = new double[h.byCalibrationPurchases().size()];
    double[] actual = new double[predicted.length];
    for (int k = 0; k < predicted.length; k++) {
      HoldoutReport.Row r = h.byCalibrationPurchases().get(k);
      labels.add(r.label());
      predicted[k] = r.customers() == 0 ? Double.NaN : r.meanPredicted();
      actual[k] = r.customers() == 0 ? Double.NaN : r.meanActual();
    }
    html.append(new SvgCharts(locale).lineChart(
        zh ? "留出期内人均复购次数：预测与实际" : "Repeat purchases per customer in the holdout: predicted vs actual",
        zh ? "校准期内复购次数" : "repeat purchases in the calibration period",
        zh ? String.format(Locale.ROOT, "留出期 %.0f 周内人均复购", weeks) : String.format(Locale.ROOT, "per customer in %.0f weeks", weeks),
        labels, List.of(new SvgCharts.Series(zh ? "模型预测" : "predicted", predicted),
            new SvgCharts.Series(zh ? "实际" : "actual", actual))));
    html.append("<p class=\"note\">").append(Html.escape(String.format(Locale.ROOT, zh
        ? "%d 位客户；预测合计 %.0f 次，实际 %.0f 次；每位客户平均绝对误差 %.3f，均方根误差 %.3f。"
        : "%d customers; predicted %.0f repeat purchases in total, actual %.0f; per customer MAE %.3f, RMSE %.3f.",
        h.customers(), h.predictedTotal(), h.actualTotal(), h.meanAbsoluteError(), h.rootMeanSquaredError())))
        .append("</p>");
  }
}
