package strata.experiment;

/**
 * Count, mean and sample variance (n - 1 denominator) of a group's values: what the Welch interval and the balance
 * check need, so the server may also compute them in SQL.
 */
public record Moments(long n, double mean, double variance) {
  public Moments {
    if (n < 0 || !Double.isFinite(mean) || !(variance >= 0) || Double.isInfinite(variance)) {
      throw new IllegalArgumentException("moments need n >= 0, a finite mean and variance >= 0, got n=" + n
          + ", mean=" + mean + ", variance=" + variance);
    }
  }

  /** Two passes (mean, then squared deviations) to avoid the cancellation of the one-pass sum-of-squares form. */
  public static Moments of(double[] values) {
    double sum = 0;
    for (double v : values) {
      if (!Double.isFinite(v)) throw new IllegalArgumentException("values must be finite numbers, got " + v);
      sum += v;
    }
    if (values.length == 0) return new Moments(0, 0, 0);
    double mean = sum / values.length;
    double squares = 0;
    for (double v : values) squares += (v - mean) * (v - mean);
    return new Moments(values.length, mean, values.length > 1 ? squares / (values.length - 1) : 0);
  }
}
