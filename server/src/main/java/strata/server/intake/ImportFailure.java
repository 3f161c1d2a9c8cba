package strata.server.intake;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import strata.i18n.Note;
import strata.server.api.BadRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Why an import failed, as the API shows it: a stable code and the sentence in both languages. Stored in
 * {@code import_job.error} as the core {@link Note} (code and arguments, as JSON), so whoever opens the import later
 * reads it in their language: an intake code ({@code intake_no_column} …, core's {@link strata.intake.IntakeException})
 * when the file cannot be used, else one of the codes below (labels {@code note.<code>}). Imports that failed before
 * kept English text, which is shown as it is under both languages, without a code.
 */
public record ImportFailure(String code, String zh, String en) {
  /** A fault of the server's, not the file's; the log has it. */
  static final String INTERNAL = "import_internal";
  /** Its server stopped before it finished. */
  static final String CUT_OFF = "import_cut_off";
  /** An upload refused at once: an Excel 97–2003 workbook. */
  static final String OLD_XLS = "import_old_xls";
  /** An upload refused at once: named .xlsx and not a zip archive. */
  static final String NOT_ZIP = "import_not_zip";

  private static final JsonMapper JSON = JsonMapper.builder().build();
  /** The column's size. */
  static final int MAX_STORED = 4000;
  /** An argument can be long (a header line, a library's message); its start says what is wrong. */
  private static final int MAX_ARG = 1000;

  /** The stored form: JSON that fits the column, the longest arguments clipped if it would not. */
  static String stored(Note why) {
    for (int max = MAX_ARG; ; max /= 2) {
      String stored = JSON.writeValueAsString(clipped(why, max));
      if (stored.length() <= MAX_STORED || max == 0) return stored;
    }
  }

  /** A stored reason as the API shows it, null when there is none. */
  static ImportFailure read(String stored) {
    if (stored == null) return null;
    if (stored.startsWith("{")) {
      try {
        Note why = JSON.readValue(stored, Note.class);
        if (why.code() != null) return of(why);
      } catch (JacksonException e) {
        // English text that happened to start with a brace: shown as written below.
      }
    }
    return new ImportFailure(null, stored, stored);
  }

  static ImportFailure of(Note why) {
    return new ImportFailure(why.code(), why.text(Locale.SIMPLIFIED_CHINESE), why.text(Locale.ENGLISH));
  }

  /** The problem's code when an upload is refused because the file cannot be used; its field error says why. */
  static final String UNUSABLE_FILE = "unusable_file";

  /** A field error on {@code file} with the code and its sentence in both languages (docs/api.md). */
  record FileError(String field, String message, String code, Map<String, String> text) {}

  /** An upload or preview refused at once (400 {@code unusable_file}) for {@code why}. */
  static BadRequest refusal(Note why) {
    ImportFailure shown = of(why);
    return new BadRequest(400, UNUSABLE_FILE, "file: " + shown.en(), List.of(new FileError("file", shown.en(),
        shown.code(), Map.of("zh", shown.zh(), "en", shown.en()))));
  }

  private static Note clipped(Note why, int max) {
    List<String> args = why.args().stream().map(a -> a.length() <= max ? a : a.substring(0, max) + "…").toList();
    return new Note(why.code(), args);
  }
}
