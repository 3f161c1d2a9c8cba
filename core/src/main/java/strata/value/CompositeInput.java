package strata.value;

/**
 * One named per-customer metric feeding a component of the composite score.
 *
 * @param name key of the metric in the map given to {@link CompositeScorer#score}
 * @param weight relative weight within its component, greater than 0
 * @param lowerIsBetter true for metrics such as days since the last purchase
 */
public record CompositeInput(String name, double weight, boolean lowerIsBetter) {
  public CompositeInput {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a composite input needs a name");
    }
    if (!(weight > 0 && Double.isFinite(weight))) {
      throw new IllegalArgumentException("weight of composite input '" + name + "' must be a positive number, got " + weight);
    }
  }

  /** A metric where larger is better. */
  public static CompositeInput higher(String name, double weight) {
    return new CompositeInput(name, weight, false);
  }

  /** A metric where smaller is better. */
  public static CompositeInput lower(String name, double weight) {
    return new CompositeInput(name, weight, true);
  }
}
