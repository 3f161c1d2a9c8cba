package strata.report;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import strata.i18n.Note;
import strata.intake.FileQuality;

/** Per input file: rows read, accepted, rejected by reason, duplicates, warnings. */
final class QualitySection {
  // A file with a million duplicate lines must not make a million-line report.
  static final int MAX_LISTED = 50;

  private QualitySection() {}

  static String render(ReportData data, ReportText text) {
    if (data.quality().isEmpty()) {
      return Page.section("quality", text.t("quality.heading"), text.t("quality.note"),
          Page.empty(text.t("quality.none")));
    }
    StringBuilder body = new StringBuilder();
    for (FileQuality file : data.quality()) {
      body.append(file(file, text));
    }
    return Page.section("quality", text.t("quality.heading"), text.t("quality.note"),
        body.toString());
  }

  private static String file(FileQuality file, ReportText text) {
    StringBuilder html = new StringBuilder("<article class=\"file-quality\"><h3>")
        .append(Page.bdi(orDash(file.file()))).append("</h3><dl class=\"file-facts\">");
    fact(html, text.t("quality.kind"), Page.bdi(orDash(file.kind())));
    fact(html, text.t("quality.encoding"), Page.bdi(orDash(file.encoding())));
    fact(html, text.t("quality.delimiter"), delimiter(file.delimiter(), text));
    if (file.columns() != null && !file.columns().isEmpty()) {
      fact(html, text.t("quality.columns"), columns(file.columns()));
    }
    html.append("</dl>").append(counts(file, text));
    List<Long> duplicateLines = file.duplicateLines() == null ? List.of() : file.duplicateLines();
    if (!duplicateLines.isEmpty()) {
      html.append("<p class=\"duplicate-lines\">")
          .append(Html.escape(text.t("quality.duplicateLines"))).append(": ")
          .append(Html.escape(String.join(", ", duplicateLines.stream()
              .limit(MAX_LISTED).map(String::valueOf).toList())))
          .append(more(duplicateLines.size(), text)).append("</p>");
    }
    html.append(outlierTiers(file.amountOutliers(), text));
    html.append(warnings(file.warnings(), text)).append("</article>");
    return html.toString();
  }

  /** The customers whose tier the outlier amounts change, when the run compared (README "Cleaning"). */
  private static String outlierTiers(strata.intake.AmountOutliers o, ReportText text) {
    if (o == null || o.tierChanges() <= 0) return "";
    StringBuilder html = new StringBuilder("<h4>").append(Html.escape(text.t("quality.outlierTiers"))).append("</h4>")
        .append("<p>").append(Html.escape(text.t("quality.outlierTiers.count", text.count(o.tierChanges()),
            text.count(o.tierChangeExamples().size())))).append("</p><table class=\"outlier-tiers\"><thead><tr>")
        .append(Page.th(text.t("quality.outlierTiers.customer"), ""))
        .append(Page.th(text.t("quality.outlierTiers.with"), ""))
        .append(Page.th(text.t("quality.outlierTiers.without"), "")).append("</tr></thead><tbody>");
    for (strata.intake.AmountOutliers.TierChange c : o.tierChangeExamples()) {
      html.append("<tr><td>").append(Page.bdi(c.customerId())).append("</td><td>").append(Page.bdi(orDash(c.tierWith())))
          .append("</td><td>").append(Page.bdi(orDash(c.tierWithout()))).append("</td></tr>");
    }
    return html.append("</tbody></table>").toString();
  }

  private static String counts(FileQuality file, ReportText text) {
    StringBuilder html = new StringBuilder("<div class=\"table-frame\"><table class=\"quality-table\">")
        .append("<thead><tr><td></td>").append(Page.th(text.t("quality.count"), "num"))
        .append(Page.th(text.t("quality.share"), "num")).append("</tr></thead><tbody>");
    long read = file.rowsRead();
    row(html, "read", text.t("quality.rowsRead"), read, read, text);
    row(html, "accepted", text.t("quality.rowsAccepted"), file.rowsAccepted(), read, text);
    row(html, "rejected", text.t("quality.rowsRejected"), file.rowsRejected(), read, text);
    Map<String, Long> reasons = file.rejectedByReason() == null ? Map.of()
        : file.rejectedByReason();
    reasons.entrySet().stream()
        .sorted(Comparator.comparing((Map.Entry<String, Long> e) -> e.getValue(),
                Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(Map.Entry::getKey, Comparator.nullsFirst(Comparator.naturalOrder())))
        .forEach(reason -> row(html, "reason", "– " + reasonLabel(reason.getKey(), text),
            reason.getValue() == null ? 0 : reason.getValue(), read, text));
    row(html, "duplicates", text.t("quality.duplicates"), file.duplicateRows(), read, text);
    row(html, "after-as-of", text.t("quality.afterAsOf"), file.rowsAfterAsOf(), read, text);
    row(html, "rounded", text.t("quality.amountsRounded"), file.amountsRounded(), read, text);
    return html.append("</tbody></table></div>").toString();
  }

  private static void row(StringBuilder html, String cssClass, String label, long count,
      long read, ReportText text) {
    String share = text.percentOf(count, read);
    html.append("<tr class=\"").append(cssClass).append(count > 0 && !"read".equals(cssClass)
            && !"accepted".equals(cssClass) ? " flagged" : "").append("\">")
        .append("<th scope=\"row\" class=\"text\">").append(Page.bdi(label)).append("</th>")
        .append(Page.td(text.count(count), "num")).append(Page.td(share, "num")).append("</tr>");
  }

  /** Known reason codes get a readable label; unknown ones are shown as they are. */
  private static String reasonLabel(String code, ReportText text) {
    String label = code == null ? null : text.optional("reason." + code);
    return label != null ? label + " (" + code + ")" : orDash(code);
  }

  private static String warnings(List<Note> warnings, ReportText text) {
    StringBuilder html = new StringBuilder("<h4>").append(Html.escape(text.t("quality.warnings")))
        .append("</h4>");
    if (warnings == null || warnings.isEmpty()) {
      return html.append("<p class=\"no-warnings\">").append(Html.escape(text.t("quality.noWarnings")))
          .append("</p>").toString();
    }
    html.append("<ul class=\"warnings\">");
    warnings.stream().limit(MAX_LISTED)
        .forEach(w -> html.append("<li>").append(Page.bdi(w.text(text.locale()))).append("</li>"));
    html.append("</ul>");
    if (warnings.size() > MAX_LISTED) {
      html.append("<p class=\"more\">").append(more(warnings.size(), text)).append("</p>");
    }
    return html.toString();
  }

  private static String more(int size, ReportText text) {
    return size > MAX_LISTED
        ? " " + Html.escape(text.t("quality.more", text.count(size - MAX_LISTED))) : "";
  }

  private static void fact(StringBuilder html, String label, String valueHtml) {
    html.append("<div><dt>").append(Html.escape(label)).append("</dt><dd>").append(valueHtml)
        .append("</dd></div>");
  }

  private static String delimiter(String delimiter, ReportText text) {
    if ("\t".equals(delimiter)) {
      return Html.escape(text.t("delimiter.tab"));
    }
    if (" ".equals(delimiter)) {
      return Html.escape(text.t("delimiter.space"));
    }
    return "<code>" + Html.escape(orDash(delimiter)) + "</code>";
  }

  private static String columns(Map<String, String> columns) {
    StringBuilder html = new StringBuilder();
    columns.entrySet().stream()
        .sorted(Map.Entry.comparingByKey(Comparator.nullsFirst(Comparator.naturalOrder())))
        .forEach(c -> html.append(html.length() == 0 ? "" : ", ")
            .append(Page.bdi(orDash(c.getKey()))).append(" ← ")
            .append(Page.bdi(orDash(c.getValue()))));
    return html.toString();
  }

  private static String orDash(String value) {
    return value == null || value.isEmpty() ? ReportText.NOT_AVAILABLE : value;
  }
}
