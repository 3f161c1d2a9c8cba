package strata.cluster;

/**
 * Each cluster's members counted: their number, net spend and the sums of their axes, from which its centre is read.
 * Two parts' tallies merge into the tally of both. The axes are summed exactly in fixed point (units of 2^-40, far
 * below what a centre is shown to), not in doubles: a sum of doubles depends on the order it was taken in, and the
 * centres must not depend on how an engine cut the buyers into parts.
 */
public final class ClusterTally implements java.io.Serializable {
  private static final long serialVersionUID = 1L;
  private static final int SHIFT = 40;
  private static final double UNIT = 0x1p40;
  private static final long FRACTION = (1L << SHIFT) - 1;
  final long[] customers;
  final long[] revenueCents;
  /** Per cluster and axis: whole units, and the fraction in [0, 2^40) units of 2^-40. */
  private final long[] whole;
  private final long[] fraction;

  ClusterTally(int k) {
    customers = new long[k];
    revenueCents = new long[k];
    whole = new long[k * ClusterAnalysis.AXES];
    fraction = new long[k * ClusterAnalysis.AXES];
  }

  /** Counts a member of cluster {@code c} (0-based) with its axes and net spend. */
  void add(int c, double[] axes, long cents) {
    customers[c]++;
    revenueCents[c] += cents;
    for (int j = 0; j < axes.length; j++) {
      // Axes are logs of days and amounts (below 45 for any long), so the units fit a long with room to spare.
      carry(c * ClusterAnalysis.AXES + j, Math.round(axes[j] * UNIT));
    }
  }

  private void carry(int at, long units) {
    long f = fraction[at] + units;
    whole[at] += f >> SHIFT;
    fraction[at] = f & FRACTION;
  }

  /** Both parts' tallies. */
  public ClusterTally merge(ClusterTally other) {
    if (other.customers.length != customers.length) throw new IllegalArgumentException("tallies of different k");
    ClusterTally out = new ClusterTally(customers.length);
    for (int c = 0; c < customers.length; c++) {
      out.customers[c] = customers[c] + other.customers[c];
      out.revenueCents[c] = revenueCents[c] + other.revenueCents[c];
    }
    for (int at = 0; at < whole.length; at++) {
      out.whole[at] = whole[at] + other.whole[at];
      out.fraction[at] = fraction[at];
      out.carry(at, other.fraction[at]);
    }
    return out;
  }

  /** The mean of cluster {@code c}'s axis {@code j}; NaN for a cluster without members. */
  double mean(int c, int j) {
    int at = c * ClusterAnalysis.AXES + j;
    return customers[c] == 0 ? Double.NaN : (whole[at] + fraction[at] / UNIT) / customers[c];
  }
}
