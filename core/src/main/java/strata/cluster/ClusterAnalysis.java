package strata.cluster;

import java.util.ArrayList;
import java.util.List;
import strata.i18n.Note;
import strata.summary.PurchaseColumns;
import strata.summary.RowOrder;

/**
 * Behavioural clusters (分群) of buyers: k-means++ on three standardised axes — log days since the last purchase, log
 * purchase days, log average order value — with k chosen by silhouette unless fixed. Clusters are fitted on an evenly
 * spread sample of at most {@link #FIT_SAMPLE} buyers and every buyer then joins the nearest centre, so a million
 * customers cost what fifty thousand do plus one pass.
 */
public final class ClusterAnalysis {
  public static final int MIN_K = 3;
  public static final int MAX_K = 8;
  static final int FIT_SAMPLE = 50_000;
  static final int MIN_CUSTOMERS = 30;

  /**
   * @param cluster per buyer its cluster id 1..k, 0 when clusters were not computed
   * @param clusters by id; empty when not computed, with the reason in {@code notes}
   */
  public record Result(int[] cluster, List<Cluster> clusters, double silhouette, List<Note> notes) {}

  private ClusterAnalysis() {}

  /** @param fixedK k from the model file, or 0 to choose it in [3, 8] */
  public static Result run(PurchaseColumns p, int asOfDay, int fixedK, long seed) {
    int n = p.size;
    if (fixedK != 0 && (fixedK < 2 || fixedK > 50)) {
      throw new IllegalArgumentException("clusters: k must be between 2 and 50, got " + fixedK);
    }
    int minK = fixedK == 0 ? MIN_K : fixedK;
    if (n < Math.max(MIN_CUSTOMERS, 10 * minK)) {
      return empty(n, Note.of("clusters_too_few", n, Math.max(MIN_CUSTOMERS, 10 * minK)));
    }
    double[][] raw = new double[n][];
    for (int i = 0; i < n; i++) {
      double aov = p.orders[i] > 0 ? Math.max(0, p.netCents[i] / 100.0 / p.orders[i]) : 0;
      raw[i] = new double[] {Math.log1p(Math.max(0, asOfDay - p.lastDay[i])), Math.log1p(p.distinctDays[i]),
          Math.log1p(aov)};
    }
    // Buyers taken in order of their values, not of the rows: sums' last digits and the fit's sample then do not
    // depend on the order an engine read the buyers in (a file run: first appearance; the server: by id).
    int[] order = RowOrder.lexicographic(raw);
    double[] mean = new double[3];
    double[] sd = new double[3];
    for (int i : order) for (int j = 0; j < 3; j++) mean[j] += raw[i][j] / n;
    for (int i : order) for (int j = 0; j < 3; j++) sd[j] += (raw[i][j] - mean[j]) * (raw[i][j] - mean[j]) / n;
    boolean varies = false;
    for (int j = 0; j < 3; j++) {
      sd[j] = Math.sqrt(sd[j]);
      varies |= sd[j] > 1e-9;
    }
    if (!varies) return empty(n, Note.of("clusters_no_variation"));
    double[][] z = new double[n][3];
    for (int i = 0; i < n; i++) {
      // A constant axis (sd 0) says nothing about clusters: it stays 0 for everyone.
      for (int j = 0; j < 3; j++) z[i][j] = sd[j] > 1e-9 ? (raw[i][j] - mean[j]) / sd[j] : 0;
    }
    double[][] sorted = new double[n][];
    for (int k = 0; k < n; k++) sorted[k] = z[order[k]];
    double[][] sample = spread(sorted);
    KMeans.Choice choice = fixedK == 0 ? KMeans.choose(sample, MIN_K, MAX_K, seed)
        : new KMeans.Choice(KMeans.fit(sample, fixedK, seed), Double.NaN);
    double[][] centres = choice.centroids();
    int[] cluster = new int[n];
    int[] size = new int[centres.length];
    long[] revenue = new long[centres.length];
    double[][] sum = new double[centres.length][3];
    for (int i = 0; i < n; i++) {
      int c = KMeans.nearest(z[i], centres);
      cluster[i] = c + 1;
      size[c]++;
      revenue[c] += p.netCents[i];
      for (int j = 0; j < 3; j++) sum[c][j] += raw[i][j];
    }
    List<Cluster> clusters = new ArrayList<>();
    for (int c = 0; c < centres.length; c++) {
      double[] centre = new double[3];
      for (int j = 0; j < 3; j++) centre[j] = size[c] == 0 ? Double.NaN : Math.expm1(sum[c][j] / size[c]);
      clusters.add(new Cluster(c + 1, size[c], revenue[c], centre[0], centre[1], centre[2],
          Cluster.level(centres[c][1]), Cluster.level(centres[c][2]), Cluster.level(centres[c][0])));
    }
    return new Result(cluster, List.copyOf(clusters), choice.silhouette(), List.of());
  }

  private static double[][] spread(double[][] z) {
    int step = Math.max(1, (z.length + FIT_SAMPLE - 1) / FIT_SAMPLE);
    List<double[]> out = new ArrayList<>();
    for (int i = 0; i < z.length; i += step) out.add(z[i]);
    return out.toArray(double[][]::new);
  }

  private static Result empty(int n, Note note) {
    return new Result(new int[n], List.of(), Double.NaN, List.of(note));
  }
}
