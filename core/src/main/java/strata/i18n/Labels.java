package strata.i18n;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * User-visible labels (segment, stage, class and quadrant names) from the bundles
 * {@code strata/labels.properties} (English) and {@code strata/labels_zh.properties} (简体中文).
 */
public final class Labels {
  private static final String BUNDLE = "strata.labels";

  // No fallback to the JVM's default locale: a French request on a Chinese server must get
  // English, the base bundle, not whatever the machine happens to be set to.
  private static final ResourceBundle.Control NO_DEFAULT_LOCALE =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  private Labels() {}

  /**
   * The label for {@code key} in {@code locale}: the locale's bundle if it has the key, else the
   * English bundle, else the key itself (so a missing label shows up as its key, never as blank).
   *
   * @param locale {@code null} means English
   */
  public static String get(String key, Locale locale) {
    return find(key, locale).orElse(key);
  }

  /** The label for {@code key} in {@code locale} or English; empty when neither bundle has it. */
  public static java.util.Optional<String> find(String key, Locale locale) {
    try {
      return java.util.Optional.of(bundle(locale).getString(key));
    } catch (MissingResourceException e) {
      return java.util.Optional.empty();
    }
  }

  /**
   * The labels bundle for {@code locale}, falling back to English as {@link #get} does: for libraries that take a
   * {@link ResourceBundle} themselves (picocli's usage help).
   *
   * @param locale {@code null} means English
   */
  public static ResourceBundle bundle(Locale locale) {
    return ResourceBundle.getBundle(BUNDLE, locale == null ? Locale.ROOT : locale, NO_DEFAULT_LOCALE);
  }

  /**
   * The text for {@code key} in {@code locale} with its named placeholders filled: the one way Java code turns a key
   * into a sentence, so every user-visible text lives in the bundles and none is picked by a language test inline.
   *
   * @param namesAndValues name, value, name, value …; values are written with {@link String#valueOf}
   */
  public static String text(String key, Locale locale, Object... namesAndValues) {
    java.util.Map<String, String> args = new java.util.HashMap<>();
    for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
      args.put(String.valueOf(namesAndValues[i]), String.valueOf(namesAndValues[i + 1]));
    }
    return fill(get(key, locale), args);
  }

  /**
   * {@code template} with each named placeholder ({@code {key}}) replaced by its value in {@code args}, in one pass: a
   * value holding "{key}" (a user can write one) is not substituted again; unknown placeholders stay as written.
   */
  public static String fill(String template, java.util.Map<String, String> args) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < template.length()) {
      int open = template.indexOf('{', i);
      int close = open < 0 ? -1 : template.indexOf('}', open);
      if (close < 0) {
        out.append(template, i, template.length());
        break;
      }
      String value = args.get(template.substring(open + 1, close));
      out.append(template, i, open).append(value != null ? value : template.substring(open, close + 1));
      i = close + 1;
    }
    return out.toString();
  }
}
