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
    return classify(monetaryCents, floors(sorted, config));
  }

  /**
   * Classes customers by the floors {@link #floors} found for all of them: how a part of a run's customers is
   * classed as the whole run would class it.
   */
  public static byte[] classify(long[] monetaryCents, long[] floors) {
    byte[] classes = new byte[monetaryCents.length];
    for (int i = 0; i < classes.length; i++) {
      long v = monetaryCents[i];
      classes[i] = v <= 0 ? C : v >= floors[0] ? A : v >= floors[1] ? B : C;
    }
    return classes;
  }

  /**
   * Classes only depend on spend and fall monotonically as spend falls, so two floors describe them: {smallest spend
   * classed A, smallest spend classed B}; both {@link Long#MAX_VALUE} (everyone C) when nobody has positive spend.
   *
   * @param sorted every customer's spend in cents, ascending
   */
  static long[] floors(long[] sorted, AbcConfig config) {
    return floors(visit -> {
      int i = sorted.length - 1;
      while (i >= 0 && sorted[i] > 0) {
        long value = sorted[i];
        int start = i;
        while (i >= 0 && sorted[i] == value) i--;
        if (!visit.group(value, start - i)) return;
      }
    }, config);
  }

  /**
   * As {@link #floors(long[], AbcConfig)} from the groups of equal spend, which the method classes together: for a
   * part of a run's customers, from the counts of the whole run's spends.
   */
  public static long[] floors(Groups positiveLargestFirst, AbcConfig config) {
    long[] total = {0};
    positiveLargestFirst.walk((value, count) -> {
      total[0] = positiveTotal(total[0], value, count);
      return true;
    });
    if (total[0] == 0) return new long[] {Long.MAX_VALUE, Long.MAX_VALUE};
    // cumBefore < cut × total  ⇔  cumBefore < ceil(cut × total) for whole cents; computed exactly
    // once from the decimals the user wrote, so a share of exactly 80% is not A under a_cut 0.80.
    BigDecimal a = new BigDecimal(Double.toString(config.aCut()));
    BigDecimal ab = a.add(new BigDecimal(Double.toString(config.bCut())));
    long aBound = ceilTimes(a, total[0]);
    long abBound = ceilTimes(ab, total[0]);
    long[] floors = {Long.MAX_VALUE, Long.MAX_VALUE};
    long[] cumBefore = {0};
    positiveLargestFirst.walk((value, count) -> {
      if (cumBefore[0] < aBound) {
        floors[0] = value;
      } else if (cumBefore[0] < abBound) {
        floors[1] = value;
      } else {
        return false;
      }
      cumBefore[0] += value * count; // cannot overflow: bounded by the checked total
      return true;
    });
    return new long[] {floors[0], Math.min(floors[0], floors[1])};
  }

  /** Customers' positive spends grouped by value. */
  public interface Groups {
    /** Hands each distinct positive spend (cents) and its count to {@code visit}, largest first, until it says stop. */
    void walk(Visit visit);
  }

  /** Receives one group; returns false to stop the walk. */
  public interface Visit {
    boolean group(long valueCents, long customers);
  }

  private static long positiveTotal(long total, long value, long count) {
    try {
      return Math.addExact(total, Math.multiplyExact(value, count));
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(
          "total positive spend exceeds " + Long.MAX_VALUE + " cents; the monetary values look corrupt"
              + " (" + count + " customers spent " + value + " cents each)", e);
    }
  }

  private static long ceilTimes(BigDecimal share, long total) {
    return share.multiply(BigDecimal.valueOf(total)).setScale(0, RoundingMode.CEILING).longValueExact();
  }
}
