package strata.cli;

import java.util.Locale;
import picocli.CommandLine.Option;
import strata.i18n.Labels;

/**
 * The {@code --lang} option, one definition mixed into strata and every command that writes for a reader: its
 * labels, reports, console lines, help and error messages are in this language (Chinese by default). Which --lang a
 * line follows, and the help and wrong-option lines in it, are strata.cmdline.CommandLanguage's, shared with
 * strata-spark.
 */
final class Language {
  @Option(names = "--lang", defaultValue = "zh", paramLabel = "zh|en", descriptionKey = "strata.lang")
  String lang;

  Locale locale() {
    return locale(lang);
  }

  static Locale locale(String lang) {
    return strata.i18n.Languages.locale(lang);
  }

  /**
   * A console line from the labels bundles ({@code cli.<key>}) in {@code locale}, its named placeholders filled.
   *
   * @param namesAndValues name, value, name, value …; values are written with {@link String#valueOf}
   */
  static String text(Locale locale, String key, Object... namesAndValues) {
    return Labels.text("cli." + key, locale, namesAndValues);
  }
}
