package strata.asof;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Rows on either side of the as-of day, worked by hand. */
class AsOfSplitTest {
  @Test
  void rowsAfterTheAsOfDayAreCountedAndNeverMoveTheRunsDays() {
    AsOfSplit split = new AsOfSplit(100);

    // Days 90, 100, 101, 95, 130: the as-of day itself is in the run; 101 and 130 are after it.
    assertThat(split.inRun(90)).isTrue();
    assertThat(split.inRun(100)).isTrue();
    assertThat(split.inRun(101)).isFalse();
    assertThat(split.inRun(95)).isTrue();
    assertThat(split.inRun(130)).isFalse();

    assertThat(split.rowsAfter()).isEqualTo(2);
    assertThat(split.firstDay()).isEqualTo(90);
    assertThat(split.lastDay()).as("130 and 101 are later but outside the run").isEqualTo(100);
  }

  @Test
  void withoutAnAsOfDateEveryRowIsInTheRun() {
    AsOfSplit split = AsOfSplit.at(null);

    assertThat(split.inRun(0)).isTrue();
    assertThat(split.inRun(65_535)).isTrue(); // the last day intake accepts, 2149-06-06
    assertThat(split.rowsAfter()).isZero();
    assertThat(split.firstDay()).isZero();
    assertThat(split.lastDay()).isEqualTo(65_535);
  }

  @Test
  void aSplitAtADateUsesItsEpochDayAndAFreshSplitCountsAfresh() {
    AsOfSplit split = AsOfSplit.at(LocalDate.of(2024, 2, 1)); // epoch day 19754
    assertThat(split.inRun(19_754)).isTrue();
    assertThat(split.inRun(19_755)).isFalse();

    AsOfSplit next = split.fresh();
    assertThat(next.rowsAfter()).isZero();
    assertThat(next.firstDay()).as("no row yet").isEqualTo(Integer.MAX_VALUE);
    assertThat(next.lastDay()).isEqualTo(Integer.MIN_VALUE);
    assertThat(next.inRun(19_755)).as("the same as-of day").isFalse();
  }
}
