package strata.tier;

/** Reads a metric of a customer; null when the metric is missing for that customer. */
@FunctionalInterface
public interface MetricSource {
  /**
   * @return a {@code Long} for INT metrics, {@code Double} for DOUBLE, {@code String}, {@code Boolean}, or null
   */
  Object value(int customer, Metric metric);
}
