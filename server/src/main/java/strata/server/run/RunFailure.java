package strata.server.run;

import java.util.List;
import java.util.Locale;
import strata.i18n.Note;
import strata.scoring.ConfigException;
import strata.tier.TierModelError;
import strata.tier.TierModelErrorText;
import strata.tier.TierModelException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Why a run failed, stored in {@code tier_run.error} as data so whoever opens the run later reads it in their language:
 * a {@link Note} (one of the codes below, labels {@code note.<code>}), or the model's own {@link TierModelError}
 * (labels {@code model.error.<code>}, as the model editor says it) when the model or its scoring settings cannot be
 * used. Runs that failed before kept English text, which is shown as it is, without a code.
 *
 * @param note why, unless the model was at fault
 * @param modelError what is wrong with the model, else null
 */
record RunFailure(Note note, TierModelError modelError) {
  static final String INTERRUPTED = "run_interrupted";
  static final String NO_CUSTOMERS = "run_no_customers";
  static final String MODEL_INVALID = "run_model_invalid";
  static final String UNEXPECTED = "run_unexpected";
  /** What a sales user reads instead: the reason describes the whole data set. */
  static final String HIDDEN = "run_failed_hidden";

  /** The column's size. */
  private static final int MAX_STORED = 4000;
  /** A library's message can be long; its start says what failed. */
  private static final int MAX_DETAIL = 500;

  static RunFailure of(Throwable e) {
    if (e instanceof TierModelException t) return new RunFailure(null, t.error());
    if (e instanceof ConfigException c) return new RunFailure(null, new TierModelError(c.code(), c.args(), null));
    if (e instanceof RunService.NoCustomers) return new RunFailure(Note.of(NO_CUSTOMERS), null);
    String detail = e.getClass().getSimpleName() + ": " + e.getMessage();
    return new RunFailure(new Note(UNEXPECTED, List.of(detail.length() > MAX_DETAIL
        ? detail.substring(0, MAX_DETAIL) + "…" : detail)), null);
  }

  static RunFailure of(Note note) {
    return new RunFailure(note, null);
  }

  /** The stored form, JSON that fits the column. */
  String stored(JsonMapper json) {
    String stored = json.writeValueAsString(this);
    if (stored.length() <= MAX_STORED) return stored;
    // Only model values the model file can make long (each is clipped, but many add up): say it without them.
    return json.writeValueAsString(of(Note.of(UNEXPECTED, text(Locale.ENGLISH))));
  }

  /** A stored reason as the API shows it, null when there is none. */
  static RunNote read(String stored, JsonMapper json) {
    if (stored == null) return null;
    if (stored.startsWith("{")) {
      try {
        RunFailure failure = json.readValue(stored, RunFailure.class);
        if (failure.note() != null || failure.modelError() != null) return failure.shown();
      } catch (JacksonException e) {
        // English text that happened to start with a brace: shown as written below.
      }
    }
    return new RunNote(null, stored, stored);
  }

  /** What a sales user reads for any failed run. */
  static RunNote hidden() {
    return RunNote.of(Note.of(HIDDEN));
  }

  private RunNote shown() {
    String code = note != null ? note.code() : modelError.code();
    return new RunNote(code, text(Locale.SIMPLIFIED_CHINESE), text(Locale.ENGLISH));
  }

  private String text(Locale locale) {
    if (note != null) return note.text(locale);
    return Note.of(MODEL_INVALID, TierModelErrorText.render(modelError, locale)).text(locale);
  }
}
