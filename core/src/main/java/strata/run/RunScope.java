package strata.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import strata.i18n.Note;

/**
 * How much of a file run to compute: everything ({@link ScoringRun}), or RFM alone ({@link RfmRun}), which reads the
 * transactions through the same intake and writes recency, frequency, monetary and their three scores, nothing else.
 */
public enum RunScope {
  ALL,
  RFM;

  /**
   * The scope an {@code --only} value names.
   *
   * @throws ScopeException with note {@code only_unknown} for anything but rfm
   */
  public static RunScope only(String value) {
    if (value != null && value.trim().toLowerCase(Locale.ROOT).equals("rfm")) return RFM;
    throw new ScopeException(Note.of("only_unknown", value));
  }

  /**
   * Checks that this scope computes what the run asks for. RFM alone reads no side file, loads no tier model and
   * makes no prediction or plan: asking for one of them with it is a mistake to report, not to ignore silently.
   *
   * @param tierModel a tier model file was given
   * @param plan a service plan was asked for
   * @throws ScopeException with note {@code only_rfm_conflict} naming the options, in the order of {@code --help}
   */
  public void check(RunInputs in, Predictions predictions, boolean tierModel, boolean plan) {
    if (this == ALL) return;
    List<String> conflicts = new ArrayList<>();
    if (in.customers() != null) conflicts.add("--customers");
    if (in.interactions() != null) conflicts.add("--interactions");
    if (in.surveys() != null) conflicts.add("--surveys");
    if (tierModel) conflicts.add("--model");
    if (predictions.churn()) conflicts.add("--churn");
    if (predictions.clusters()) conflicts.add("--clusters");
    if (predictions.products()) conflicts.add("--products");
    if (plan) conflicts.add("--plan");
    if (!conflicts.isEmpty()) throw new ScopeException(Note.of("only_rfm_conflict", String.join(", ", conflicts)));
  }

  /** A run scope that cannot be honoured; its note says why in the reader's language. */
  public static final class ScopeException extends strata.intake.IntakeException {
    private final Note note;

    ScopeException(Note note) {
      super(note.toString());
      this.note = note;
    }

    public String text(Locale locale) {
      return note.text(locale);
    }
  }
}
