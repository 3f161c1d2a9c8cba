package strata.server.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import strata.i18n.Note;
import tools.jackson.databind.JsonNode;

/**
 * A warning about an import's rows as the API shows it: a stable code and the sentence in both languages. Stored in
 * {@code import_job.quality} as the core {@link Note} (code and arguments), so whoever opens the import later reads it
 * in their language: core's {@code quality_*} codes ({@link strata.intake.FileQuality#warnings}) and the server's
 * {@link #AMOUNTS_ROUNDED}, {@link #VALUES_CUT}, {@link #UNKNOWN_PURCHASERS} and {@link #AMOUNT_OUTLIERS}. Imports stored before kept English
 * text, which is shown as it is under both languages, without a code.
 */
public record ImportWarning(String code, String zh, String en) {
  /** Amounts with digits below the cent, rounded half-even to cents. */
  static final String AMOUNTS_ROUNDED = "import_amounts_rounded";
  /** Values longer than their column, cut to it. */
  static final String VALUES_CUT = "import_values_cut";
  /** Customers buying in a transactions file who have no customer record: how many, and the first few ids. */
  static final String UNKNOWN_PURCHASERS = "import_unknown_purchasers";
  /** Amounts far beyond the file's usual ones ({@link strata.intake.AmountOutliers}): kept, named, to be checked. */
  static final String AMOUNT_OUTLIERS = "import_amount_outliers";

  static ImportWarning of(Note warning) {
    return new ImportWarning(warning.code(), warning.text(Locale.SIMPLIFIED_CHINESE), warning.text(Locale.ENGLISH));
  }

  /** A stored warning: a note ({@code {code, args}}) or, from before codes, English text. */
  static ImportWarning read(JsonNode stored) {
    if (stored.isString()) return new ImportWarning(null, stored.asString(), stored.asString());
    List<String> args = new ArrayList<>();
    stored.path("args").forEach(a -> args.add(a.asString()));
    return of(new Note(stored.get("code").asString(), args));
  }
}
