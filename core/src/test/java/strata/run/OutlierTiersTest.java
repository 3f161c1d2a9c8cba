package strata.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import strata.intake.AmountOutliers;

class OutlierTiersTest {
  private static final AmountOutliers FOUND =
      new AmountOutliers(50, 5000, 3, List.of(), false, -1, List.of());

  @Test
  void changesCountedInPartsMergeIntoTheWholeRunsCountAndFirstTwentyIds() {
    OutlierTiers.Changes one = new OutlierTiers.Changes(false)
        .add("b", "key", "regular")
        .add("a", "regular", "regular") // kept its tier: not a change
        .add("c", null, "key"); // only the other way has it
    OutlierTiers.Changes two = new OutlierTiers.Changes(false);
    List<String> expected = new ArrayList<>(List.of("b key regular", "c null key"));
    for (int i = 24; i >= 0; i--) two.add(String.format("d%02d", i), "key", "new");
    for (int i = 0; i < 18; i++) expected.add(String.format("d%02d key new", i));

    AmountOutliers o = one.merge(two).applyTo(FOUND);

    assertThat(o.tierChanges()).isEqualTo(2 + 25);
    assertThat(o.tierChangeExamples()).extracting(c -> c.customerId() + " " + c.tierWith() + " " + c.tierWithout())
        .containsExactlyElementsOf(expected);
    assertThat(OutlierTiers.note(o).code()).isEqualTo("outlier_tier_changes");
  }

  @Test
  void aRunWithoutTheOutliersHasItsOwnTiersAsTheTiersWithout() {
    AmountOutliers o = new OutlierTiers.Changes(true).add("x", "regular", "key").applyTo(FOUND);
    assertThat(o.tierChangeExamples()).singleElement()
        .satisfies(c -> assertThat(List.of(c.tierWith(), c.tierWithout())).containsExactly("key", "regular"));
  }

  @Test
  void noChangeNoNote() {
    AmountOutliers o = new OutlierTiers.Changes(false).add("a", "key", "key").applyTo(FOUND);
    assertThat(o.tierChanges()).isZero();
    assertThat(OutlierTiers.note(o)).isNull();
  }
}
