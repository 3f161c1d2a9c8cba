package strata.run;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import strata.identity.MergeOptions;
import strata.intake.FormatSniffer;

/**
 * The files and options of one scoring run.
 *
 * @param customers, interactions, surveys optional (null)
 * @param asOf null: the day after the last transaction
 * @param transactionHints encoding, delimiter and column names of the transactions file (null fields detected)
 * @param charset encoding of all files when the user named one, else null (detected per file)
 * @param merges customer ids to merge in the run
 * @param excludeOutliers leave rows with outlier amounts ({@link strata.intake.AmountOutliers}) out of the run instead
 *     of keeping them with a warning
 */
public record RunInputs(
    Path transactions,
    Path customers,
    Path interactions,
    Path surveys,
    LocalDate asOf,
    FormatSniffer.Hints transactionHints,
    java.nio.charset.Charset charset,
    Map<String, String> columnMap,
    int threads,
    Path tempDir,
    MergeOptions merges,
    boolean excludeOutliers) {

  public RunInputs(Path transactions, Path customers, Path interactions, Path surveys, LocalDate asOf,
      FormatSniffer.Hints transactionHints, java.nio.charset.Charset charset, Map<String, String> columnMap,
      int threads, Path tempDir, MergeOptions merges) {
    this(transactions, customers, interactions, surveys, asOf, transactionHints, charset, columnMap, threads, tempDir,
        merges, false);
  }

  public RunInputs(Path transactions, Path customers, Path interactions, Path surveys, LocalDate asOf,
      FormatSniffer.Hints transactionHints, java.nio.charset.Charset charset, Map<String, String> columnMap,
      int threads, Path tempDir) {
    this(transactions, customers, interactions, surveys, asOf, transactionHints, charset, columnMap, threads, tempDir,
        MergeOptions.NONE);
  }

  public static RunInputs of(Path transactions) {
    return new RunInputs(transactions, null, null, null, null, FormatSniffer.Hints.NONE, null, Map.of(),
        Runtime.getRuntime().availableProcessors(), Path.of(System.getProperty("java.io.tmpdir")));
  }

  public RunInputs withSideFiles(Path customers, Path interactions, Path surveys) {
    return new RunInputs(transactions, customers, interactions, surveys, asOf, transactionHints, charset, columnMap,
        threads, tempDir, merges, excludeOutliers);
  }

  public RunInputs withMerges(MergeOptions options) {
    return new RunInputs(transactions, customers, interactions, surveys, asOf, transactionHints, charset, columnMap,
        threads, tempDir, options, excludeOutliers);
  }

  public RunInputs withOutliersExcluded(boolean exclude) {
    return new RunInputs(transactions, customers, interactions, surveys, asOf, transactionHints, charset, columnMap,
        threads, tempDir, merges, exclude);
  }

  public RunInputs withAsOf(LocalDate date) {
    return new RunInputs(transactions, customers, interactions, surveys, date, transactionHints, charset, columnMap,
        threads, tempDir, merges, excludeOutliers);
  }
}
