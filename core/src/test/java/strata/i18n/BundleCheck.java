package strata.i18n;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What is wrong with an en/zh pair of bundles as a reader would see it: a text that is blank or only its key, and a
 * Chinese text that is not Chinese (English letters and no Chinese character once placeholders are removed), which is
 * how a copied English text looks. The web bundle is checked the same way (web/src/i18n/messages.test.ts).
 */
public final class BundleCheck {
  /** Acronyms Chinese readers use as they are, the only texts allowed to read the same in both languages. */
  public static final Set<String> ACRONYMS = Set.of("NPS", "CSAT", "CLV");

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{[^}]*}");
  private static final Pattern LATIN = Pattern.compile("[A-Za-z]");
  private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

  private BundleCheck() {}

  /** One line per problem, {@code "zh key: …"}; empty when every text reads right in both languages. */
  public static List<String> problems(Properties en, Properties zh) {
    Set<String> keys = new TreeSet<>(en.stringPropertyNames());
    keys.addAll(zh.stringPropertyNames());
    List<String> problems = new ArrayList<>();
    for (String key : keys) {
      for (String lang : List.of("en", "zh")) {
        String text = (lang.equals("en") ? en : zh).getProperty(key);
        if (text == null || text.isBlank()) {
          problems.add(lang + " " + key + ": missing or blank");
        } else if (text.strip().equals(key)) {
          problems.add(lang + " " + key + ": only its key");
        }
      }
      String text = zh.getProperty(key, "");
      String words = PLACEHOLDER.matcher(text).replaceAll("");
      if (!ACRONYMS.contains(text.strip()) && LATIN.matcher(words).find() && !HAN.matcher(words).find()) {
        problems.add("zh " + key + ": not Chinese: " + text);
      }
    }
    return problems;
  }
}
