package strata.experiment;

/** An estimate with its confidence interval, in the estimate's units (a share 0..1, money, NPS points). */
public record Interval(double estimate, double lower, double upper) {
  /** True when the interval excludes zero: the difference is significant at the interval's level. */
  public boolean excludesZero() {
    return lower > 0 || upper < 0;
  }
}
