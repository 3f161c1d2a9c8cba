package strata.report;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A section a later feature adds to the report, e.g. the CLV holdout chart.
 *
 * @param id anchor for the table of contents: a letter, then letters, digits, {@code -} or
 *     {@code _}
 * @param heading plain text; the report escapes it
 * @param html the section body, already rendered by the caller (with {@link SvgCharts} and
 *     {@link Html#escape}) and inserted as is: the caller is responsible for escaping its data
 */
public record ReportSection(String id, String heading, String html) {
  private static final Pattern ID = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");

  public ReportSection {
    Objects.requireNonNull(id, "section id");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("section id '" + id + "' must start with a letter and"
          + " hold only letters, digits, '-' or '_' (at most 64 characters)");
    }
    Objects.requireNonNull(heading, "heading of section " + id);
    Objects.requireNonNull(html, "html of section " + id);
  }
}
