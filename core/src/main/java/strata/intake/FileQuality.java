package strata.intake;

import java.util.List;
import java.util.Map;
import strata.i18n.Note;

/**
 * What happened to the rows of one input file. Every data row is counted exactly once in
 * {@code rowsAccepted} or {@code rowsRejected}; {@code rowsAfterAsOf}, {@code duplicateRows} and
 * {@code amountsRounded} are subsets of the accepted rows.
 *
 * @param kind transactions, customers, interactions or surveys
 * @param rowsAfterAsOf valid rows dated after the as-of date: kept out of the run, not rejected
 * @param duplicateRows rows identical byte for byte to an earlier row of the same file
 * @param amountsRounded amounts with non-zero digits below the cent, rounded half-even to cents
 * @param warnings what the reader should check, as codes and values ({@code quality_*} notes), said in their language
 *     where they are shown
 * @param amountOutliers transactions only: amounts far out of the file's distribution; null for other files or too
 *     few amounts to judge
 */
public record FileQuality(
    String file,
    String kind,
    String encoding,
    String delimiter,
    Map<String, String> columns,
    long rowsRead,
    long rowsAccepted,
    long rowsRejected,
    Map<String, Long> rejectedByReason,
    long rowsAfterAsOf,
    long duplicateRows,
    List<Long> duplicateLines,
    long amountsRounded,
    List<Note> warnings,
    AmountOutliers amountOutliers) {

  public FileQuality(String file, String kind, String encoding, String delimiter, Map<String, String> columns,
      long rowsRead, long rowsAccepted, long rowsRejected, Map<String, Long> rejectedByReason, long rowsAfterAsOf,
      long duplicateRows, List<Long> duplicateLines, long amountsRounded, List<Note> warnings) {
    this(file, kind, encoding, delimiter, columns, rowsRead, rowsAccepted, rowsRejected, rejectedByReason,
        rowsAfterAsOf, duplicateRows, duplicateLines, amountsRounded, warnings, null);
  }

  /** The same quality with the outlier judgement of another read and a warning added. */
  public FileQuality withOutliers(AmountOutliers outliers, Note warning) {
    return withAmountOutliers(outliers).withWarning(warning);
  }

  /** The same quality with a warning added. */
  public FileQuality withWarning(Note warning) {
    List<Note> w = new java.util.ArrayList<>(warnings);
    w.add(warning);
    return new FileQuality(file, kind, encoding, delimiter, columns, rowsRead, rowsAccepted, rowsRejected,
        rejectedByReason, rowsAfterAsOf, duplicateRows, duplicateLines, amountsRounded, List.copyOf(w), amountOutliers);
  }

  /** The same quality with the outlier judgement replaced (e.g. by one that knows the tiers it changed). */
  public FileQuality withAmountOutliers(AmountOutliers outliers) {
    return new FileQuality(file, kind, encoding, delimiter, columns, rowsRead, rowsAccepted, rowsRejected,
        rejectedByReason, rowsAfterAsOf, duplicateRows, duplicateLines, amountsRounded, warnings, outliers);
  }
}
