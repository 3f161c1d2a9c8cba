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

/** Turns exceptions into the one line a user reads. */
final class Errors {
  private Errors() {}

  /**
   * @param locale the command's --lang: tier model, scoring setting, CLV and input errors are said in it, the others
   *     (the system's own failures) in English
   */
  static String message(Throwable e, Locale locale) {
    if (e instanceof TierModelException t) return t.text(locale);
    if (e instanceof ClvException c) return c.reason().text(locale);
    if (e instanceof ConfigException c) return c.text(locale);
    if (e instanceof IntakeException i) return i.text(locale);
    if (e instanceof UncheckedIOException u) return message(u.getCause(), locale);
    if (e instanceof NoSuchFileException n) return n.getFile() + ": no such file or directory";
    if (e instanceof AccessDeniedException a) return a.getFile() + ": permission denied";
    if (e instanceof IOException io) return "I/O error: " + io.getMessage();
    if (e instanceof OutOfMemoryError) {
      return "out of memory; give Java more with JAVA_OPTS=-Xmx4g (Strata needs roughly 200 bytes per customer)";
    }
    if (e instanceof ArithmeticException a) return "a total is too large to add up exactly (" + a.getMessage() + ")";
    return "unexpected error: " + e + " (run with -Dstrata.debug=true for details)";
  }
}
