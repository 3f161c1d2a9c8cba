package strata.tier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import strata.tier.ModelDiff.Kind;
import strata.tier.ModelDiff.Part;
import strata.tier.ModelDiff.TierChange;

class ModelDiffTest {
  private static final String BASE = """
      name: v1
      tiers:
        - id: vip
          name: {zh: 贵宾, en: VIP}
          when: monetary >= 1000.0
        - id: mid
          when: monetary >= 100.0
        - id: dormant
          when: recency_days > 365
        - id: rest
      """;

  private static ModelDiff diff(String before, String after) {
    return ModelDiff.between(TierModel.parse(before, "a"), TierModel.parse(after, "b"));
  }

  @Test
  void theSameModelReindentedIsNoChange() {
    ModelDiff d = diff(BASE, BASE.replace("monetary >= 1000.0", "monetary  >=   1000.0"));
    assertThat(d.same()).isTrue();
    assertThat(d.tiers()).extracting(TierChange::kind).containsOnly(Kind.UNCHANGED);
  }

  @Test
  void addedRemovedAndChangedTiersAreNamedInTheNewOrder() {
    String after = """
        name: v1
        tiers:
          - id: vip
            name: {zh: 贵宾, en: VIP}
            when: monetary >= 1000.0
          - id: mid
            when: monetary >= 200.0
          - id: new_buyer
            when: frequency == 1
          - id: rest
        """;
    ModelDiff d = diff(BASE, after);
    // Expected by reading the two texts: dormant (3rd) is gone, new_buyer enters 3rd, mid's threshold changed.
    assertThat(d.tiers()).extracting(TierChange::id).containsExactly("vip", "mid", "dormant", "new_buyer", "rest");
    assertThat(d.tiers()).extracting(TierChange::kind)
        .containsExactly(Kind.UNCHANGED, Kind.CHANGED, Kind.REMOVED, Kind.ADDED, Kind.UNCHANGED);
    TierChange mid = d.tiers().get(1);
    assertThat(mid.changed()).containsExactly(Part.CONDITION);
    assertThat(mid.conditionBefore()).isEqualTo("monetary >= 100.0");
    assertThat(mid.conditionAfter()).isEqualTo("monetary >= 200.0");
    assertThat(d.tiers().get(2).positionBefore()).isEqualTo(3);
    assertThat(d.tiers().get(2).positionAfter()).isZero();
    assertThat(d.tiers().get(3).positionAfter()).isEqualTo(3);
    assertThat(d.tiers().get(4).positionBefore()).isEqualTo(4); // rest kept its place in the order, not moved
    assertThat(d.tiers().get(4).changed()).isEmpty();
  }

  @Test
  void onlyTheTierTakenOutOfOrderCountsAsMoved() {
    String after = """
        name: v1
        tiers:
          - id: dormant
            when: recency_days > 365
          - id: vip
            name: {zh: 贵宾, en: VIP}
            when: monetary >= 1000.0
          - id: mid
            when: monetary >= 100.0
          - id: rest
        """;
    ModelDiff d = diff(BASE, after);
    // vip and mid shift down one place but keep their order; only dormant moved (to the front).
    assertThat(d.tiers()).filteredOn(t -> t.changed().contains(Part.POSITION)).extracting(TierChange::id)
        .containsExactly("dormant");
    assertThat(d.tiers().get(0).positionBefore()).isEqualTo(3);
    assertThat(d.tiers().get(0).positionAfter()).isEqualTo(1);
  }

  @Test
  void namesServicesScoringAndTheModelNameAreComparedByValue() {
    String after = BASE.replace("name: v1", "name: v2\nscoring:\n  rfm: {bins: 4}")
        .replace("{zh: 贵宾, en: VIP}", "{zh: 贵宾客户, en: VIP}")
        .replace("when: monetary >= 100.0", "when: monetary >= 100.0\n    service:\n      cadence: {every_days: 30, channels: [phone]}");
    ModelDiff d = diff(BASE, after);
    assertThat(d.nameChanged()).isTrue();
    assertThat(d.scoringChanged()).isTrue();
    assertThat(d.tiers().get(0).changed()).isEqualTo(List.of(Part.NAME));
    assertThat(d.tiers().get(1).changed()).isEqualTo(List.of(Part.SERVICE));
  }
}
