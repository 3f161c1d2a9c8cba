package strata.rfm;

/**
 * R, F and M scores, one index per customer. Scores run from 1 (worst) upward: to the bucket count
 * in percentile mode, to one more than the number of bounds in thresholds mode.
 */
public record RfmScores(byte[] r, byte[] f, byte[] m) implements java.io.Serializable {
  public RfmScores {
    if (r.length != f.length || r.length != m.length) {
      throw new IllegalArgumentException(
          "r, f and m must have one score per customer, got lengths " + r.length + ", " + f.length + ", " + m.length);
    }
  }

  /** Number of customers. */
  public int size() {
    return r.length;
  }
}
