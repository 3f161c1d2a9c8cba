package strata.report;

/**
 * Escaping for text that comes from data (tier names, file names, warnings) before it goes into
 * the report's HTML or inline SVG. Sections added by later features through {@link ReportSection}
 * must use it for every string they did not write themselves.
 */
public final class Html {
  private Html() {}

  /**
   * Returns {@code text} safe to place in HTML or SVG element content and in quoted attribute
   * values: {@code & < > " '} become character references, and characters that XML forbids (C0
   * controls other than tab and line breaks, lone surrogates, U+FFFE/U+FFFF) become U+FFFD, so the
   * SVG still parses if someone copies it into a file of its own.
   *
   * @param text any string; {@code null} yields the empty string
   * @return the escaped text, never {@code null}
   */
  public static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> {
          if (Character.isHighSurrogate(c) && i + 1 < text.length()
              && Character.isLowSurrogate(text.charAt(i + 1))) {
            out.append(c).append(text.charAt(++i));
          } else if (isForbiddenInXml(c)) {
            out.append('\uFFFD');
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  private static boolean isForbiddenInXml(char c) {
    return (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
        || Character.isSurrogate(c)
        || c == '\uFFFE'
        || c == '\uFFFF';
  }
}
