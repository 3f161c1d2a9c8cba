package strata.identity;

import com.ibm.icu.text.Normalizer2;
import java.util.Locale;

/**
 * E-mail addresses folded for comparison: NFKC (full-width letters and ＠ become ASCII), surrounding spaces trimmed,
 * lower case. Provider-specific rules (dots in Gmail names, +tags) are not applied: they do not hold for most
 * company domains, and a false merge is worse than a missed one.
 */
public final class Emails {
  private Emails() {}

  private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();
  /** The longest address RFC 5321 allows. */
  static final int MAX_LENGTH = 254;

  /** The normal form, or "" when the text is not one address (no or two @, empty parts, spaces or controls inside). */
  public static String normalise(String text) {
    if (text == null || text.isEmpty() || text.length() > 4 * MAX_LENGTH) return "";
    String s = NFKC.normalize(text).strip().toLowerCase(Locale.ROOT);
    if (s.length() > MAX_LENGTH) return "";
    int at = s.indexOf('@');
    if (at <= 0 || at != s.lastIndexOf('@') || at == s.length() - 1) return "";
    if (s.indexOf('.', at) < 0) return "";
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c) || c == ',' || c == ';') return "";
    }
    return s;
  }
}
