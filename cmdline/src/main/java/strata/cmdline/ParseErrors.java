package strata.cmdline;

import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import strata.i18n.Labels;
import strata.intake.IntakeException;

/**
 * A command line picocli could not parse, said in the command's language: picocli's own messages are English only, so
 * the kinds a user meets are worded from the labels bundles ({@code cli.parse.*}) and the rest name the option and
 * the value it refused.
 */
public final class ParseErrors {
  private ParseErrors() {}

  /** The one line saying what is wrong with the command line, without the program's name. */
  public static String message(CommandLine.ParameterException e, Locale locale) {
    // A value the command itself refused, with the reason in its own words (the command's code, not picocli's).
    if (e.getCause() instanceof IntakeException i) return i.text(locale);
    if (e instanceof CommandLine.UnmatchedArgumentException u) {
      return text(locale, "unknown", "args", String.join(" ", u.getUnmatched()));
    }
    if (e instanceof CommandLine.MissingParameterException m) {
      return text(locale, "missing", "names",
          m.getMissing().stream().map(ParseErrors::name).collect(Collectors.joining(", ")));
    }
    if (e instanceof CommandLine.OverwrittenOptionException o) return text(locale, "repeated", "name", name(o.getOverwritten()));
    if (e.getArgSpec() == null && namesNoCommand(e.getCommandLine())) {
      return text(locale, "no_command", "commands", String.join(", ", e.getCommandLine().getSubcommands().keySet()));
    }
    if (e.getArgSpec() != null && e.getValue() != null) {
      return text(locale, "bad_value", "name", name(e.getArgSpec()), "value", e.getValue());
    }
    return text(locale, "invalid", "detail", e.getMessage());
  }

  /** The options or commands close to an unknown one ("did you mean"), or null when there are none. */
  public static String closeMatches(CommandLine.ParameterException e, Locale locale) {
    if (!(e instanceof CommandLine.UnmatchedArgumentException u) || u.getSuggestions().isEmpty()) return null;
    return text(locale, "close_matches", "names", String.join(", ", u.getSuggestions()));
  }

  /** A command that has subcommands and was named without one (picocli's "Missing required subcommand"). */
  private static boolean namesNoCommand(CommandLine line) {
    CommandLine.ParseResult parsed = line.getParseResult();
    return !line.getSubcommands().isEmpty() && parsed != null && !parsed.hasSubcommand();
  }

  private static String name(ArgSpec arg) {
    return arg instanceof OptionSpec o ? o.longestName() : arg.paramLabel();
  }

  private static String text(Locale locale, String key, Object... namesAndValues) {
    return Labels.text("cli.parse." + key, locale, namesAndValues);
  }
}
