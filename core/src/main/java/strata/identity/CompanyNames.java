package strata.identity;

import com.ibm.icu.text.Normalizer2;
import java.util.Locale;

/**
 * Company and person names folded for comparison: NFKC (full-width letters, digits and brackets become half-width),
 * lower case, only letters and digits kept (spaces, brackets, punctuation and emoji go; the words inside brackets
 * stay), trailing English legal forms removed as words (co, ltd, limited, inc, corp, llc …), then one Chinese
 * legal-form suffix: 股份有限公司, 有限责任公司, 有限公司, 股份公司 or 公司. So 北京星辰科技（集团）股份有限公司 and
 * 北京星辰科技(集团)有限公司 both become 北京星辰科技集团.
 */
public final class CompanyNames {
  private CompanyNames() {}

  private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();
  /** Longest first, so 股份有限公司 is not read as 有限公司 leaving 股份. */
  private static final String[] CHINESE_SUFFIXES = {"股份有限公司", "有限责任公司", "有限公司", "股份公司", "公司"};
  /** English legal forms, removed as whole trailing words (so "Tesco" keeps its "co"). */
  private static final java.util.Set<String> ENGLISH_FORMS =
      java.util.Set.of("co", "company", "ltd", "limited", "inc", "incorporated", "corp", "corporation", "llc");
  /** Names this short after folding (e.g. 公司 alone, a single letter) say too little to suggest a duplicate. */
  static final int MIN_LENGTH = 2;
  static final int MAX_LENGTH = 512;

  /** The normal form, or "" when too little of a name is left to compare. */
  public static String normalise(String text) {
    if (text == null || text.isEmpty() || text.length() > MAX_LENGTH) return "";
    String s = NFKC.normalize(text).toLowerCase(Locale.ROOT);
    StringBuilder spaced = new StringBuilder(s.length());
    s.codePoints().forEach(c -> spaced.appendCodePoint(Character.isLetterOrDigit(c) ? c : ' '));
    java.util.List<String> words = new java.util.ArrayList<>(java.util.List.of(spaced.toString().strip().split(" +")));
    while (words.size() > 1 && ENGLISH_FORMS.contains(words.get(words.size() - 1))) words.remove(words.size() - 1);
    String folded = String.join("", words);
    for (String suffix : CHINESE_SUFFIXES) {
      if (folded.endsWith(suffix)) {
        if (folded.length() > suffix.length()) folded = folded.substring(0, folded.length() - suffix.length());
        break; // a name that is only a legal form (有限公司) stays as it is
      }
    }
    return folded.codePointCount(0, folded.length()) < MIN_LENGTH ? "" : folded;
  }
}
