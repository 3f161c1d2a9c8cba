package strata.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Customers and revenue share per tier: two charts and a table. */
final class TierSection {
  private TierSection() {}

  static String render(ReportData data, ReportText text, SvgCharts charts) {
    List<TierRow> tiers = data.tiers();
    if (tiers.isEmpty()) {
      return Page.section("tiers", text.t("tiers.heading"), text.t("tiers.note"),
          Page.empty(text.t("tiers.none")));
    }
    long[] customerTenths = Shares.tenthsOfPercentOfCounts(
        tiers.stream().mapToLong(TierRow::customers).toArray());
    long[] revenueTenths = Shares.tenthsOfPercent(tiers.stream().map(TierRow::revenue).toList());
    List<SvgCharts.Bar> customerBars = new ArrayList<>();
    List<SvgCharts.Bar> revenueBars = new ArrayList<>();
    for (int i = 0; i < tiers.size(); i++) {
      TierRow tier = tiers.get(i);
      String count = text.count(tier.customers());
      customerBars.add(new SvgCharts.Bar(tier.name(), tier.customers(),
          customerTenths == null ? count : count + " (" + Page.share(text, customerTenths, i) + ")"));
      String money = text.moneyWhole(tier.revenue());
      revenueBars.add(new SvgCharts.Bar(tier.name(), tier.revenue().doubleValue(),
          revenueTenths == null ? money : Page.share(text, revenueTenths, i) + " · " + money));
    }
    StringBuilder body = new StringBuilder();
    if (customerTenths == null) {
      body.append(Page.empty(text.t("tiers.noCustomers")));
    }
    body.append("<div class=\"chart-pair\">")
        .append(Page.chart(charts.barChart(text.t("tiers.customersChart"),
            text.t("tiers.axis.tier"), text.t("tiers.axis.customers"), customerBars)))
        .append(Page.chart(charts.horizontalBarChart(text.t("tiers.revenueChart"),
            text.t("tiers.axis.tier"), text.t("tiers.axis.revenue"), revenueBars)))
        .append("</div>")
        .append(table(text, tiers, customerTenths, revenueTenths));
    return Page.section("tiers", text.t("tiers.heading"), text.t("tiers.note"), body.toString());
  }

  private static String table(ReportText text, List<TierRow> tiers, long[] customerTenths,
      long[] revenueTenths) {
    StringBuilder html = new StringBuilder("<div class=\"table-frame\"><table class=\"tier-table\">")
        .append("<caption>").append(Html.escape(text.t("table.caption.tiers")))
        .append("</caption><thead><tr>")
        .append(Page.th(text.t("table.code"), "text")).append(Page.th(text.t("table.tier"), "text"))
        .append(Page.th(text.t("table.description"), "text wide"))
        .append(Page.th(text.t("table.customers"), "num"))
        .append(Page.th(text.t("table.customerShare"), "num"))
        .append(Page.th(text.t("table.revenue"), "num"))
        .append(Page.th(text.t("table.revenueShare"), "num")).append("</tr></thead><tbody>");
    long customers = 0;
    BigDecimal revenue = BigDecimal.ZERO;
    for (int i = 0; i < tiers.size(); i++) {
      TierRow tier = tiers.get(i);
      customers += tier.customers();
      revenue = revenue.add(tier.revenue());
      html.append("<tr>").append(Page.tdHtml(Page.bdi(tier.code()), "text code"))
          .append("<th scope=\"row\" class=\"text\">").append(Page.bdi(tier.name())).append("</th>")
          .append(Page.tdHtml(Page.bdi(tier.description()), "text wide"))
          .append(Page.td(text.count(tier.customers()), "num customers"))
          .append(Page.td(Page.share(text, customerTenths, i), "num pct customer-share"))
          .append(Page.td(text.money(tier.revenue()), "num revenue"))
          .append(Page.td(Page.share(text, revenueTenths, i), "num pct revenue-share"))
          .append("</tr>");
    }
    html.append("</tbody>").append(Page.totalRow(text, customers, revenue,
        customerTenths != null, revenueTenths != null, 3)).append("</table></div>");
    return html.toString();
  }
}
