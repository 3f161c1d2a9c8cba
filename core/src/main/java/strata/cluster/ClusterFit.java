package strata.cluster;

import java.util.ArrayList;
import java.util.List;
import strata.i18n.Note;
import strata.summary.PurchaseColumns;

/**
 * Clusters fitted on a {@link ClusterSample}: the axes' means and standard deviations over the sample, and the
 * centres k-means++ found in those standard scores (k chosen by silhouette unless fixed). Small enough to send to
 * every part of a run, where each buyer joins the nearest centre ({@link #assign}).
 */
public final class ClusterFit implements java.io.Serializable {
  private static final long serialVersionUID = 1L;
  private final double[] mean;
  private final double[] sd;
  /** In standard scores, null when clusters were not computed (the reason in {@link #notes}). */
  private final double[][] centres;
  private final double silhouette;
  private final List<Note> notes;

  private ClusterFit(double[] mean, double[] sd, double[][] centres, double silhouette, List<Note> notes) {
    this.mean = mean;
    this.sd = sd;
    this.centres = centres;
    this.silhouette = silhouette;
    this.notes = notes;
  }

  /**
   * @param fixedK k from the model file, or 0 to choose it in [{@value ClusterAnalysis#MIN_K},
   *     {@value ClusterAnalysis#MAX_K}]
   * @throws IllegalArgumentException for a fixed k outside [2, 50]
   */
  public static ClusterFit of(ClusterSample sample, int fixedK, long seed) {
    if (fixedK != 0 && (fixedK < 2 || fixedK > 50)) {
      throw new IllegalArgumentException("clusters: k must be between 2 and 50, got " + fixedK);
    }
    int minK = fixedK == 0 ? ClusterAnalysis.MIN_K : fixedK;
    // A sample smaller than SIZE holds every buyer, so its size is the run's where this can be true.
    int n = sample.size();
    int needed = Math.max(ClusterAnalysis.MIN_CUSTOMERS, 10 * minK);
    if (n < needed) return none(Note.of("clusters_too_few", n, needed));
    double[][] points = sample.points();
    int w = ClusterAnalysis.AXES;
    double[] mean = new double[w];
    double[] sd = new double[w];
    for (double[] x : points) for (int j = 0; j < w; j++) mean[j] += x[j] / n;
    for (double[] x : points) for (int j = 0; j < w; j++) sd[j] += (x[j] - mean[j]) * (x[j] - mean[j]) / n;
    boolean varies = false;
    for (int j = 0; j < w; j++) {
      sd[j] = Math.sqrt(sd[j]);
      varies |= sd[j] > 1e-9;
    }
    if (!varies) return none(Note.of("clusters_no_variation"));
    double[][] z = new double[n][];
    for (int k = 0; k < n; k++) z[k] = standard(points[k], mean, sd);
    KMeans.Choice choice = fixedK == 0 ? KMeans.choose(z, ClusterAnalysis.MIN_K, ClusterAnalysis.MAX_K, seed)
        : new KMeans.Choice(KMeans.fit(z, fixedK, seed), Double.NaN);
    return new ClusterFit(mean, sd, choice.centroids(), choice.silhouette(), List.of());
  }

  private static ClusterFit none(Note why) {
    return new ClusterFit(null, null, null, Double.NaN, List.of(why));
  }

  /** The reason clusters were not computed; empty when they were. */
  public List<Note> notes() {
    return notes;
  }

  /** Each buyer of {@code p} with its cluster (1..k; 0 when clusters were not computed) and the members' tally. */
  public record Assigned(int[] cluster, ClusterTally tally) implements java.io.Serializable {}

  public Assigned assign(PurchaseColumns p, int asOfDay) {
    int[] cluster = new int[p.size];
    ClusterTally tally = new ClusterTally(centres == null ? 0 : centres.length);
    if (centres == null) return new Assigned(cluster, tally);
    double[] axes = new double[ClusterAnalysis.AXES];
    for (int i = 0; i < p.size; i++) {
      ClusterAnalysis.axes(p, i, asOfDay, axes, 0);
      int c = KMeans.nearest(standard(axes, mean, sd), centres);
      cluster[i] = c + 1;
      tally.add(c, axes, p.netCents[i]);
    }
    return new Assigned(cluster, tally);
  }

  /**
   * The clusters described by the tally of all their members.
   *
   * @param cluster per buyer of the result, as {@link #assign} gave it
   */
  public ClusterAnalysis.Result result(int[] cluster, ClusterTally all) {
    if (centres == null) return new ClusterAnalysis.Result(cluster, List.of(), Double.NaN, notes);
    List<Cluster> clusters = new ArrayList<>();
    for (int c = 0; c < centres.length; c++) {
      double[] centre = new double[ClusterAnalysis.AXES];
      for (int j = 0; j < centre.length; j++) centre[j] = Math.expm1(all.mean(c, j));
      clusters.add(new Cluster(c + 1, Math.toIntExact(all.customers[c]), all.revenueCents[c], centre[0], centre[1],
          centre[2], Cluster.level(centres[c][1]), Cluster.level(centres[c][2]), Cluster.level(centres[c][0])));
    }
    return new ClusterAnalysis.Result(cluster, List.copyOf(clusters), silhouette, notes);
  }

  /** A constant axis (sd 0) says nothing about clusters: it stays 0 for everyone. */
  private static double[] standard(double[] x, double[] mean, double[] sd) {
    double[] z = new double[x.length];
    for (int j = 0; j < x.length; j++) z[j] = sd[j] > 1e-9 ? (x[j] - mean[j]) / sd[j] : 0;
    return z;
  }
}
