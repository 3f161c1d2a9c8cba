package strata.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import strata.clv.ClvException;
import strata.intake.IntakeException;
import strata.scoring.ConfigException;
import strata.tier.TierModelException;

/** Turns exceptions into the one line a user reads, in the command's --lang. */
final class Errors {
  private Errors() {}

  static String message(Throwable e, Locale locale) {
    if (e instanceof TierModelException t) return t.text(locale);
    if (e instanceof ClvException c) return c.reason().text(locale);
    if (e instanceof ConfigException c) return c.text(locale);
    if (e instanceof strata.run.RunScope.ScopeException s) return s.text(locale);
    if (e instanceof IntakeException i) return i.text(locale);
    if (e instanceof UncheckedIOException u) return message(u.getCause(), locale);
    if (e instanceof NoSuchFileException n) return text(locale, "no_such_file", "file", n.getFile());
    if (e instanceof AccessDeniedException a) return text(locale, "permission_denied", "file", a.getFile());
    if (e instanceof IOException io) return text(locale, "io", "detail", io.getMessage());
    if (e instanceof OutOfMemoryError) return text(locale, "out_of_memory");
    if (e instanceof ArithmeticException a) return text(locale, "too_large", "detail", a.getMessage());
    return text(locale, "unexpected", "detail", e);
  }

  /**
   * A command line picocli could not parse, said in {@code locale}: picocli's own messages are English only, so the
   * kinds a user meets are worded here and the rest name the option and the value it refused.
   */
  static String parse(CommandLine.ParameterException e, Locale locale) {
    if (e instanceof CommandLine.UnmatchedArgumentException u) {
      return parseText(locale, "unknown", "args", String.join(" ", u.getUnmatched()));
    }
    if (e instanceof CommandLine.MissingParameterException m) {
      return parseText(locale, "missing", "names",
          m.getMissing().stream().map(Errors::name).collect(Collectors.joining(", ")));
    }
    if (e instanceof CommandLine.OverwrittenOptionException o) return parseText(locale, "repeated", "name", name(o.getOverwritten()));
    if (e.getArgSpec() != null && e.getValue() != null) {
      return parseText(locale, "bad_value", "name", name(e.getArgSpec()), "value", e.getValue());
    }
    return parseText(locale, "invalid", "detail", e.getMessage());
  }

  private static String name(ArgSpec arg) {
    return arg instanceof OptionSpec o ? o.longestName() : arg.paramLabel();
  }

  private static String text(Locale locale, String key, Object... namesAndValues) {
    return Language.text(locale, "error." + key, namesAndValues);
  }

  private static String parseText(Locale locale, String key, Object... namesAndValues) {
    return Language.text(locale, "parse." + key, namesAndValues);
  }
}
