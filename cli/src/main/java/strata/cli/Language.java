package strata.cli;

import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Option;
import strata.i18n.Labels;
import strata.intake.IntakeException;

/**
 * The {@code --lang} option, one definition mixed into every command that writes for a reader: its labels, reports,
 * console lines and error messages are in this language (Chinese by default).
 */
final class Language {
  @Option(names = "--lang", defaultValue = "zh", paramLabel = "zh|en",
      description = "language of labels, report, console output and messages (default: zh)")
  String lang;

  Locale locale() {
    return locale(lang);
  }

  static Locale locale(String lang) {
    return switch (lang.toLowerCase(Locale.ROOT)) {
      case "zh", "zh-cn", "cn" -> Locale.SIMPLIFIED_CHINESE;
      case "en", "en-us", "en-gb" -> Locale.ENGLISH;
      default -> throw new IntakeException(IntakeException.BAD_CHOICE, "--lang", "zh, en", lang);
    };
  }

  /**
   * A console line from the labels bundles ({@code cli.<key>}) in {@code locale}, its named placeholders filled.
   *
   * @param namesAndValues name, value, name, value …; values are written with {@link String#valueOf}
   */
  static String text(Locale locale, String key, Object... namesAndValues) {
    Map<String, String> args = new java.util.HashMap<>();
    for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
      args.put(String.valueOf(namesAndValues[i]), String.valueOf(namesAndValues[i + 1]));
    }
    return Labels.fill(Labels.get("cli." + key, locale), args);
  }
}
