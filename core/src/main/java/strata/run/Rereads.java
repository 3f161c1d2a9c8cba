package strata.run;

import java.time.LocalDate;
import java.util.Map;
import java.util.function.IntUnaryOperator;
import strata.product.CustomerProducts;
import strata.summary.PurchaseColumns;

/**
 * How a run reads its transactions again after the first pass, with the first pass's row rules: this JVM re-reads the
 * file, the Spark engine runs another pass on its cluster. A run reads again to merge ids that differ only by case, to
 * score the other way with outlier amounts (kept or left out), to train the churn classifier as of earlier days and for
 * product preference; the scoring after each read is the same code whichever engine read.
 */
public interface Rereads {

  /**
   * The buyers' summaries read again, in order of first appearance.
   *
   * @param mergedIds customer id to the id its rows count for
   * @param outlierCents rows of at least this absolute amount are left out; Long.MAX_VALUE keeps them
   * @param asOf rows dated later are left out
   * @param splitDay the read's first purchase day to the calibration/holdout split day the summaries are frozen at
   *     ({@link ScoringRun#splitDay})
   */
  PurchaseColumns summaries(Map<String, String> mergedIds, long outlierCents, LocalDate asOf, IntUnaryOperator splitDay);

  /** The split day of a run as of {@code asOfDay}: what a first read is frozen at. */
  static IntUnaryOperator runSplit(int asOfDay) {
    return firstDay -> ScoringRun.splitDay(firstDay, asOfDay);
  }

  /**
   * What each buyer bought by category and product ({@link strata.product.ProductPass}'s rules), by customer id; empty
   * when the file names neither; null when this engine cannot read it (the run then has no product preference).
   */
  Map<String, CustomerProducts> products(Map<String, String> mergedIds, long outlierCents, int asOfDay);
}
