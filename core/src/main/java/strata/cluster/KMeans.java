package strata.cluster;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.hipparchus.clustering.CentroidCluster;
import org.hipparchus.clustering.DoublePoint;
import org.hipparchus.clustering.KMeansPlusPlusClusterer;
import org.hipparchus.clustering.distance.EuclideanDistance;
import org.hipparchus.random.Well19937c;

/**
 * k-means++ (Hipparchus) with k chosen by the mean silhouette, on points already on comparable scales. Centroids come
 * back in a fixed order (by their first coordinate, then the next) so that the same data and seed give the same
 * numbering.
 */
final class KMeans {
  static final int MAX_ITERATIONS = 100;
  /** Silhouette costs n² distances: it is measured on an evenly spread sample of at most this many points. */
  static final int SILHOUETTE_SAMPLE = 2_000;

  record Choice(double[][] centroids, double silhouette) {}

  private KMeans() {}

  /** The best k in [from, to] by mean silhouette; ties go to the smaller k. */
  static Choice choose(double[][] points, int from, int to, long seed) {
    Choice best = null;
    for (int k = from; k <= Math.min(to, points.length - 1); k++) {
      double[][] centroids = fit(points, k, seed);
      double s = silhouette(points, centroids);
      if (best == null || s > best.silhouette + 1e-12) best = new Choice(centroids, s);
    }
    if (best == null) throw new IllegalArgumentException(points.length + " points are too few for " + from + " clusters");
    return best;
  }

  static double[][] fit(double[][] points, int k, long seed) {
    List<DoublePoint> data = new ArrayList<>(points.length);
    for (double[] p : points) data.add(new DoublePoint(p));
    KMeansPlusPlusClusterer<DoublePoint> clusterer = new KMeansPlusPlusClusterer<>(k, MAX_ITERATIONS,
        new EuclideanDistance(), new Well19937c(seed));
    List<CentroidCluster<DoublePoint>> clusters = clusterer.cluster(data);
    List<double[]> centroids = new ArrayList<>();
    for (CentroidCluster<DoublePoint> c : clusters) {
      if (!c.getPoints().isEmpty()) centroids.add(c.getCenter().getPoint());
    }
    centroids.sort(LEXICAL);
    return centroids.toArray(double[][]::new);
  }

  private static final Comparator<double[]> LEXICAL = (a, b) -> {
    for (int j = 0; j < a.length; j++) {
      int c = Double.compare(a[j], b[j]);
      if (c != 0) return c;
    }
    return 0;
  };

  static int nearest(double[] point, double[][] centroids) {
    int best = 0;
    double bestDistance = Double.MAX_VALUE;
    for (int c = 0; c < centroids.length; c++) {
      double d = 0;
      for (int j = 0; j < point.length; j++) {
        double e = point[j] - centroids[c][j];
        d += e * e;
      }
      if (d < bestDistance) {
        bestDistance = d;
        best = c;
      }
    }
    return best;
  }

  /**
   * Mean silhouette (Rousseeuw 1987) of a spread sample, each point assigned to its nearest centroid: (b − a) / max(a, b)
   * with a the mean distance to its own cluster, b to the nearest other; 0 for a point alone in its cluster. Hipparchus
   * evaluates clusterings by variance only, so this is written here.
   */
  static double silhouette(double[][] points, double[][] centroids) {
    int step = Math.max(1, (points.length + SILHOUETTE_SAMPLE - 1) / SILHOUETTE_SAMPLE);
    List<double[]> sample = new ArrayList<>();
    for (int i = 0; i < points.length; i += step) sample.add(points[i]);
    int n = sample.size();
    int k = centroids.length;
    int[] label = new int[n];
    int[] size = new int[k];
    for (int i = 0; i < n; i++) size[label[i] = nearest(sample.get(i), centroids)]++;
    double total = 0;
    for (int i = 0; i < n; i++) {
      double[] sum = new double[k];
      for (int j = 0; j < n; j++) if (j != i) sum[label[j]] += distance(sample.get(i), sample.get(j));
      int own = label[i];
      if (size[own] < 2) continue;
      double a = sum[own] / (size[own] - 1);
      double b = Double.MAX_VALUE;
      for (int c = 0; c < k; c++) if (c != own && size[c] > 0) b = Math.min(b, sum[c] / size[c]);
      if (b == Double.MAX_VALUE) continue;
      double m = Math.max(a, b);
      total += m == 0 ? 0 : (b - a) / m;
    }
    return total / n;
  }

  private static double distance(double[] x, double[] y) {
    double d = 0;
    for (int j = 0; j < x.length; j++) d += (x[j] - y[j]) * (x[j] - y[j]);
    return Math.sqrt(d);
  }
}
