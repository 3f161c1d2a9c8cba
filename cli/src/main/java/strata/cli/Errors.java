package strata.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.Locale;
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

  private static String text(Locale locale, String key, Object... namesAndValues) {
    return Language.text(locale, "error." + key, namesAndValues);
  }
}
