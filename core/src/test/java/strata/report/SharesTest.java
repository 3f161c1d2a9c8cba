package strata.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class SharesTest {

  @Test
  void thirdsSumToExactlyOneHundredPercent() {
    // 1000/3 = 333 remainder 1 each; the one missing tenth goes to the first part (ties by order).
    assertThat(Shares.tenthsOfPercentOfCounts(new long[] {1, 1, 1})).containsExactly(334, 333, 333);
  }

  @Test
  void largestRemainderGetsTheMissingTenth() {
    // 2000/3 = 666 r 2, 1000/3 = 333 r 1, 0: floors sum to 999, the larger remainder (2) wins.
    assertThat(Shares.tenthsOfPercentOfCounts(new long[] {2, 1, 0})).containsExactly(667, 333, 0);
    // 1000/7 = 142 r 6, 6000/7 = 857 r 1: the missing tenth goes to the first part (remainder 6).
    assertThat(Shares.tenthsOfPercentOfCounts(new long[] {1, 6})).containsExactly(143, 857);
  }

  @Test
  void noWholeMeansNoShares() {
    assertThat(Shares.tenthsOfPercentOfCounts(new long[] {0, 0})).isNull();
    assertThat(Shares.tenthsOfPercentOfCounts(new long[] {})).isNull();
    assertThat(Shares.tenthsOfPercent(List.of(new BigDecimal("-5"), new BigDecimal("5")))).isNull();
  }

  @Test
  void refundsGiveHonestSharesBeyondTheRange() {
    // 150 of 100 = 150.0%, -50 of 100 = -50.0%.
    assertThat(Shares.tenthsOfPercent(List.of(new BigDecimal("150"), new BigDecimal("-50"))))
        .containsExactly(1500, -500);
  }

  @Property
  void sharesOfNonNegativePartsSumToOneHundredAndStayWithinATenth(
      @ForAll @Size(min = 1, max = 12) List<@LongRange(min = 0, max = 1_000_000_000L) Long> parts) {
    long[] counts = parts.stream().mapToLong(Long::longValue).toArray();
    long total = Arrays.stream(counts).sum();
    long[] tenths = Shares.tenthsOfPercentOfCounts(counts);
    if (total == 0) {
      assertThat(tenths).isNull();
      return;
    }
    assertThat(Arrays.stream(tenths).sum()).isEqualTo(1000);
    for (int i = 0; i < counts.length; i++) {
      BigDecimal exact = BigDecimal.valueOf(counts[i] * 1000.0 / total);
      assertThat(BigDecimal.valueOf(tenths[i]).subtract(exact, MathContext.DECIMAL64).abs())
          .isLessThan(BigDecimal.ONE);
    }
  }
}
