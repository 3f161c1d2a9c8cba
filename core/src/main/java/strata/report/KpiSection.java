package strata.report;

import java.math.BigDecimal;
import java.math.MathContext;

/** The headline figures as cards. */
final class KpiSection {
  private KpiSection() {}

  static String render(ReportData data, ReportText text) {
    String purchaserShare = text.percentOf(data.purchasers(), data.customers());
    StringBuilder cards = new StringBuilder("<div class=\"kpis\">");
    card(cards, "customers", text.t("kpi.customers"), text.count(data.customers()),
        text.t("kpi.customers.note"));
    card(cards, "purchasers", text.t("kpi.purchasers"), text.count(data.purchasers()),
        text.t("kpi.purchasers.note", purchaserShare));
    card(cards, "revenue", text.t("kpi.revenue"), text.moneyWhole(data.totalRevenue()),
        text.t("kpi.revenue.note"));
    card(cards, "repeat-rate", text.t("kpi.repeatRate"),
        data.repeatRate() == null ? ReportText.NOT_AVAILABLE
            : text.percent(data.repeatRate().doubleValue()),
        data.repeatRate() == null ? text.t("value.notComputed") : text.t("kpi.repeatRate.note"));
    card(cards, "at-risk", text.t("kpi.atRisk"), text.moneyWhole(data.atRiskRevenue()),
        data.atRiskRevenue() == null ? text.t("value.notComputed")
            : text.t("kpi.atRisk.note", atRiskShare(data, text)));
    cards.append("</div>");
    return Page.section("kpis", text.t("kpi.heading"), text.t("kpi.note"), cards.toString());
  }

  private static String atRiskShare(ReportData data, ReportText text) {
    BigDecimal total = data.totalRevenue();
    if (total.signum() <= 0) {
      return ReportText.NOT_AVAILABLE;
    }
    return text.percent(data.atRiskRevenue().divide(total, MathContext.DECIMAL64).doubleValue());
  }

  private static void card(StringBuilder html, String key, String label, String value,
      String note) {
    html.append("<div class=\"kpi\" data-kpi=\"").append(key).append("\">")
        .append("<div class=\"kpi-label\">").append(Html.escape(label)).append("</div>")
        .append("<div class=\"kpi-value\">").append(Html.escape(value)).append("</div>")
        .append("<p class=\"kpi-note\">").append(Html.escape(note)).append("</p></div>");
  }
}
