package strata.value;

import java.util.Arrays;
import java.util.OptionalDouble;
import java.util.function.IntToDoubleFunction;
import strata.scoring.Median;

/** Places customers in the value × potential matrix (star, cash cow, rising, maintain). */
public final class ValuePotentialMatrix {
  private ValuePotentialMatrix() {}

  /**
   * Classifies every customer. An axis is "high" when the customer's value on it is at least the
   * cut (so customers exactly at the median count as high). A customer with NaN on either axis is
   * {@link Quadrant#UNKNOWN}.
   *
   * @param value per customer, e.g. the historical component of {@link CompositeScores}
   * @param potential per customer, e.g. the potential component
   * @return per customer the {@link Quadrant} ordinal; empty for empty input
   * @throws IllegalArgumentException if the lengths differ or a value is infinite
   */
  public static byte[] classify(double[] value, double[] potential, MatrixConfig config) {
    if (value.length != potential.length) {
      throw new IllegalArgumentException(
          "value and potential must have one entry per customer, got lengths " + value.length + " and "
              + potential.length);
    }
    return classify(value.length, i -> value[i], i -> potential[i], config);
  }

  /**
   * As {@link #classify(double[], double[], MatrixConfig)} with the cuts given: for a part of a run's customers, the
   * whole run's ({@link #cut}).
   */
  public static byte[] classify(double[] value, double[] potential, double valueCut, double potentialCut) {
    return quadrants(value.length, i -> value[i], i -> potential[i], valueCut, potentialCut);
  }

  /**
   * As {@link #classify(double[], double[], MatrixConfig)} with each axis read per customer: a run's millions of
   * customers need no array of each axis besides the known values a median cut selects from (at 5M customers, two
   * axes and their filtered copies were 160 MB of short-lived arrays in the phase that set a run's peak memory).
   *
   * @param n number of customers
   */
  public static byte[] classify(int n, IntToDoubleFunction value, IntToDoubleFunction potential, MatrixConfig config) {
    double valueCut = cut(n, value, "value", config.valueCut());
    double potentialCut = cut(n, potential, "potential", config.potentialCut());
    return quadrants(n, value, potential, valueCut, potentialCut);
  }

  private static byte[] quadrants(int n, IntToDoubleFunction value, IntToDoubleFunction potential, double valueCut,
      double potentialCut) {
    byte[] quadrants = new byte[n];
    for (int i = 0; i < n; i++) {
      double v = value.applyAsDouble(i);
      double p = potential.applyAsDouble(i);
      Quadrant q = Double.isNaN(v) || Double.isNaN(p) ? Quadrant.UNKNOWN
          : Quadrant.of(v >= valueCut, p >= potentialCut);
      quadrants[i] = (byte) q.ordinal();
    }
    return quadrants;
  }

  private static double cut(int n, IntToDoubleFunction axis, String name, OptionalDouble fixed) {
    int known = 0;
    for (int i = 0; i < n; i++) {
      double v = axis.applyAsDouble(i);
      if (Double.isInfinite(v)) {
        throw new IllegalArgumentException(name + "[" + i + "] is infinite; use NaN for unknown");
      }
      if (!Double.isNaN(v)) known++;
    }
    if (fixed.isPresent()) return fixed.getAsDouble();
    double[] values = new double[known];
    int k = 0;
    for (int i = 0; i < n; i++) {
      double v = axis.applyAsDouble(i);
      if (!Double.isNaN(v)) values[k++] = v;
    }
    return Median.of(values);
  }

  /**
   * The cut used on one axis, so a report can state it.
   *
   * @return the fixed cut, or the median of the non-NaN values (mean of the middle two for an even
   *     count); NaN if no value is known
   */
  public static double cut(double[] values, OptionalDouble fixed) {
    if (fixed.isPresent()) {
      return fixed.getAsDouble();
    }
    return Median.of(Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray());
  }
}
