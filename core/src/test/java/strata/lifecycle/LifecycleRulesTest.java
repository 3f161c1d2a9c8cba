package strata.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static strata.lifecycle.LifecycleStage.ACTIVE;
import static strata.lifecycle.LifecycleStage.CHURNED;
import static strata.lifecycle.LifecycleStage.DORMANT;
import static strata.lifecycle.LifecycleStage.NEW;
import static strata.lifecycle.LifecycleStage.POTENTIAL;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class LifecycleRulesTest {
  private static final int AS_OF = 1000;

  // Hand-made customers, as-of day 1000 (first, last, distinct days -> own gap, recency):
  //  0 never bought (dates are junk and must be ignored)
  //  1 (0, 600, 4)    gap 200, recency 400
  //  2 (500, 800, 11) gap  30, recency 200
  //  3 (100, 200, 2)  gap 100, recency 800
  //  4 (700, 700, 1)  one day, recency 300
  //  5 (500, 500, 1)  one day, recency 500
  //  6 (850, 850, 1)  one day, recency 150
  //  7 (920, 990, 3)  first purchase 80 days ago
  // Median own gap of the repeat customers 1, 2, 3, 7: {30, 35, 100, 200} -> (35 + 100) / 2 = 67.5.
  private static final int[] FIRST = {-5, 0, 500, 100, 700, 500, 850, 920};
  private static final int[] LAST = {99_999, 600, 800, 200, 700, 500, 850, 990};
  private static final int[] DISTINCT = {0, 4, 11, 2, 1, 1, 1, 3};

  private static LifecycleStage[] stages(byte[] ordinals) {
    LifecycleStage[] stages = new LifecycleStage[ordinals.length];
    for (int i = 0; i < ordinals.length; i++) {
      stages[i] = LifecycleStage.ofOrdinal(ordinals[i]);
    }
    return stages;
  }

  @Test
  void medianGapOfRepeatCustomers() {
    assertThat(LifecycleRules.medianRepeatGap(FIRST, LAST, DISTINCT)).isEqualTo(67.5);
  }

  @Test
  void relativeModeStretchesThresholdsWithEachCustomersRhythm() {
    // Thresholds max(90, 2g) / max(365, 4g):
    //  1: g 200 -> 400 / 800, recency 400 -> active (limit inclusive)
    //  2: g 30  -> 90 / 365,  recency 200 -> dormant
    //  3: g 100 -> 200 / 400, recency 800 -> churned
    //  4: g 67.5 (median) -> 135 / 365, recency 300 -> dormant
    //  5: recency 500 > 365 -> churned
    //  6: recency 150 > 135 -> dormant
    //  7: new (80 <= 90 days since first purchase)
    byte[] result = LifecycleRules.classify(FIRST, LAST, DISTINCT, AS_OF, LifecycleConfig.defaults());
    assertThat(stages(result))
        .containsExactly(POTENTIAL, ACTIVE, DORMANT, CHURNED, DORMANT, CHURNED, DORMANT, NEW);
  }

  @Test
  void daysModeUsesFixedThresholdsForEveryone() {
    LifecycleConfig days = new LifecycleConfig(LifecycleConfig.Mode.DAYS, 90, 90, 365, 2.0, 4.0);
    // Recency 400, 200, 800, 300, 500, 150 against 90 / 365.
    byte[] result = LifecycleRules.classify(FIRST, LAST, DISTINCT, AS_OF, days);
    assertThat(stages(result))
        .containsExactly(POTENTIAL, CHURNED, DORMANT, CHURNED, DORMANT, CHURNED, DORMANT, NEW);
  }

  @Test
  void withoutRepeatCustomersOneDayBuyersUseTheDayThresholds() {
    // Recency 300 -> dormant (90 < 300 <= 365); 366 -> churned; 365 -> dormant (limit inclusive).
    int[] days = {700, 634, 635};
    byte[] result = LifecycleRules.classify(days, days, new int[] {1, 1, 1}, AS_OF, LifecycleConfig.defaults());
    assertThat(stages(result)).containsExactly(DORMANT, CHURNED, DORMANT);
    assertThat(LifecycleRules.medianRepeatGap(new int[] {700}, new int[] {700}, new int[] {1})).isNaN();
  }

  @Test
  void newIsInclusiveOfItsLimit() {
    // First purchase exactly 90 days ago is new; 91 days ago is not (recency 91 > 90 -> dormant).
    byte[] result = LifecycleRules.classify(
        new int[] {910, 909}, new int[] {910, 909}, new int[] {1, 1}, AS_OF,
        new LifecycleConfig(LifecycleConfig.Mode.DAYS, 90, 90, 365, 2, 4));
    assertThat(stages(result)).containsExactly(NEW, DORMANT);
  }

  @Test
  void emptyInputGivesEmptyOutput() {
    assertThat(LifecycleRules.classify(new int[0], new int[0], new int[0], AS_OF, LifecycleConfig.defaults()))
        .isEmpty();
  }

  @Test
  void rejectsImpossibleDates() {
    LifecycleConfig c = LifecycleConfig.defaults();
    assertThatThrownBy(() -> LifecycleRules.classify(new int[1], new int[2], new int[1], AS_OF, c))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("firstDay, lastDay and distinctDays must have one entry per customer, got lengths 1, 2, 1");
    assertThatThrownBy(() -> LifecycleRules.classify(new int[] {990}, new int[] {1005}, new int[] {2}, AS_OF, c))
        .hasMessage("customer 0: last purchase day 1005 is after the as-of day 1000");
    assertThatThrownBy(() -> LifecycleRules.classify(new int[] {900}, new int[] {800}, new int[] {2}, AS_OF, c))
        .hasMessage("customer 0: first purchase day 900 is after the last 800");
    assertThatThrownBy(() -> LifecycleRules.classify(new int[] {800}, new int[] {802}, new int[] {5}, AS_OF, c))
        .hasMessage("customer 0: 5 distinct purchase days do not fit between day 800 and day 802");
    assertThatThrownBy(() -> LifecycleRules.classify(new int[] {800}, new int[] {802}, new int[] {1}, AS_OF, c))
        .hasMessage("customer 0: bought on one day only, but first day 800 and last day 802 differ");
    assertThatThrownBy(() -> LifecycleRules.classify(new int[] {0}, new int[] {0}, new int[] {-1}, AS_OF, c))
        .hasMessage("distinctDays[0] is -1: must not be negative");
  }

  @Test
  void stagesHaveCodesAndLabels() {
    assertThat(DORMANT.code()).isEqualTo("dormant");
    assertThat(DORMANT.label(Locale.CHINESE)).isEqualTo("沉睡客户");
    assertThat(CHURNED.label(Locale.ENGLISH)).isEqualTo("Churned");
    assertThat(POTENTIAL.label(Locale.SIMPLIFIED_CHINESE)).isEqualTo("潜在客户");
  }
}
