package strata.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** HTML building blocks shared by the report's sections. Output is well-formed XHTML too. */
final class Page {
  private Page() {}

  /** A titled section with its "how to read" note; {@code body} is trusted HTML. */
  static String section(String id, String heading, String note, String body) {
    return "<section id=\"" + Html.escape(id) + "\" class=\"report-section\">"
        + "<h2>" + Html.escape(heading) + "</h2>"
        + (note == null ? "" : "<p class=\"how-to-read\">" + Html.escape(note) + "</p>")
        + body + "</section>\n";
  }

  /** Wraps a chart so a phone can scroll it sideways instead of shrinking the text unreadably. */
  static String chart(String svg) {
    return "<figure class=\"chart-frame\">" + svg + "</figure>";
  }

  static String empty(String message) {
    return "<p class=\"empty\">" + Html.escape(message) + "</p>";
  }

  /** Data text isolated from the surrounding text direction (names may be Arabic or Hebrew). */
  static String bdi(String text) {
    return "<bdi>" + Html.escape(text) + "</bdi>";
  }

  /** A cell holding plain text, escaped here. */
  static String td(String text, String cssClass) {
    return tdHtml(Html.escape(text), cssClass);
  }

  /** A cell holding markup the caller has already escaped. */
  static String tdHtml(String html, String cssClass) {
    return "<td class=\"" + cssClass + "\">" + html + "</td>";
  }

  static String th(String text, String cssClass) {
    return "<th scope=\"col\" class=\"" + cssClass + "\">" + Html.escape(text) + "</th>";
  }

  /** Share text of part {@code i}, or "—" when there is no meaningful whole. */
  static String share(ReportText text, long[] tenths, int i) {
    return tenths == null ? ReportText.NOT_AVAILABLE : text.percentTenths(tenths[i]);
  }

  /** Revenue per customer, or "—" for a group without customers. */
  static String perCustomer(ReportText text, BigDecimal revenue, long customers) {
    return customers == 0 ? ReportText.NOT_AVAILABLE
        : text.money(revenue.divide(BigDecimal.valueOf(customers), 2, RoundingMode.HALF_EVEN));
  }

  /**
   * A table of groups (lifecycle stages, RFM segments, ABC classes): customers and revenue with
   * their shares, and a total row whose shares read 100.0% when there is a whole to share.
   */
  static String groupTable(ReportText text, String cssClass, List<CountRow> rows) {
    long[] customerTenths = Shares.tenthsOfPercentOfCounts(
        rows.stream().mapToLong(CountRow::customers).toArray());
    long[] revenueTenths = Shares.tenthsOfPercent(rows.stream().map(CountRow::revenue).toList());
    StringBuilder html = new StringBuilder("<div class=\"table-frame\"><table class=\"")
        .append(cssClass).append("\"><caption>").append(Html.escape(text.t("table.caption.groups")))
        .append("</caption><thead><tr>")
        .append(th(text.t("table.group"), "text")).append(th(text.t("table.customers"), "num"))
        .append(th(text.t("table.customerShare"), "num"))
        .append(th(text.t("table.revenue"), "num"))
        .append(th(text.t("table.revenueShare"), "num"))
        .append(th(text.t("table.revenuePerCustomer"), "num")).append("</tr></thead><tbody>");
    long customers = 0;
    BigDecimal revenue = BigDecimal.ZERO;
    for (int i = 0; i < rows.size(); i++) {
      CountRow row = rows.get(i);
      customers += row.customers();
      revenue = revenue.add(row.revenue());
      html.append("<tr data-code=\"").append(Html.escape(row.code())).append("\">")
          .append("<th scope=\"row\" class=\"text\">").append(bdi(row.label())).append("</th>")
          .append(td(text.count(row.customers()), "num customers"))
          .append(td(share(text, customerTenths, i), "num pct customer-share"))
          .append(td(text.money(row.revenue()), "num revenue"))
          .append(td(share(text, revenueTenths, i), "num pct revenue-share"))
          .append(td(perCustomer(text, row.revenue(), row.customers()), "num"))
          .append("</tr>");
    }
    html.append("</tbody>").append(totalRow(text, customers, revenue, customerTenths != null,
        revenueTenths != null, 1)).append("</table></div>");
    return html.toString();
  }

  /** The footer row; {@code labelColumns} cells precede the numbers. */
  static String totalRow(ReportText text, long customers, BigDecimal revenue,
      boolean customerShares, boolean revenueShares, int labelColumns) {
    String hundred = text.percent(1);
    return "<tfoot><tr><th scope=\"row\" class=\"text\" colspan=\"" + labelColumns + "\">"
        + Html.escape(text.t("table.total")) + "</th>"
        + td(text.count(customers), "num")
        + td(customerShares ? hundred : ReportText.NOT_AVAILABLE, "num")
        + td(text.money(revenue), "num")
        + td(revenueShares ? hundred : ReportText.NOT_AVAILABLE, "num")
        + (labelColumns == 1 ? td(perCustomer(text, revenue, customers), "num") : "")
        + "</tr></tfoot>";
  }
}
