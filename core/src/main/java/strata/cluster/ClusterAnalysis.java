package strata.cluster;

import java.nio.charset.Charset;
import java.util.List;
import strata.i18n.Note;
import strata.summary.PurchaseColumns;

/**
 * Behavioural clusters (分群) of buyers: k-means++ on three standardised axes — log days since the last purchase, log
 * purchase days, log average order value — with k chosen by silhouette unless fixed. Clusters are fitted on a sample
 * of at most {@link ClusterSample#SIZE} buyers chosen by their ids ({@link ClusterSample}, standardised by the
 * sample's means and deviations: {@link ClusterFit}) and every buyer then joins the nearest centre, so a million
 * customers cost what fifty thousand do plus one pass. A run scored in parts takes the same three steps: each part's
 * sample, merged; the fit, once; each part's buyers assigned and tallied ({@link ClusterTally}), the tallies merged.
 */
public final class ClusterAnalysis {
  public static final int MIN_K = 3;
  public static final int MAX_K = 8;
  static final int MIN_CUSTOMERS = 30;
  static final int AXES = 3;

  /**
   * @param cluster per buyer its cluster id 1..k, 0 when clusters were not computed
   * @param clusters by id; empty when not computed, with the reason in {@code notes}
   */
  public record Result(int[] cluster, List<Cluster> clusters, double silhouette, List<Note> notes)
      implements java.io.Serializable {}

  private ClusterAnalysis() {}

  /**
   * @param idCharset the encoding {@code p} stores ids in
   * @param fixedK k from the model file, or 0 to choose it in [3, 8]
   */
  public static Result run(PurchaseColumns p, Charset idCharset, int asOfDay, int fixedK, long seed) {
    ClusterFit fit = ClusterFit.of(ClusterSample.of(p, idCharset, asOfDay), fixedK, seed);
    ClusterFit.Assigned assigned = fit.assign(p, asOfDay);
    return fit.result(assigned.cluster(), assigned.tally());
  }

  /** Buyer {@code i}'s axes, written to {@code out} from {@code at}. */
  static void axes(PurchaseColumns p, int i, int asOfDay, double[] out, int at) {
    double aov = p.orders[i] > 0 ? Math.max(0, p.netCents[i] / 100.0 / p.orders[i]) : 0;
    out[at] = Math.log1p(Math.max(0, asOfDay - p.lastDay[i]));
    out[at + 1] = Math.log1p(p.distinctDays[i]);
    out[at + 2] = Math.log1p(aov);
  }
}
