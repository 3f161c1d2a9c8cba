package strata.intake;

/** Writing text into CSV cells safely. */
public final class CsvText {
  private CsvText() {}

  /**
   * Appends a text cell: quoted per RFC 4180 when needed, and with a leading apostrophe when it would otherwise start
   * with = + - @ or a tab, so a spreadsheet never runs a customer-supplied formula (OWASP "CSV injection").
   */
  public static void appendText(StringBuilder sb, String s) {
    if (s == null || s.isEmpty()) return;
    char first = s.charAt(0);
    boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    boolean quote = formula;
    for (int i = 0; i < s.length() && !quote; i++) {
      char c = s.charAt(i);
      quote = c == ',' || c == '"' || c == '\n' || c == '\r';
    }
    if (!quote) {
      sb.append(s);
      return;
    }
    sb.append('"');
    if (formula) sb.append('\'');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"') sb.append('"');
      sb.append(c);
    }
    sb.append('"');
  }
}
