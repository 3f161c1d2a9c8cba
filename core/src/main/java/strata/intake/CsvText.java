package strata.intake;

import de.siegmar.fastcsv.writer.QuoteStrategy;

/**
 * Writing text into CSV cells safely: a cell that would start with = + - @, a tab or a carriage return gets a leading
 * apostrophe and quotes, so a spreadsheet never runs a customer-supplied formula (OWASP "CSV injection").
 */
public final class CsvText {
  private CsvText() {}

  /**
   * For FastCSV writers: the text of a cell, apostrophe-guarded when it would start a formula; null stays null. Write
   * it with {@link #QUOTING}.
   */
  public static String guarded(String s) {
    return s != null && startsFormula(s) ? "'" + s : s;
  }

  /** The text {@link #guarded} was given, for files Strata wrote and reads back (a reviewed duplicates.csv). */
  public static String unguarded(String s) {
    return s.length() > 1 && s.charAt(0) == '\'' && startsFormula(s.substring(1)) ? s.substring(1) : s;
  }

  /** FastCSV's quoting as RFC 4180 requires it, and always for a cell {@link #guarded} changed (as OWASP advises). */
  public static final QuoteStrategy QUOTING = new QuoteStrategy() {
    @Override
    public boolean quoteValue(int lineNo, int fieldIdx, String value) {
      return value.length() > 1 && value.charAt(0) == '\'' && startsFormula(value.substring(1));
    }
  };

  /**
   * Appends a text cell as {@link #guarded} and {@link #QUOTING} write it: for customers.csv, whose rows are formatted
   * by hand because writing it is a measured share of a run (bench/README.md).
   */
  public static void appendText(StringBuilder sb, String s) {
    if (s == null || s.isEmpty()) return;
    boolean formula = startsFormula(s);
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

  private static boolean startsFormula(String s) {
    if (s.isEmpty()) return false;
    char first = s.charAt(0);
    return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
  }
}
