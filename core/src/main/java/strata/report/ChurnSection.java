package strata.report;

import java.util.List;
import java.util.Locale;
import strata.churn.BinaryMetrics;
import strata.churn.ChurnResult;
import strata.churn.Evaluation;
import strata.i18n.Note;

/**
 * The churn classifier against the BG/NBD baseline on the held-out customers, side by side: which one {@code
 * churn_prob} comes from, the ranking and calibration figures, and the reliability table.
 */
public final class ChurnSection {
  private ChurnSection() {}

  /** @return a section for {@link ReportData#extraSections()} */
  public static ReportSection of(ChurnResult churn, Locale locale) {
    ReportText text = new ReportText(locale);
    StringBuilder html = new StringBuilder("<p class=\"how-to-read\">").append(Html.escape(text.t("churn.note")))
        .append("</p><p class=\"churn-source\">").append(Html.escape(source(churn, text))).append("</p>");
    List<Note> notes = churn.notes();
    if (!notes.isEmpty()) {
      html.append("<ul class=\"warnings\">");
      notes.forEach(n -> html.append("<li>").append(Page.bdi(n.text(text.locale()))).append("</li>"));
      html.append("</ul>");
    }
    Evaluation c = churn.classifier();
    Evaluation b = churn.baseline();
    if (c != null || b != null) {
      figures(html, text, c, b);
      reliability(html, text, c, b);
    }
    return new ReportSection("churn", text.t("churn.heading"), html.toString());
  }

  private static String source(ChurnResult churn, ReportText text) {
    return switch (churn.source()) {
      case CLASSIFIER -> text.t(churn.baseline() == null ? "churn.source.classifierAlone" : "churn.source.classifier");
      case BASELINE -> text.t("churn.source.baseline");
      case NONE -> text.t("churn.source.none");
    };
  }

  private static void figures(StringBuilder html, ReportText text, Evaluation c, Evaluation b) {
    html.append("<div class=\"table-frame\"><table class=\"churn-figures\"><caption>")
        .append(Html.escape(text.t("churn.figures.caption"))).append("</caption><thead><tr>")
        .append(Page.th(text.t("churn.figure"), "text")).append(Page.th(text.t("churn.classifier"), "num"))
        .append(Page.th(text.t("churn.baseline"), "num")).append("</tr></thead><tbody>");
    row(html, text, "customers", c == null ? null : text.count(c.customers()), b == null ? null : text.count(b.customers()));
    row(html, text, "churned", c == null ? null : text.count(c.churned()), b == null ? null : text.count(b.churned()));
    row(html, text, "auc", c == null ? null : text.figure(c.auc(), 3), b == null ? null : text.figure(b.auc(), 3));
    row(html, text, "prAuc", c == null ? null : text.figure(c.prAuc(), 3), b == null ? null : text.figure(b.prAuc(), 3));
    row(html, text, "brier", c == null ? null : text.figure(c.brier(), 3), b == null ? null : text.figure(b.brier(), 3));
    if (c != null && c.calibration() != null) {
      row(html, text, "brierBefore", text.figure(c.calibration().brierBefore(), 3), null);
    }
    row(html, text, "lift", c == null ? null : text.figure(c.topDecileLift(), 2),
        b == null ? null : text.figure(b.topDecileLift(), 2));
    html.append("</tbody></table></div>");
  }

  private static void row(StringBuilder html, ReportText text, String figure, String classifier, String baseline) {
    html.append("<tr data-code=\"").append(figure).append("\"><th scope=\"row\" class=\"text\">")
        .append(Html.escape(text.t("churn.figure." + figure))).append("</th>")
        .append(Page.td(classifier == null ? ReportText.NOT_AVAILABLE : classifier, "num"))
        .append(Page.td(baseline == null ? ReportText.NOT_AVAILABLE : baseline, "num")).append("</tr>");
  }

  /** Ten bins of predicted probability; a predictor with no customer in a bin shows dashes there. */
  private static void reliability(StringBuilder html, ReportText text, Evaluation c, Evaluation b) {
    html.append("<div class=\"table-frame\"><table class=\"churn-reliability\"><caption>")
        .append(Html.escape(text.t("churn.reliability.caption"))).append("</caption><thead><tr><td></td>");
    for (String who : List.of("classifier", "baseline")) {
      html.append("<th scope=\"colgroup\" colspan=\"3\" class=\"num\">").append(Html.escape(text.t("churn." + who)))
          .append("</th>");
    }
    html.append("</tr><tr>").append(Page.th(text.t("churn.reliability.bin"), "text"));
    for (int k = 0; k < 2; k++) {
      for (String column : List.of("customers", "predicted", "observed")) {
        html.append(Page.th(text.t("churn.reliability." + column), "num"));
      }
    }
    html.append("</tr></thead><tbody>");
    for (int bin = 0; bin < 10; bin++) {
      html.append("<tr data-bin=\"").append(bin).append("\"><th scope=\"row\" class=\"text\">")
          .append(Html.escape(text.t("churn.reliability.range", Integer.toString(bin * 10),
              Integer.toString(bin * 10 + 10)))).append("</th>");
      cells(html, text, c, bin);
      cells(html, text, b, bin);
      html.append("</tr>");
    }
    html.append("</tbody></table></div>");
  }

  private static void cells(StringBuilder html, ReportText text, Evaluation e, int bin) {
    BinaryMetrics.Bin found = null;
    if (e != null) {
      for (BinaryMetrics.Bin b : e.reliability()) if ((int) Math.round(b.from() * 10) == bin) found = b;
    }
    html.append(Page.td(found == null ? ReportText.NOT_AVAILABLE : text.count(found.count()), "num"))
        .append(Page.td(found == null ? ReportText.NOT_AVAILABLE : text.percent(found.meanPredicted()), "num"))
        .append(Page.td(found == null ? ReportText.NOT_AVAILABLE : text.percent(found.observed()), "num"));
  }
}
