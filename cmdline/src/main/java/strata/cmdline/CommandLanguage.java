package strata.cmdline;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import strata.i18n.Labels;
import strata.i18n.Languages;
import strata.intake.IntakeException;

/**
 * The {@code --lang} of a picocli command line (strata's and strata-spark's), and its usage help and wrong-option
 * lines in that language, Chinese by default as everything else the commands write.
 */
public final class CommandLanguage {
  private static final Locale DEFAULT = Languages.locale("zh");

  private CommandLanguage() {}

  /**
   * The language of {@code line}'s command: the nearest --lang given on the command line, on it or on a command it is
   * a subcommand of ({@code strata --lang en help score}); else its own --lang's default; {@code withoutOption} for a
   * command that has no --lang; English when the value is what is wrong (so the message saying so can be read).
   */
  public static Locale of(CommandLine line, Locale withoutOption) {
    for (CommandLine command = line; command != null; command = command.getParent()) {
      String given = given(command);
      if (given != null) return localeOrEnglish(given);
    }
    OptionSpec lang = line.getCommandSpec().findOption("--lang");
    if (lang == null) return withoutOption;
    // A parse that failed early has not applied the default yet.
    return localeOrEnglish(String.valueOf(lang.getValue() != null ? lang.getValue() : lang.defaultValue()));
  }

  /**
   * Makes {@code root}'s usage help (descriptions and headings, for it and its subcommands) speak the --lang of the
   * command the user named, for {@code --help}, {@code help} and a wrong option alike, and says a wrong option in it
   * ({@link ParseErrors}) after the program's name. A --lang given before a subcommand's name holds for the subcommand
   * too, unless it has its own. The texts are keys of the labels bundles (picocli's key convention, see
   * labels.properties) rather than a picocli bundle of their own, so the commands keep one ResourceBundle family for
   * all they write and LabelsTest checks the help in both languages with everything else.
   */
  public static void helpFollowsLang(CommandLine root) {
    root.setResourceBundle(Labels.bundle(DEFAULT));
    CommandLine.IExecutionStrategy run = root.getExecutionStrategy();
    root.setExecutionStrategy(parsed -> {
      List<CommandLine> named = parsed.asCommandLineList();
      inheritLang(named);
      root.setResourceBundle(Labels.bundle(of(named.get(named.size() - 1), DEFAULT)));
      return run.execute(parsed);
    });
    // As picocli's own handler (the error, then close matches or the usage), in the command's language.
    root.setParameterExceptionHandler((e, args) -> {
      CommandLine line = e.getCommandLine();
      Locale locale = of(line, DEFAULT);
      root.setResourceBundle(Labels.bundle(locale));
      PrintWriter err = line.getErr();
      err.println(root.getCommandName() + ": " + ParseErrors.message(e, locale));
      String closeMatches = ParseErrors.closeMatches(e, locale);
      if (closeMatches != null) err.println(closeMatches);
      else line.usage(err);
      return line.getCommandSpec().exitCodeOnInvalidInput();
    });
  }

  /** Gives each named command without a --lang of its own on the command line the nearest one given before it. */
  private static void inheritLang(List<CommandLine> named) {
    String inherited = null;
    for (CommandLine command : named) {
      String given = given(command);
      OptionSpec lang = command.getCommandSpec().findOption("--lang");
      if (given != null) inherited = given;
      else if (inherited != null && lang != null) lang.setValue(inherited);
    }
  }

  /** The --lang given on the command line for {@code command} itself, or null. */
  private static String given(CommandLine command) {
    CommandLine.ParseResult parsed = command.getParseResult();
    if (parsed == null || !parsed.hasMatchedOption("--lang")) return null;
    List<String> values = parsed.matchedOption("--lang").stringValues();
    return values.isEmpty() ? null : values.get(values.size() - 1);
  }

  private static Locale localeOrEnglish(String lang) {
    try {
      return Languages.locale(lang);
    } catch (IntakeException e) {
      return Locale.ENGLISH;
    }
  }
}
