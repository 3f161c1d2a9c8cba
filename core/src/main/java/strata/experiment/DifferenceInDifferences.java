package strata.experiment;

/**
 * Before/after for a change without a control group (a new model version, a new playbook): the mean change of the
 * touched customers minus the mean change of the untouched ones, each customer's change being its after value
 * minus its before value, with a Welch interval on the changes (the two-period panel form of difference in
 * differences, e.g. Angrist & Pischke, "Mostly Harmless Econometrics", 2009, §5.2). Weaker evidence than a holdout:
 * who was touched was not random, and the estimate holds only if both groups would have moved in parallel without
 * the change, which the data cannot prove; results carry {@link #EVIDENCE} so every reader sees that.
 */
public final class DifferenceInDifferences {
  /** The machine code of the evidence label, rendered from the message bundles. */
  public static final String EVIDENCE = "before_after";

  private DifferenceInDifferences() {}

  /**
   * @param touchedBefore, touchedAfter one value per touched customer, in the same order
   * @param untouchedBefore, untouchedAfter likewise for the customers the change did not touch
   */
  public static Interval of(double[] touchedBefore, double[] touchedAfter, double[] untouchedBefore,
      double[] untouchedAfter, double confidence) {
    return WelchT.of(Moments.of(changes(touchedBefore, touchedAfter)),
        Moments.of(changes(untouchedBefore, untouchedAfter)), confidence);
  }

  private static double[] changes(double[] before, double[] after) {
    if (before.length != after.length) {
      throw new IllegalArgumentException("before and after need one value per customer each, got " + before.length
          + " and " + after.length);
    }
    double[] change = new double[before.length];
    for (int i = 0; i < before.length; i++) change[i] = after[i] - before[i];
    return change;
  }
}
