package strata.rfm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class RfmSegmentsTest {

  private static RfmScores scores(int[] r, int[] f, int[] m) {
    return new RfmScores(bytes(r), bytes(f), bytes(m));
  }

  private static byte[] bytes(int[] values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return b;
  }

  @Test
  void eachHighLowPatternHasItsClassicSegment() {
    // The eight patterns of the brief, in enum order; "high" = score > 3.
    RfmScores scores = scores(
        new int[] {5, 5, 1, 1, 5, 5, 1, 1},
        new int[] {5, 1, 5, 1, 5, 1, 5, 1},
        new int[] {5, 5, 5, 5, 1, 1, 1, 1});
    byte[] segments = RfmSegments.classic(scores, OptionalDouble.of(3));
    assertThat(segments).containsExactly(
        ClassicSegment.IMPORTANT_VALUE.ordinal(),
        ClassicSegment.IMPORTANT_DEVELOPMENT.ordinal(),
        ClassicSegment.IMPORTANT_RETENTION.ordinal(),
        ClassicSegment.IMPORTANT_WINBACK.ordinal(),
        ClassicSegment.GENERAL_VALUE.ordinal(),
        ClassicSegment.GENERAL_DEVELOPMENT.ordinal(),
        ClassicSegment.GENERAL_RETENTION.ordinal(),
        ClassicSegment.GENERAL_WINBACK.ordinal());
  }

  @Test
  void meanCutNeedsAScoreStrictlyAboveTheMean() {
    // Means: R (1+2+3+4+5)/5 = 3, F all 3 -> 3, M (5+5+1+1+1)/5 = 2.6.
    // High: R for 4 and 5 only (3 is not above 3); F never; M for the two 5s.
    RfmScores scores = scores(new int[] {1, 2, 3, 4, 5}, new int[] {3, 3, 3, 3, 3}, new int[] {5, 5, 1, 1, 1});
    assertThat(RfmSegments.highCuts(scores, OptionalDouble.empty())).containsExactly(3.0, 3.0, 2.6);
    assertThat(RfmSegments.classic(scores, RfmConfig.defaults())).containsExactly(
        ClassicSegment.IMPORTANT_WINBACK.ordinal(),
        ClassicSegment.IMPORTANT_WINBACK.ordinal(),
        ClassicSegment.GENERAL_WINBACK.ordinal(),
        ClassicSegment.GENERAL_DEVELOPMENT.ordinal(),
        ClassicSegment.GENERAL_DEVELOPMENT.ordinal());
  }

  @Test
  void classicOfNoCustomersIsEmpty() {
    assertThat(RfmSegments.classic(scores(new int[0], new int[0], new int[0]), OptionalDouble.empty())).isEmpty();
  }

  @Test
  void classicSegmentsHaveChineseAndEnglishLabels() {
    assertThat(ClassicSegment.IMPORTANT_VALUE.label(Locale.SIMPLIFIED_CHINESE)).isEqualTo("重要价值客户");
    assertThat(ClassicSegment.IMPORTANT_DEVELOPMENT.label(Locale.CHINESE)).isEqualTo("重要发展客户");
    assertThat(ClassicSegment.IMPORTANT_RETENTION.label(Locale.CHINESE)).isEqualTo("重要保持客户");
    assertThat(ClassicSegment.IMPORTANT_WINBACK.label(Locale.CHINESE)).isEqualTo("重要挽留客户");
    assertThat(ClassicSegment.GENERAL_VALUE.label(Locale.CHINESE)).isEqualTo("一般价值客户");
    assertThat(ClassicSegment.GENERAL_DEVELOPMENT.label(Locale.CHINESE)).isEqualTo("一般发展客户");
    assertThat(ClassicSegment.GENERAL_RETENTION.label(Locale.CHINESE)).isEqualTo("一般保持客户");
    assertThat(ClassicSegment.GENERAL_WINBACK.label(Locale.CHINESE)).isEqualTo("一般挽留客户");
    assertThat(ClassicSegment.IMPORTANT_WINBACK.code()).isEqualTo("important_winback");
    assertThat(ClassicSegment.IMPORTANT_WINBACK.label(Locale.ENGLISH)).isEqualTo("Important win-back");
  }

  @Test
  void namedSegmentsFollowThePublishedRanges() {
    // Each case checked by hand against the rfm 0.3.0 table (R/F/M lower-upper), first match wins.
    assertThat(RfmSegments.segment11(5, 5, 5)).isEqualTo(RfmSegment11.CHAMPIONS);
    assertThat(RfmSegments.segment11(5, 5, 4)).isEqualTo(RfmSegment11.POTENTIAL_LOYALIST);
    assertThat(RfmSegments.segment11(2, 2, 2)).isEqualTo(RfmSegment11.LOYAL_CUSTOMERS);
    assertThat(RfmSegments.segment11(3, 1, 3)).isEqualTo(RfmSegment11.PROMISING);
    assertThat(RfmSegments.segment11(5, 1, 1)).isEqualTo(RfmSegment11.NEW_CUSTOMERS);
    assertThat(RfmSegments.segment11(1, 3, 5)).isEqualTo(RfmSegment11.CANT_LOSE_THEM);
    assertThat(RfmSegments.segment11(2, 5, 5)).isEqualTo(RfmSegment11.AT_RISK);
    assertThat(RfmSegments.segment11(1, 3, 3)).isEqualTo(RfmSegment11.NEED_ATTENTION);
    assertThat(RfmSegments.segment11(3, 1, 1)).isEqualTo(RfmSegment11.ABOUT_TO_SLEEP);
    assertThat(RfmSegments.segment11(1, 1, 1)).isEqualTo(RfmSegment11.LOST);
    assertThat(RfmSegments.segment11(1, 5, 1)).isEqualTo(RfmSegment11.LOST);
  }

  @Test
  void overlappingRangesGoToTheFirstRuleListed() {
    // (4,3,3) lies in Potential Loyalist, Loyal Customers, Promising and New Customers; the R
    // package assigns the first in its list and never overwrites.
    assertThat(RfmSegments.segment11(4, 3, 3)).isEqualTo(RfmSegment11.POTENTIAL_LOYALIST);
    // (1,4,5) lies in Can't Lose Them and At Risk.
    assertThat(RfmSegments.segment11(1, 4, 5)).isEqualTo(RfmSegment11.CANT_LOSE_THEM);
  }

  @Test
  void hibernatingTakesOnlyLongAgoCustomersThePublishedTableLeavesOut() {
    assertThat(RfmSegments.segment11(2, 5, 1)).isEqualTo(RfmSegment11.HIBERNATING);
    assertThat(RfmSegments.segment11(2, 1, 5)).isEqualTo(RfmSegment11.HIBERNATING);
    assertThat(RfmSegments.segment11(5, 5, 1)).isEqualTo(RfmSegment11.OTHERS);
    assertThat(RfmSegments.segment11(3, 4, 1)).isEqualTo(RfmSegment11.OTHERS);
  }

  @Test
  void cellsPerSegmentMatchAnIndependentCount() {
    // Counts over all 125 (R,F,M) cells from a separate Python script applying the published
    // ranges with the R package's first-match loop; Hibernating and Others are the 10 cells that
    // script left as "Others", split by R <= 2.
    Map<RfmSegment11, Integer> expected = new EnumMap<>(RfmSegment11.class);
    expected.put(RfmSegment11.CHAMPIONS, 1);
    expected.put(RfmSegment11.POTENTIAL_LOYALIST, 35);
    expected.put(RfmSegment11.LOYAL_CUSTOMERS, 15);
    expected.put(RfmSegment11.PROMISING, 8);
    expected.put(RfmSegment11.NEW_CUSTOMERS, 15);
    expected.put(RfmSegment11.CANT_LOSE_THEM, 6);
    expected.put(RfmSegment11.AT_RISK, 7);
    expected.put(RfmSegment11.NEED_ATTENTION, 4);
    expected.put(RfmSegment11.ABOUT_TO_SLEEP, 10);
    expected.put(RfmSegment11.LOST, 14);
    expected.put(RfmSegment11.HIBERNATING, 4);
    expected.put(RfmSegment11.OTHERS, 6);
    Map<RfmSegment11, Integer> counted = new EnumMap<>(RfmSegment11.class);
    for (int r = 1; r <= 5; r++) {
      for (int f = 1; f <= 5; f++) {
        for (int m = 1; m <= 5; m++) {
          counted.merge(RfmSegments.segment11(r, f, m), 1, Integer::sum);
        }
      }
    }
    assertThat(counted).isEqualTo(expected);
  }

  @Test
  void arrayVersionAgreesWithSingleCustomerVersion() {
    RfmScores scores = scores(new int[] {5, 2, 1}, new int[] {5, 5, 1}, new int[] {5, 1, 1});
    assertThat(RfmSegments.segment11(scores)).containsExactly(
        RfmSegment11.CHAMPIONS.ordinal(), RfmSegment11.HIBERNATING.ordinal(), RfmSegment11.LOST.ordinal());
  }

  @Test
  void namedSegmentsRejectScoresOutsideOneToFive() {
    assertThatThrownBy(() -> RfmSegments.segment11(6, 1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the named RFM segments need scores 1..5 (buckets: 5), got R=6 F=1 M=1");
    RfmScores tenLevels = scores(new int[] {1, 7}, new int[] {1, 1}, new int[] {1, 1});
    assertThatThrownBy(() -> RfmSegments.segment11(tenLevels))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("customer 1 has R=7 F=1 M=1");
  }

  @Test
  void namedSegmentsHaveLabelsInBothLanguages() {
    for (RfmSegment11 segment : RfmSegment11.values()) {
      assertThat(segment.label(Locale.ENGLISH)).isNotEqualTo(segment.labelKey());
      assertThat(segment.label(Locale.CHINESE)).isNotEqualTo(segment.label(Locale.ENGLISH));
    }
    assertThat(RfmSegment11.CANT_LOSE_THEM.label(Locale.ENGLISH)).isEqualTo("Can't Lose Them");
  }
}
