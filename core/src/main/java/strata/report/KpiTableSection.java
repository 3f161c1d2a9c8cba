package strata.report;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import strata.kpi.KpiRow;
import strata.kpi.KpiTable;

/** The KPI-by-tier table of a run (or of a period between two snapshots), all customers together. */
public final class KpiTableSection {
  private KpiTableSection() {}

  /**
   * @param tierNames display names of {@code table.current().tiers()}, in the same order
   * @return a section for {@link ReportData#extraSections()}
   */
  public static ReportSection of(KpiTable table, List<String> tierNames, Locale locale) {
    if (tierNames.size() != table.current().tiers().size()) {
      throw new IllegalArgumentException("one name per tier expected: " + table.current().tiers() + ", " + tierNames);
    }
    ReportText text = new ReportText(locale);
    boolean withPrevious = table.previous() != null;
    String period = withPrevious
        ? text.t("kpiTiers.period", text.date(table.previous().asOf()), text.date(table.current().asOf()))
        : text.t("kpiTiers.history", text.date(table.current().asOf()));
    StringBuilder html = new StringBuilder("<p class=\"how-to-read\">")
        .append(Html.escape(text.t("kpiTiers.note", period))).append("</p>");
    if (table.modelChanged()) {
      html.append("<p class=\"note\">").append(Html.escape(text.t("kpiTiers.modelChanged",
          table.previous().modelVersion(), table.current().modelVersion()))).append("</p>");
    }
    html.append("<div class=\"table-frame\"><table class=\"kpi-tier-table\"><caption>")
        .append(Html.escape(text.t("kpiTiers.caption"))).append("</caption><thead><tr>")
        .append(Page.th(text.t("table.tier"), "text"));
    for (String column : columns(withPrevious)) html.append(Page.th(text.t("kpiTiers." + column), "num"));
    html.append("</tr></thead><tbody>");
    List<KpiRow> rows = table.group("all", "");
    for (KpiRow row : rows) {
      boolean total = row.tier() == null;
      String name = total ? text.t("kpiTiers.allTiers") : tierNames.get(table.current().tiers().indexOf(row.tier()));
      html.append(total ? "</tbody><tfoot><tr>" : "<tr data-code=\"" + Html.escape(row.tier()) + "\">")
          .append("<th scope=\"row\" class=\"text\">").append(Page.bdi(name)).append("</th>");
      cells(html, text, row, withPrevious);
      html.append(total ? "</tr></tfoot>" : "</tr>");
    }
    html.append("</table></div>");
    return new ReportSection("kpi-tiers", text.t("kpiTiers.heading"), html.toString());
  }

  private static List<String> columns(boolean withPrevious) {
    List<String> before = List.of("customers", "buyers", "revenue", "revenueShare", "aov", "repurchase");
    List<String> after = List.of("clv", "pAlive", "nps", "csat", "complaints");
    return withPrevious
        ? java.util.stream.Stream.of(before, List.of("retention", "churn", "migration"), after)
            .flatMap(List::stream).toList()
        : java.util.stream.Stream.of(before, after).flatMap(List::stream).toList();
  }

  private static void cells(StringBuilder html, ReportText text, KpiRow r, boolean withPrevious) {
    cell(html, text.count(r.customers()));
    cell(html, text.count(r.buyers()));
    cell(html, text.money(BigDecimal.valueOf(r.revenueCents(), 2)));
    cell(html, percent(text, r.revenueShare()));
    cell(html, r.averageOrderValue() == null ? ReportText.NOT_AVAILABLE
        : text.money(BigDecimal.valueOf(r.averageOrderValue())));
    cell(html, percent(text, r.repurchaseRate()));
    if (withPrevious) {
      cell(html, percent(text, r.retention()));
      cell(html, percent(text, r.churnRate()));
      cell(html, r.movedUp() == null ? ReportText.NOT_AVAILABLE
          : text.count(r.movedUp()) + " / " + text.count(r.movedDown()));
    }
    cell(html, r.averageClv() == null ? ReportText.NOT_AVAILABLE : text.moneyWhole(r.averageClv()));
    cell(html, percent(text, r.averagePAlive()));
    cell(html, r.nps() == null ? ReportText.NOT_AVAILABLE
        : text.decimal(r.nps()) + " (" + text.count(r.npsAnswers()) + ")");
    cell(html, r.csat() == null ? ReportText.NOT_AVAILABLE
        : text.decimal(r.csat()) + " (" + text.count(r.csatAnswers()) + ")");
    cell(html, r.complaintsPer100() == null ? ReportText.NOT_AVAILABLE : text.decimal(r.complaintsPer100()));
  }

  private static String percent(ReportText text, Double share) {
    return share == null ? ReportText.NOT_AVAILABLE : text.percent(share);
  }

  private static void cell(StringBuilder html, String value) {
    html.append(Page.td(value, "num"));
  }
}
