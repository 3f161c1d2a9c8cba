package strata.abc;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Locale;
import strata.i18n.Labels;

/** Pareto (ABC) classes by each customer's share of revenue. */
public final class AbcClassifier {
  public static final byte A = 'A';
  public static final byte B = 'B';
  public static final byte C = 'C';

  private AbcClassifier() {}

  /**
   * The class's code ("A", "B" or "C"), one shared string each: tier rules read it for every customer.
   *
   * @throws IllegalArgumentException for any other byte
   */
  public static String code(byte abcClass) {
    return switch (abcClass) {
      case A -> "A";
      case B -> "B";
      case C -> "C";
      default -> throw new IllegalArgumentException("not an ABC class: " + abcClass);
    };
  }

  /**
   * Display name of a class, e.g. A类客户 for {@link Locale#CHINESE}.
   *
   * @param abcClass {@link #A}, {@link #B} or {@link #C}
   * @throws IllegalArgumentException for any other byte
   */
  public static String label(byte abcClass, Locale locale) {
    if (abcClass != A && abcClass != B && abcClass != C) {
      throw new IllegalArgumentException("not an ABC class: " + abcClass);
    }
    return Labels.get("abc.class." + (char) abcClass, locale);
  }

  /**
   * Classes customers by spend, largest first. A group of customers with equal spend is classed
   * together, by the cumulative share of positive revenue before the group: A if below
   * {@code aCut}, B if below {@code aCut + bCut}, else C. The top spender is therefore always A.
   * Customers with zero or negative spend are always C; if nobody has positive spend, all are C.
   *
   * @param monetaryCents total spend per customer, in cents
   * @return per customer the byte {@code 'A'}, {@code 'B'} or {@code 'C'}; empty for empty input
   * @throws IllegalArgumentException if the total positive spend exceeds {@link Long#MAX_VALUE}
   *     cents (about 9.2e16 currency units), which only corrupt amounts can reach
   */
  public static byte[] classify(long[] monetaryCents, AbcConfig config) {
    long[] sorted = monetaryCents.clone();
    Arrays.parallelSort(sorted); // both cores: this sort is a measurable share of scoring 1M+ customers
    long total = positiveTotal(sorted);
    byte[] classes = new byte[monetaryCents.length];
    if (total == 0) {
      Arrays.fill(classes, C);
      return classes;
    }
    long[] floors = classFloors(sorted, total, config);
    for (int i = 0; i < classes.length; i++) {
      long v = monetaryCents[i];
      classes[i] = v <= 0 ? C : v >= floors[0] ? A : v >= floors[1] ? B : C;
    }
    return classes;
  }

  private static long positiveTotal(long[] sorted) {
    long total = 0;
    for (int i = sorted.length - 1; i >= 0 && sorted[i] > 0; i--) {
      try {
        total = Math.addExact(total, sorted[i]);
      } catch (ArithmeticException e) {
        throw new IllegalArgumentException(
            "total positive spend exceeds " + Long.MAX_VALUE + " cents; the monetary values look corrupt"
                + " (largest is " + sorted[sorted.length - 1] + " cents)", e);
      }
    }
    return total;
  }

  /**
   * Classes only depend on spend and fall monotonically as spend falls, so two floors describe
   * them: {smallest spend classed A, smallest spend classed B}.
   */
  private static long[] classFloors(long[] sorted, long total, AbcConfig config) {
    // cumBefore < cut × total  ⇔  cumBefore < ceil(cut × total) for whole cents; computed exactly
    // once from the decimals the user wrote, so a share of exactly 80% is not A under a_cut 0.80.
    BigDecimal a = new BigDecimal(Double.toString(config.aCut()));
    BigDecimal ab = a.add(new BigDecimal(Double.toString(config.bCut())));
    long aBound = ceilTimes(a, total);
    long abBound = ceilTimes(ab, total);
    long aFloor = Long.MAX_VALUE;
    long bFloor = Long.MAX_VALUE;
    long cumBefore = 0;
    int i = sorted.length - 1;
    while (i >= 0 && sorted[i] > 0) {
      long value = sorted[i];
      long groupSum = 0;
      while (i >= 0 && sorted[i] == value) {
        groupSum += value; // cannot overflow: bounded by the checked total
        i--;
      }
      if (cumBefore < aBound) {
        aFloor = value;
      } else if (cumBefore < abBound) {
        bFloor = value;
      } else {
        break;
      }
      cumBefore += groupSum;
    }
    return new long[] {aFloor, Math.min(aFloor, bFloor)};
  }

  private static long ceilTimes(BigDecimal share, long total) {
    return share.multiply(BigDecimal.valueOf(total)).setScale(0, RoundingMode.CEILING).longValueExact();
  }
}
