package strata.cluster;

import java.nio.charset.Charset;
import java.util.Arrays;
import strata.summary.PurchaseColumns;

/**
 * The buyers clusters are fitted on: the {@link #SIZE} whose ids hash lowest (a bottom-k sample), with their axes.
 * Which buyers it holds depends on their ids alone — not on the order an engine reads them in (a file run: first
 * appearance; the server: by id) nor on how it cuts them into parts — and two parts' samples merge into the sample of
 * both, so a run scored whole and one scored in parts fit the same clusters. A run with fewer buyers samples them all.
 */
public final class ClusterSample implements java.io.Serializable {
  private static final long serialVersionUID = 1L;
  /** A million customers cost what fifty thousand do plus one pass. */
  public static final int SIZE = 50_000;
  /** Ascending, ties by the axes. */
  private final long[] hashes;
  /** {@link ClusterAnalysis#AXES} values per entry, in the order of {@link #hashes}. */
  private final double[] axes;

  private ClusterSample(long[] hashes, double[] axes) {
    this.hashes = hashes;
    this.axes = axes;
  }

  /** The sample of {@code p}'s buyers, whose ids are stored in {@code idCharset}. */
  public static ClusterSample of(PurchaseColumns p, Charset idCharset, int asOfDay) {
    int n = p.size;
    long[] hash = new long[n];
    for (int i = 0; i < n; i++) hash[i] = hash(p.customerId(i, idCharset));
    long cut = Long.MAX_VALUE;
    if (n > SIZE) {
      long[] sorted = hash.clone();
      Arrays.sort(sorted);
      cut = sorted[SIZE - 1];
    }
    int kept = 0;
    for (int i = 0; i < n; i++) if (hash[i] <= cut) kept++;
    long[] h = new long[kept];
    double[] a = new double[kept * ClusterAnalysis.AXES];
    int k = 0;
    for (int i = 0; i < n; i++) {
      if (hash[i] > cut) continue;
      h[k] = hash[i];
      ClusterAnalysis.axes(p, i, asOfDay, a, k * ClusterAnalysis.AXES);
      k++;
    }
    return ordered(h, a);
  }

  /** The sample of both parts' buyers. */
  public ClusterSample merge(ClusterSample other) {
    int n = hashes.length + other.hashes.length;
    long[] h = Arrays.copyOf(hashes, n);
    System.arraycopy(other.hashes, 0, h, hashes.length, other.hashes.length);
    double[] a = Arrays.copyOf(axes, n * ClusterAnalysis.AXES);
    System.arraycopy(other.axes, 0, a, axes.length, other.axes.length);
    return ordered(h, a);
  }

  /** The buyers sampled. */
  public int size() {
    return hashes.length;
  }

  /**
   * The sampled buyers' axes in lexicographic order of their values: sums' last digits and k-means++'s draws then
   * follow the values alone (equal points are interchangeable, so their order does not matter).
   */
  double[][] points() {
    int w = ClusterAnalysis.AXES;
    double[][] out = new double[hashes.length][];
    for (int k = 0; k < out.length; k++) out[k] = Arrays.copyOfRange(axes, k * w, k * w + w);
    Arrays.sort(out, ClusterSample::lexical);
    return out;
  }

  /** Entries sorted by hash, ties by their axes, cut to {@link #SIZE}. */
  private static ClusterSample ordered(long[] hash, double[] axes) {
    int w = ClusterAnalysis.AXES;
    Integer[] order = new Integer[hash.length];
    for (int k = 0; k < order.length; k++) order[k] = k;
    Arrays.sort(order, (x, y) -> {
      int c = Long.compare(hash[x], hash[y]);
      for (int j = 0; c == 0 && j < w; j++) c = Double.compare(axes[x * w + j], axes[y * w + j]);
      return c;
    });
    int n = Math.min(SIZE, order.length);
    long[] h = new long[n];
    double[] a = new double[n * w];
    for (int k = 0; k < n; k++) {
      h[k] = hash[order[k]];
      System.arraycopy(axes, order[k] * w, a, k * w, w);
    }
    return new ClusterSample(h, a);
  }

  static int lexical(double[] a, double[] b) {
    for (int j = 0; j < a.length; j++) {
      int c = Double.compare(a[j], b[j]);
      if (c != 0) return c;
    }
    return 0;
  }

  /**
   * A 64-bit hash of an id: FNV-1a over its UTF-16 units, then MurmurHash3's finaliser so that ids of one scheme
   * (C000001, C000002 …) spread evenly. Written out because the sample must be the same on every engine and JVM,
   * which {@code String.hashCode} (32 bits, ids of one scheme in sequence) would not spread.
   */
  static long hash(String id) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < id.length(); i++) h = (h ^ id.charAt(i)) * 0x100000001b3L;
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    return h ^ (h >>> 33);
  }
}
