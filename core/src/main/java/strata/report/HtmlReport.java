package strata.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The customer tiering report as one self-contained HTML file: styles and charts inline, no
 * scripts, fonts or anything else fetched from the network, so a manager can open it offline,
 * print it or read it on a phone.
 */
public final class HtmlReport {
  private static final String CSS = resource("report.css");

  private HtmlReport() {}

  /**
   * Renders the report. Every string from {@code data} is escaped; the bodies of {@link
   * ReportData#extraSections()} are inserted as given.
   *
   * @return a complete HTML5 document (also well-formed XML), in the language of {@code
   *     data.locale()}
   */
  public static String render(ReportData data) {
    Objects.requireNonNull(data, "report data");
    ReportText text = new ReportText(data.locale());
    SvgCharts charts = new SvgCharts(data.locale());
    List<String[]> contents = new ArrayList<>(); // id and heading, for the table of contents
    StringBuilder sections = new StringBuilder();
    add(sections, contents, "kpis", text.t("kpi.heading"), KpiSection.render(data, text));
    add(sections, contents, "tiers", text.t("tiers.heading"),
        TierSection.render(data, text, charts));
    add(sections, contents, "rfm", text.t("rfm.heading"), GroupSections.rfm(data, text, charts));
    add(sections, contents, "lifecycle", text.t("lifecycle.heading"),
        GroupSections.lifecycle(data, text, charts));
    add(sections, contents, "segments", text.t("segments.heading"),
        GroupSections.segments(data, text));
    add(sections, contents, "abc", text.t("abc.heading"), GroupSections.abc(data, text));
    for (ReportSection extra : data.extraSections()) {
      add(sections, contents, extra.id(), extra.heading(), "<section id=\"" + extra.id()
          + "\" class=\"report-section extra\"><h2>" + Html.escape(extra.heading()) + "</h2>"
          + extra.html() + "</section>\n");
    }
    add(sections, contents, "quality", text.t("quality.heading"),
        QualitySection.render(data, text));
    return "<!DOCTYPE html>\n<html lang=\"" + text.languageTag() + "\">\n<head>"
        + "<meta charset=\"utf-8\"/>"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>"
        + "<meta name=\"generator\" content=\"Strata\"/>"
        + "<title>" + Html.escape(data.title() + " · " + text.t("subtitle")) + "</title>"
        + "<style>" + CSS + "</style></head>\n<body>"
        + header(data, text) + nav(contents, text) + "<main>" + sections + "</main>"
        + "<footer class=\"report-footer\"><p>"
        + Html.escape(text.t("footer.text", text.date(data.asOf()))) + "</p></footer>"
        + "</body>\n</html>\n";
  }

  /**
   * Renders the report and writes it as UTF-8, creating missing parent directories and
   * replacing an existing file.
   *
   * @throws IOException if the file cannot be written
   */
  public static void write(ReportData data, Path file) throws IOException {
    String html = render(data);
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, html, StandardCharsets.UTF_8);
  }

  private static void add(StringBuilder sections, List<String[]> contents, String id,
      String heading, String html) {
    contents.add(new String[] {id, heading});
    sections.append(html);
  }

  private static String header(ReportData data, ReportText text) {
    return "<header class=\"report-header\"><p class=\"subtitle\">"
        + Html.escape(text.t("subtitle")) + "</p><h1>" + Page.bdi(data.title())
        + "</h1><dl class=\"meta\">"
        + meta(text.t("header.model"), Page.bdi(data.modelName()))
        + meta(text.t("header.asOf"), Html.escape(text.date(data.asOf())))
        + meta(text.t("header.generated"), Html.escape(text.instant(data.generatedAt())))
        + "</dl></header>";
  }

  private static String meta(String label, String valueHtml) {
    return "<div><dt>" + Html.escape(label) + "</dt><dd>" + valueHtml + "</dd></div>";
  }

  private static String nav(List<String[]> contents, ReportText text) {
    StringBuilder nav = new StringBuilder("<nav class=\"contents\" aria-label=\"")
        .append(Html.escape(text.t("nav.label"))).append("\"><ol>");
    for (String[] entry : contents) {
      nav.append("<li><a href=\"#").append(Html.escape(entry[0])).append("\">")
          .append(Html.escape(entry[1])).append("</a></li>");
    }
    return nav.append("</ol></nav>").toString();
  }

  private static String resource(String name) {
    try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("report resource " + name + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
