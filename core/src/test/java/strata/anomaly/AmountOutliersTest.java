package strata.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Modified z-scores worked out by hand (natural logs, 1.4826 · MAD). */
class AmountOutliersTest {
  // ¥10, 20, 40, 80, 160: logs ln 1000 + k ln 2; median ln 4000; deviations 0, ln2, ln2, 2ln2, 2ln2 → MAD ln 2;
  // spread 1.4826 · 0.693147 = 1.027660. z > 5 ⇔ amount > 4000 · e^5.1383 ≈ 681,700 cents (¥6,817).
  private final AmountOutliers.Reference catalogue =
      AmountOutliers.Reference.of(new long[] {1000, 2000, 4000, 8000, 16000, 99}, 5);

  @Test
  void catalogueReferenceIsTheMedianAndScaledMadOfLogAmounts() {
    assertThat(catalogue.median()).isCloseTo(Math.log(4000), within(1e-12));
    assertThat(catalogue.spread()).isCloseTo(1.027660, within(1e-6));
    assertThat(catalogue.z(800_000)).isCloseTo(Math.log(200) / 1.027660, within(1e-6)); // 5.156
  }

  @Test
  void aFewRowsAreJudgedAgainstTheCatalogueAlone() {
    // ¥6,000: z = ln 150 / 1.02766 = 4.876, kept; ¥8,000: 5.156, flagged; ¥99,999,999: 13.4.
    assertThat(AmountOutliers.flag(new long[] {1000, 600_000, 2000}, catalogue)).containsExactly(false, false, false);
    assertThat(AmountOutliers.flag(new long[] {1000, 800_000, 2000}, catalogue)).containsExactly(false, true, false);
    assertThat(AmountOutliers.flag(new long[] {9_999_999_900L}, catalogue)).containsExactly(true);
  }

  @Test
  void aLargeAccountsRegularLargeOrdersAreNotOutliersButItsOneHugeOrderIs() {
    // Own rows ¥5,000, 6,000, 7,000, 8,000, 99,999,999: own median ln 700,000, MAD 0.15415 → spread
    // max(0.5, 0.2285) = 0.5. ¥7,000 and ¥8,000 pass the catalogue cut (5.026, 5.156) but their own z is 0 and
    // ln(8/7)/0.5 = 0.27; the huge order's own z is ln(1e10/7e5)/0.5 = 19.1.
    long[] own = {500_000, 600_000, 700_000, 800_000, 9_999_999_900L};
    assertThat(AmountOutliers.flag(own, catalogue)).containsExactly(false, false, false, false, true);
  }

  @Test
  void refundsAndZeroAreNeverFlagged() {
    assertThat(AmountOutliers.flag(new long[] {-9_999_999_900L, 0}, catalogue)).containsExactly(false, false);
  }

  @Test
  void aFixedPriceCatalogueNeedsTwelveTimesTheUsualAmount() {
    // MAD 0 → spread 0.5: ten times (ln 10 / 0.5 = 4.6) is kept, twenty times (5.99) is flagged.
    var fixed = AmountOutliers.Reference.of(new long[] {1000, 1000, 1000, 1000}, 4);
    assertThat(fixed.spread()).isEqualTo(0.5);
    assertThat(AmountOutliers.flag(new long[] {10_000, 20_000}, fixed)).containsExactly(false, true);
  }

  @Test
  void noPositiveAmountsMeansNoReference() {
    assertThat(AmountOutliers.Reference.of(new long[] {-5, 0}, 2)).isNull();
    assertThat(AmountOutliers.Reference.of(new long[0], 0)).isNull();
  }
}
