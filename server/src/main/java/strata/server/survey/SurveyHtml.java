package strata.server.survey;

import java.util.Locale;
import org.springframework.web.util.HtmlUtils;
import strata.i18n.Labels;

/**
 * The public survey page as plain server-rendered HTML: no script, one small inline style sheet, big tap targets for
 * phones. Hand-written because a template engine would be a dependency for three small pages; every text that is
 * not a fixed label (the comment sent back after a refusal) goes through {@link HtmlUtils#htmlEscape}, and so do the
 * labels.
 */
final class SurveyHtml {
  // The web app's palette (web/src/App.tsx): its darkened antd blue, its sidebar navy, antd's page grey and text,
  // and the red of its error text; each text colour reads at 4.5:1 or more on its background (SurveyHtmlTest).
  static final String TEXT = "#1f1f1f";
  static final String SECONDARY = "#595959";
  static final String BLUE = "#0958d9";
  static final String DARK_BLUE = "#003eb3";
  static final String NAVY = "#001529";
  static final String PAGE = "#f5f5f5";
  static final String CARD = "#ffffff";
  static final String SELECTED = "#e6f4ff";
  static final String RED = "#cf1322";
  static final String ERROR_BACKGROUND = "#fff1f0";
  /** The scale's boxes: a control's edge needs 3:1 against the card (WCAG 1.4.11). */
  static final String BORDER = "#8c8c8c";

  private static final String STYLE = "body{font:16px/1.5 system-ui,sans-serif;margin:0;color:" + TEXT
      + ";background:" + PAGE + "}header{background:" + NAVY + ";color:#fff;padding:12px 16px}"
      + "header h1{font-size:1.2em;margin:0;max-width:560px;margin:auto}"
      + "main{max-width:560px;margin:16px auto;padding:16px;background:" + CARD + ";border-radius:8px}"
      + "fieldset{border:0;padding:0;margin:0 0 20px}legend{font-weight:600;margin-bottom:8px}"
      + ".scale{display:flex;flex-wrap:wrap;gap:6px}"
      + ".scale label{flex:1 0 40px;text-align:center;border:1px solid " + BORDER + ";border-radius:6px;padding:10px 0}"
      + ".scale label:has(input:checked){background:" + SELECTED + ";border-color:" + BLUE + "}"
      + ".scale input{display:block;margin:0 auto 4px;accent-color:" + BLUE + "}"
      + ".hint{font-size:.85em;color:" + SECONDARY + "}"
      + "textarea{width:100%;box-sizing:border-box;min-height:90px;font:inherit;border:1px solid " + BORDER
      + ";border-radius:6px}"
      + "button{font:inherit;padding:12px 28px;border:0;border-radius:6px;background:" + BLUE + ";color:#fff}"
      + "button:hover{background:" + DARK_BLUE + "}:focus-visible{outline:2px solid " + BLUE + ";outline-offset:2px}"
      + ".error{color:" + RED + ";background:" + ERROR_BACKGROUND + ";border:1px solid " + RED
      + ";padding:10px;border-radius:6px}";

  private SurveyHtml() {}

  /** The form; {@code error} is a label code or null, {@code comment} the text sent back after a refusal. */
  static String form(Locale lang, boolean csatFirst, String error, String comment) {
    StringBuilder b = start(lang);
    if (error != null) b.append("<p class=\"error\" role=\"alert\">").append(label("error." + error, lang)).append("</p>");
    b.append("<form method=\"post\"><input type=\"hidden\" name=\"lang\" value=\"").append(lang.getLanguage())
        .append("\">");
    if (csatFirst) {
      scale(b, lang, "csat", 1, 5, false);
      scale(b, lang, "nps", 0, 10, true);
    } else {
      scale(b, lang, "nps", 0, 10, false);
      scale(b, lang, "csat", 1, 5, true);
    }
    b.append("<fieldset><legend><label for=\"comment\">").append(label("comment", lang)).append(' ')
        .append(label("optional", lang)).append("</label></legend><textarea id=\"comment\" name=\"comment\" "
            + "maxlength=\"4000\">")
        .append(HtmlUtils.htmlEscape(comment == null ? "" : comment)).append("</textarea></fieldset>")
        .append("<button type=\"submit\">").append(label("send", lang)).append("</button></form>");
    return end(b);
  }

  /** A page with one message: thanks, used, expired, forged, throttled. */
  static String message(Locale lang, String code) {
    return end(start(lang).append("<p>").append(label(code, lang)).append("</p>"));
  }

  private static void scale(StringBuilder b, Locale lang, String name, int from, int to, boolean optional) {
    b.append("<fieldset><legend>").append(label(name, lang));
    if (optional) b.append(' ').append(label("optional", lang));
    b.append("</legend><div class=\"scale\">");
    for (int i = from; i <= to; i++) {
      b.append("<label><input type=\"radio\" name=\"").append(name).append("\" value=\"").append(i).append('"');
      if (!optional && i == from) b.append(" required");
      b.append(">").append(i).append("</label>");
    }
    b.append("</div><p class=\"hint\">").append(label(name + "_low", lang)).append(" · ")
        .append(label(name + "_high", lang)).append("</p></fieldset>");
  }

  private static StringBuilder start(Locale lang) {
    return new StringBuilder(4096).append("<!doctype html><html lang=\"").append(lang.getLanguage())
        .append("\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
            + "<meta name=\"robots\" content=\"noindex\"><title>")
        .append(label("title", lang)).append("</title><style>").append(STYLE).append("</style></head><body><header><h1>")
        .append(label("title", lang)).append("</h1></header><main>");
  }

  private static String end(StringBuilder b) {
    return b.append("</main></body></html>").toString();
  }

  private static String label(String key, Locale lang) {
    return HtmlUtils.htmlEscape(Labels.get("survey.page." + key, lang));
  }
}
