package strata.cli;

import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import strata.i18n.Labels;

/**
 * The {@code --lang} option, one definition mixed into every command that writes for a reader: its labels, reports,
 * console lines and error messages are in this language (Chinese by default).
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
   * The --lang of {@code line}'s command: {@code withoutOption} for a command that has none, English when the value is
   * what is wrong (so the message saying so can be read).
   */
  static Locale of(CommandLine line, Locale withoutOption) {
    CommandLine.Model.OptionSpec lang = line.getCommandSpec().findOption("--lang");
    if (lang == null) return withoutOption;
    // A parse that failed early has not applied the default yet.
    Object value = lang.getValue() != null ? lang.getValue() : lang.defaultValue();
    try {
      return locale(String.valueOf(value));
    } catch (RuntimeException e) {
      return Locale.ENGLISH;
    }
  }

  /**
   * Makes {@code root}'s usage help (descriptions and headings, for it and its subcommands) speak the --lang of the
   * command the user named, zh by default as every other output: the help printed for {@code --help}, {@code help}
   * and a wrong option alike. The texts are keys of the labels bundles (picocli's key convention, see
   * labels.properties) rather than a picocli bundle of their own, so the CLI keeps one ResourceBundle family for all
   * it writes and LabelsTest checks the help in both languages with everything else.
   */
  static void helpFollowsLang(CommandLine root) {
    root.setResourceBundle(Labels.bundle(locale("zh")));
    CommandLine.IExecutionStrategy run = root.getExecutionStrategy();
    root.setExecutionStrategy(parsed -> {
      List<CommandLine> named = parsed.asCommandLineList();
      root.setResourceBundle(Labels.bundle(of(named.get(named.size() - 1), locale("zh"))));
      return run.execute(parsed);
    });
    // As picocli's own handler (the error, then close matches or the usage), with the error in the command's language.
    root.setParameterExceptionHandler((e, args) -> {
      CommandLine line = e.getCommandLine();
      Locale locale = of(line, locale("zh"));
      root.setResourceBundle(Labels.bundle(locale));
      java.io.PrintWriter err = line.getErr();
      err.println("strata: " + Errors.parse(e, locale));
      if (!CommandLine.UnmatchedArgumentException.printSuggestions(e, err)) line.usage(err);
      return line.getCommandSpec().exitCodeOnInvalidInput();
    });
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
