package strata.identity;

import com.ibm.icu.text.Normalizer2;

/**
 * Phone numbers folded to one comparable form: mainland mobiles as their 11 digits ({@code 13812345678}), mainland
 * landlines as trunk 0 + area code + number ({@code 01088886666}), other international numbers as {@code +} and their
 * digits, 400/800 service numbers as their ten digits. Country prefixes +86, 0086 and 86, spaces, dashes, dots, slashes and brackets (half- or full-width) are
 * dropped; an extension after 转, 分机, ext, x or # is ignored.
 */
public final class Phones {
  private Phones() {}

  private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();
  /** Longer text is not a phone number (and is not worth normalising). */
  static final int MAX_LENGTH = 64;

  /** The normal form, or "" when the text is not a phone number Strata can compare (e.g. no area code). */
  public static String normalise(String text) {
    if (text == null || text.isEmpty() || text.length() > MAX_LENGTH) return "";
    String s = NFKC.normalize(text).toLowerCase(java.util.Locale.ROOT);
    s = beforeExtension(s);
    StringBuilder digits = new StringBuilder(16);
    boolean plus = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') digits.append(c);
      else if (c == '+' && digits.isEmpty() && !plus) plus = true;
      else if (" -.()/\t".indexOf(c) < 0) return ""; // letters, emoji, NUL: not a phone number
    }
    return fold(digits.toString(), plus);
  }

  private static String beforeExtension(String s) {
    for (String mark : new String[] {"转", "分机", "ext", "x", "#"}) {
      int at = s.indexOf(mark);
      if (at > 0) s = s.substring(0, at);
    }
    return s.strip();
  }

  private static String fold(String d, boolean plus) {
    boolean mainland = false;
    if (plus && d.startsWith("86")) {
      d = d.substring(2);
      mainland = true;
    } else if (plus) {
      return d.length() >= 8 && d.length() <= 15 ? "+" + d : "";
    } else if (d.startsWith("0086")) {
      d = d.substring(4);
      mainland = true;
    } else if (d.startsWith("86") && (isMobile(d.substring(2)) || d.length() == 12 || d.length() == 13)) {
      // 86 without a plus is read as the country code only when what follows is a full number without trunk 0.
      d = d.substring(2);
      mainland = true;
    }
    if (isMobile(d) || isServiceNumber(d)) return d;
    if (mainland && !d.startsWith("0")) d = "0" + d; // +86 10 8888 6666: the trunk 0 is dropped after the country code
    return isLandline(d) ? d : "";
  }

  /** Mainland mobile: 1, then 3–9, then nine digits. */
  static boolean isMobile(String d) {
    return d.length() == 11 && d.charAt(0) == '1' && d.charAt(1) >= '3' && d.charAt(1) <= '9';
  }

  /** Nationwide service numbers 400-xxx-xxxx and 800-xxx-xxxx: ten digits, no area code. */
  static boolean isServiceNumber(String d) {
    return d.length() == 10 && (d.startsWith("400") || d.startsWith("800"));
  }

  /**
   * Trunk 0, an area code of 2–3 digits after it (010, 021, 0755 …) and a 7–8 digit number: 10 to 12 digits. A
   * number without its area code (7–8 digits) is refused: 88886666 in Beijing and in Shanghai are different lines.
   */
  static boolean isLandline(String d) {
    return d.length() >= 10 && d.length() <= 12 && d.charAt(0) == '0' && d.charAt(1) != '0';
  }
}
