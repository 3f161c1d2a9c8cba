package strata.intake;

import java.util.Locale;
import strata.i18n.Note;

/**
 * A problem with an input file or option as a whole (missing column, unreadable, nothing usable). Why is a
 * {@link Note} (one of the codes below, labels {@code note.<code>}, the file's name or the option first), so the CLI
 * says it in its {@code --lang}; the message is its English.
 */
public class IntakeException extends RuntimeException {
  // Files.
  public static final String NOT_FOUND = "intake_not_found";
  public static final String UNREADABLE = "intake_unreadable";
  public static final String INTERRUPTED = "intake_interrupted";
  public static final String EMPTY = "intake_empty";
  public static final String UTF16 = "intake_utf16";
  public static final String NO_LINE_BREAK = "intake_no_line_break";
  public static final String ROW_TOO_LONG = "intake_row_too_long";
  public static final String NOT_CSV = "intake_not_csv";
  public static final String NOT_PARQUET = "intake_not_parquet";
  public static final String NOT_A_FOLDER = "intake_not_a_folder";
  // Columns and rows.
  public static final String NO_COLUMN = "intake_no_column";
  public static final String MAP_NAMES_NO_COLUMN = "intake_map_names_no_column";
  public static final String MISSING_COLUMN = "intake_missing_column";
  public static final String NO_ROWS = "intake_no_rows";
  public static final String ALL_REJECTED = "intake_all_rejected";
  public static final String NONE_BEFORE_AS_OF = "intake_none_before_as_of";
  // Options.
  public static final String UNKNOWN_ENCODING = "intake_unknown_encoding";
  public static final String UNKNOWN_DELIMITER = "intake_unknown_delimiter";
  public static final String BAD_DATE_FORMAT = "intake_bad_date_format";
  public static final String BAD_CHOICE = "intake_bad_choice";
  public static final String BELOW_MINIMUM = "intake_below_minimum";
  public static final String HORIZON_DAYS = "intake_horizon_days";
  public static final String UNKNOWN_TIME_ZONE = "intake_unknown_time_zone";
  public static final String HOLDOUT_NOT_AFTER = "intake_holdout_not_after";
  // Merges and plans.
  public static final String MERGE_NOT_A_PAIR = "intake_merge_not_a_pair";
  public static final String MERGE_WITH_ITSELF = "intake_merge_with_itself";
  public static final String CASE_MERGE_UNAVAILABLE = "intake_case_merge_unavailable";
  public static final String NOT_ON_SPARK = "intake_not_on_spark";
  public static final String NO_PREVIOUS_CUSTOMERS = "intake_no_previous_customers";
  public static final String NOT_A_TASK = "intake_not_a_task";
  public static final String NO_CONSENT_COLUMNS = "intake_no_consent_columns";
  // Excel workbooks.
  public static final String NO_SHEET = "intake_no_sheet";
  public static final String NOT_XLSX = "intake_not_xlsx";
  public static final String SHEET_NOT_WRITTEN = "intake_sheet_not_written";
  public static final String TOO_MANY_ROWS = "intake_too_many_rows";
  public static final String TOO_MANY_COLUMNS = "intake_too_many_columns";
  public static final String TOO_MANY_CELLS = "intake_too_many_cells";

  private final Note reason;

  /** @param args the sentence's values in order ({0}, {1} … of {@code note.<code>}) */
  public IntakeException(String code, Object... args) {
    this(Note.of(code, args), null);
  }

  private IntakeException(Note reason, Throwable cause) {
    super(reason.text(Locale.ENGLISH), cause);
    this.reason = reason;
  }

  /** An intake error caused by {@code cause}, kept for a debug trace. */
  public static IntakeException causedBy(Throwable cause, String code, Object... args) {
    return new IntakeException(Note.of(code, args), cause);
  }

  /** Why, as a code and its values. */
  public Note reason() {
    return reason;
  }

  /** The error in {@code locale}. */
  public String text(Locale locale) {
    return reason.text(locale);
  }
}
