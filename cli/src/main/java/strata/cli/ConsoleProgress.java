package strata.cli;

import java.io.PrintStream;
import java.util.Locale;
import strata.i18n.Note;
import strata.run.Progress;

/** Progress on stderr, redrawn in place, only when stderr is a terminal (never in logs or pipes). */
final class ConsoleProgress implements Progress {
  private final PrintStream err;
  private final boolean enabled;
  private final long started = System.nanoTime();
  private long lastDraw;
  /** STRATA_TIMINGS=1 prints each phase with its start time, one per line, to see where a run spends its time. */
  private final boolean timings = System.getenv("STRATA_TIMINGS") != null;

  private final Locale locale;

  ConsoleProgress(PrintStream err, boolean quiet, Locale locale) {
    this.err = err;
    this.locale = locale;
    this.enabled = !quiet && System.console() != null;
  }

  @Override
  public void phase(Note phase) {
    String name = phase.text(locale);
    if (timings) err.println(elapsed() + name);
    if (!enabled) return;
    err.print("\r\033[K" + elapsed() + name);
    err.flush();
  }

  @Override
  public void bytes(long done, long total) {
    long now = System.nanoTime();
    if (!enabled || total <= 0 || now - lastDraw < 200_000_000L) return;
    lastDraw = now;
    int pct = (int) Math.min(100, done * 100 / total);
    int bar = pct / 4;
    err.print("\r\033[K" + elapsed() + "[" + "#".repeat(bar) + " ".repeat(25 - bar) + "] "
        + Language.text(locale, "progress_bytes", "percent", pct, "mib", total >> 20));
    err.flush();
  }

  void done() {
    if (enabled) {
      err.print("\r\033[K");
      err.flush();
    }
  }

  private String elapsed() {
    return String.format("%5.1fs ", (System.nanoTime() - started) / 1e9);
  }
}
