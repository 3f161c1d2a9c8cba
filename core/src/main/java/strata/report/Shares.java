package strata.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Percentages of a whole, in tenths of a percent, that a reader can add up.
 *
 * <p>When no part is negative, the largest-remainder (Hare) method is used: every share is
 * rounded down and the missing tenths go to the largest remainders, so shown shares sum to exactly
 * 100.0% instead of 99.9% or 100.1%. Equal remainders go to the earlier part, keeping the result
 * independent of anything but the input order.
 */
final class Shares {
  private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

  private Shares() {}

  /**
   * Shares of {@code parts} in their sum, in tenths of a percent; {@code null} when the sum is
   * zero or negative (no meaningful share). With negative parts (refunds) each share is simply
   * rounded half-even: they still sum to about 100%, but some may be negative or exceed 100%.
   */
  static long[] tenthsOfPercent(List<BigDecimal> parts) {
    BigDecimal total = parts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    if (total.signum() <= 0) {
      return null;
    }
    boolean anyNegative = parts.stream().anyMatch(p -> p.signum() < 0);
    long[] tenths = new long[parts.size()];
    BigDecimal[] remainders = new BigDecimal[parts.size()];
    for (int i = 0; i < tenths.length; i++) {
      BigDecimal exact = parts.get(i).multiply(THOUSAND);
      if (anyNegative) {
        tenths[i] = exact.divide(total, 0, RoundingMode.HALF_EVEN).longValueExact();
      } else {
        BigDecimal[] qr = exact.divideAndRemainder(total);
        tenths[i] = qr[0].longValueExact();
        remainders[i] = qr[1];
      }
    }
    if (!anyNegative) {
      long missing = 1000 - Arrays.stream(tenths).sum();
      IntStream.range(0, tenths.length).boxed()
          .sorted(Comparator.comparing((Integer i) -> remainders[i]).reversed())
          .limit(missing)
          .forEach(i -> tenths[i]++);
    }
    return tenths;
  }

  /** Convenience for counts. */
  static long[] tenthsOfPercentOfCounts(long[] counts) {
    return tenthsOfPercent(Arrays.stream(counts).mapToObj(BigDecimal::valueOf).toList());
  }
}
