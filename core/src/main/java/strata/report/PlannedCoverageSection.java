package strata.report;

import java.util.List;
import java.util.Locale;
import strata.plan.PlannedCoverage;

/**
 * The contact coverage a run's plan promises ({@link PlannedCoverage}), in the report of {@code strata score --plan}:
 * the CLI stores no completed tasks, so this stands in for the server's contact coverage and task completion.
 */
public final class PlannedCoverageSection {
  private PlannedCoverageSection() {}

  /**
   * @param tierNames display names by tier id, for the lines' tiers
   * @param horizonDays the plan's horizon
   * @return null without lines (no tier has a cadence)
   */
  public static ReportSection of(List<PlannedCoverage.Line> lines, java.util.Map<String, String> tierNames,
      int horizonDays, Locale locale) {
    if (lines.isEmpty()) return null;
    ReportText text = new ReportText(locale);
    StringBuilder html = new StringBuilder("<p class=\"how-to-read\">")
        .append(Html.escape(text.t("plannedCoverage.note", Integer.toString(horizonDays)))).append("</p>")
        .append("<div class=\"table-frame\"><table class=\"planned-coverage-table\"><caption>")
        .append(Html.escape(text.t("plannedCoverage.caption"))).append("</caption><thead><tr>")
        .append(Page.th(text.t("table.tier"), "text"));
    for (String column : List.of("customers", "withheld", "covered")) {
      html.append(Page.th(text.t("plannedCoverage." + column), "num"));
    }
    html.append("</tr></thead><tbody>");
    for (PlannedCoverage.Line line : lines) {
      boolean total = line.tier() == null;
      String name = total ? text.t("plannedCoverage.allTiers") : tierNames.getOrDefault(line.tier(), line.tier());
      html.append(total ? "</tbody><tfoot><tr>" : "<tr data-code=\"" + Html.escape(line.tier()) + "\">")
          .append("<th scope=\"row\" class=\"text\">").append(Page.bdi(name)).append("</th>")
          .append(Page.td(text.count(line.customers()), "num"))
          .append(Page.td(text.count(line.withheld()), "num"))
          .append(Page.td(line.covered() == null ? ReportText.NOT_AVAILABLE : text.percent(line.covered()), "num"))
          .append(total ? "</tr></tfoot>" : "</tr>");
    }
    html.append("</table></div>");
    return new ReportSection("planned-coverage", text.t("plannedCoverage.heading"), html.toString());
  }
}
