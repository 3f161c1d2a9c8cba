package strata.run;

import java.util.ArrayList;
import java.util.List;
import strata.cluster.ClusterSample;
import strata.clv.CalibrationData;
import strata.clv.SpendData;
import strata.lifecycle.LifecycleRules;
import strata.scoring.ValueCounts;
import strata.summary.PurchaseColumns;

/**
 * The first round of scoring in parts ({@link PartScoring}): what RFM, ABC, lifecycle, the CLV fits and the clusters
 * need of all buyers, counted per part and merged. One entry per distinct value or sampled buyer, never one per buyer.
 */
public final class PartCounts implements java.io.Serializable {
  private static final long serialVersionUID = 1L;
  final long buyers;
  final int minRepeats;
  final ValueCounts recency;
  final ValueCounts frequency;
  final ValueCounts monetary;
  final ValueCounts repeatGaps;
  /** Sampled buyers for the fits: index, x, tx, T, spend x, mean spend. */
  final List<double[]> fitRows;
  /** Sampled buyers up to the split for the holdout check: index, x, tx, T, purchase days after. */
  final List<double[]> holdoutRows;
  /** The buyers clusters are fitted on; null when the run computes no clusters. */
  final ClusterSample clusters;

  private PartCounts(long buyers, int minRepeats, ValueCounts recency, ValueCounts frequency, ValueCounts monetary,
      ValueCounts repeatGaps, List<double[]> fitRows, List<double[]> holdoutRows, ClusterSample clusters) {
    this.buyers = buyers;
    this.minRepeats = minRepeats;
    this.recency = recency;
    this.frequency = frequency;
    this.monetary = monetary;
    this.repeatGaps = repeatGaps;
    this.fitRows = fitRows;
    this.holdoutRows = holdoutRows;
    this.clusters = clusters;
  }

  /**
   * Where a part's buyers stand in the whole run, which the fits' evenly spread samples are taken by.
   *
   * @param index each buyer's position among all buyers in order of first appearance
   * @param indexUpToSplit its position among the buyers who bought up to the split day, -1 for the others
   * @param buyers the run's buyers
   * @param buyersUpToSplit the run's buyers who bought up to the split day
   */
  public record Positions(long[] index, long[] indexUpToSplit, long buyers, long buyersUpToSplit) {
    /** The positions of the rows {@code rows} of the whole run's buyers {@code all}. */
    public static Positions of(PurchaseColumns all, int[] rows) {
      long[] upToSplit = new long[all.size];
      long bought = 0;
      for (int i = 0; i < all.size; i++) {
        upToSplit[i] = all.daysUpToSplit != null && all.daysUpToSplit[i] > 0 ? bought++ : -1;
      }
      long[] index = new long[rows.length];
      long[] partUpToSplit = new long[rows.length];
      for (int k = 0; k < rows.length; k++) {
        index[k] = rows[k];
        partUpToSplit[k] = upToSplit[rows[k]];
      }
      return new Positions(index, partUpToSplit, all.size, bought);
    }
  }

  /**
   * Counts a part's buyers.
   *
   * @param part the part's buyers, frozen at the whole run's split day
   */
  public static PartCounts of(PurchaseColumns part, Positions at, int asOfDay) {
    int n = part.size;
    long[] recency = new long[n];
    long[] frequency = new long[n];
    int minRepeats = Integer.MAX_VALUE;
    int[] rfmRecency = new int[n];
    int[] rfmFrequency = new int[n];
    rfmInputs(part, asOfDay, rfmRecency, rfmFrequency);
    for (int i = 0; i < n; i++) {
      recency[i] = rfmRecency[i];
      frequency[i] = rfmFrequency[i];
      minRepeats = Math.min(minRepeats, part.distinctDays[i] - 1);
    }
    CalibrationData data = n == 0 ? null : ClvStage.calibration(part, asOfDay);
    SpendData spend = n == 0 ? null : ClvStage.spend(part);
    long step = ClvStage.step(at.buyers());
    long stepUpToSplit = ClvStage.step(at.buyersUpToSplit());
    List<double[]> fitRows = new ArrayList<>();
    List<double[]> holdoutRows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (at.index()[i] % step == 0) {
        fitRows.add(new double[] {at.index()[i], data.x()[i], data.tx()[i], data.T()[i], spend.x()[i],
            spend.meanSpend()[i]});
      }
      long k = at.indexUpToSplit()[i];
      if (k >= 0 && k % stepUpToSplit == 0) {
        double[] row = ClvStage.holdoutRow(part, i);
        holdoutRows.add(new double[] {k, row[0], row[1], row[2], row[3]});
      }
    }
    return new PartCounts(n, minRepeats, ValueCounts.of(recency), ValueCounts.of(frequency),
        ValueCounts.of(part.netCents.clone()),
        ValueCounts.ofDoubles(LifecycleRules.repeatGaps(part.firstDay, part.lastDay, part.distinctDays)), fitRows,
        holdoutRows, null);
  }

  /**
   * The counts with the part's sample for the clusters, for a run that computes them
   * ({@link Predictions#clustersFor}); the context then fits them ({@link PartContext#of}).
   *
   * @param part the part counted
   * @param idCharset the encoding its ids are stored in
   */
  public PartCounts withClusters(PurchaseColumns part, java.nio.charset.Charset idCharset, int asOfDay) {
    return new PartCounts(buyers, minRepeats, recency, frequency, monetary, repeatGaps, fitRows, holdoutRows,
        ClusterSample.of(part, idCharset, asOfDay));
  }

  /** RFM's recency and frequency as {@link ScoringRun#rfm} takes them. */
  static void rfmInputs(PurchaseColumns p, int asOfDay, int[] recency, int[] frequency) {
    for (int i = 0; i < p.size; i++) {
      recency[i] = asOfDay - p.lastDay[i];
      frequency[i] = (int) Math.min(Integer.MAX_VALUE, p.orders[i]);
    }
  }

  /** Both parts' counts together. */
  public PartCounts merge(PartCounts other) {
    List<double[]> fits = new ArrayList<>(fitRows);
    fits.addAll(other.fitRows);
    List<double[]> holdouts = new ArrayList<>(holdoutRows);
    holdouts.addAll(other.holdoutRows);
    if ((clusters == null) != (other.clusters == null)) throw new IllegalArgumentException("one part has no clusters");
    return new PartCounts(buyers + other.buyers, Math.min(minRepeats, other.minRepeats), recency.merge(other.recency),
        frequency.merge(other.frequency), monetary.merge(other.monetary), repeatGaps.merge(other.repeatGaps), fits,
        holdouts, clusters == null ? null : clusters.merge(other.clusters));
  }

  public long buyers() {
    return buyers;
  }
}
