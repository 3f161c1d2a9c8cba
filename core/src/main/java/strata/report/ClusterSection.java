package strata.report;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import strata.cluster.Cluster;
import strata.cluster.ClusterAnalysis;

/** The behavioural clusters of a run: each one's description, size, revenue and typical customer. */
public final class ClusterSection {
  private ClusterSection() {}

  /** @return a section for {@link ReportData#extraSections()} */
  public static ReportSection of(ClusterAnalysis.Result result, Locale locale) {
    ReportText text = new ReportText(locale);
    StringBuilder html = new StringBuilder("<p class=\"how-to-read\">").append(Html.escape(text.t("clusters.note")))
        .append("</p>");
    List<Cluster> clusters = result.clusters();
    if (clusters.isEmpty()) {
      html.append(Page.empty(text.t("clusters.none")));
      result.notes().forEach(n -> html.append("<p class=\"note\">").append(Page.bdi(n.text(text.locale())))
          .append("</p>"));
      return new ReportSection("clusters", text.t("clusters.heading"), html.toString());
    }
    html.append("<p class=\"clusters-k\">").append(Html.escape(Double.isNaN(result.silhouette())
        ? text.t("clusters.fixedK", text.count(clusters.size()))
        : text.t("clusters.chosenK", text.count(clusters.size()), text.figure(result.silhouette(), 2)))).append("</p>");
    long[] customerTenths = Shares.tenthsOfPercentOfCounts(clusters.stream().mapToLong(Cluster::customers).toArray());
    long[] revenueTenths = Shares.tenthsOfPercent(
        clusters.stream().map(c -> BigDecimal.valueOf(c.revenueCents(), 2)).toList());
    html.append("<div class=\"table-frame\"><table class=\"clusters\"><caption>")
        .append(Html.escape(text.t("clusters.caption"))).append("</caption><thead><tr>")
        .append(Page.th(text.t("clusters.cluster"), "num")).append(Page.th(text.t("table.description"), "text"))
        .append(Page.th(text.t("table.customers"), "num")).append(Page.th(text.t("table.customerShare"), "num"))
        .append(Page.th(text.t("table.revenue"), "num")).append(Page.th(text.t("table.revenueShare"), "num"))
        .append(Page.th(text.t("clusters.recencyDays"), "num")).append(Page.th(text.t("clusters.purchaseDays"), "num"))
        .append(Page.th(text.t("clusters.orderValue"), "num")).append("</tr></thead><tbody>");
    for (int k = 0; k < clusters.size(); k++) {
      Cluster c = clusters.get(k);
      html.append("<tr data-code=\"").append(c.id()).append("\">").append(Page.td(Integer.toString(c.id()), "num"))
          .append(Page.tdHtml(Page.bdi(c.describe(text.locale())), "text"))
          .append(Page.td(text.count(c.customers()), "num"))
          .append(Page.td(Page.share(text, customerTenths, k), "num"))
          .append(Page.td(text.money(BigDecimal.valueOf(c.revenueCents(), 2)), "num"))
          .append(Page.td(Page.share(text, revenueTenths, k), "num"))
          .append(Page.td(text.figure(c.recencyDays(), 0), "num"))
          .append(Page.td(text.figure(c.purchaseDays(), 1), "num"))
          .append(Page.td(text.moneyWhole(c.avgOrderValue()), "num")).append("</tr>");
    }
    html.append("</tbody></table></div>");
    return new ReportSection("clusters", text.t("clusters.heading"), html.toString());
  }
}
