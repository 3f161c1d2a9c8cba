package strata.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HoldoutDesignTest {
  @Test
  void theHashMatchesSha256ComputedIndependently() {
    // Python: (int.from_bytes(hashlib.sha256(b"winback_2027\0c1").digest()[:8], "big") >> 11) / 2**53
    assertThat(HoldoutHash.unit("winback_2027", "c1")).isCloseTo(0.1811224023780219, within(1e-15));
    assertThat(HoldoutHash.unit("winback_2027", "c2")).isCloseTo(0.37442822913801577, within(1e-15));
    assertThat(HoldoutHash.unit("exp", "客户7")).isCloseTo(0.455388741956949, within(1e-15));
  }

  @Test
  void everyTierHoldsOutTheRoundedShareAtTheStart() {
    Map<String, String> tierOf = new HashMap<>();
    for (int i = 0; i < 7; i++) tierOf.put("s" + i, "small");
    for (int i = 0; i < 95; i++) tierOf.put("m" + i, "mid");
    for (int i = 0; i < 1003; i++) tierOf.put("b" + i, "big");
    HoldoutDesign design = HoldoutDesign.start("x1", 0.1, tierOf);
    Map<String, Integer> heldOut = new HashMap<>();
    tierOf.forEach((id, tier) -> heldOut.merge(tier, design.assign(id, tier).heldOut() ? 1 : 0, Integer::sum));
    // round(0.7) = 1, round(9.5) = 10, round(100.3) = 100
    assertThat(heldOut).isEqualTo(Map.of("small", 1, "mid", 10, "big", 100));
  }

  @Test
  void nobodyChangesGroupAsCustomersArriveAndNewcomersAreHeldOutAtAboutTheShare() {
    Map<String, String> start = new HashMap<>();
    for (int i = 0; i < 500; i++) start.put("c" + i, "t");
    HoldoutDesign design = HoldoutDesign.start("x2", 0.2, start);
    Map<String, Boolean> before = new HashMap<>();
    start.keySet().forEach(id -> before.put(id, design.assign(id, "t").heldOut()));
    Map<String, String> later = new HashMap<>(start);
    for (int i = 500; i < 20_500; i++) later.put("c" + i, "t");
    HoldoutDesign stored = new HoldoutDesign(design.experiment(), design.share(), design.cutoffs());
    before.forEach((id, held) -> assertThat(stored.assign(id, "t").heldOut()).isEqualTo(held));
    long newcomersHeld = later.keySet().stream().filter(id -> !start.containsKey(id))
        .filter(id -> stored.assign(id, "t").heldOut()).count();
    // The cutoff is the start's 100th of 500 numbers: near 0.2, sd sqrt(0.2 * 0.8 / 500) = 0.018. Newcomers are
    // held out at the cutoff: 20,000 × cutoff, binomial sd at most 57, so ± 250 is over 4 sd.
    double cutoff = stored.cutoff("t");
    assertThat(cutoff).isBetween(0.2 - 0.06, 0.2 + 0.06);
    assertThat((double) newcomersHeld).isCloseTo(20_000 * cutoff, within(250.0));
  }

  @Test
  void withoutAStoredStartTheShareIsTheCutoffInEveryTier() {
    HoldoutDesign plain = HoldoutDesign.unstratified("winback_2027", 0.5);
    assertThat(plain.assign("c1", "any").heldOut()).isTrue(); // 0.181
    assertThat(plain.assign("c3", "other").heldOut()).isFalse();
    assertThat(HoldoutDesign.unstratified("winback_2027", 0.18).assign("c1", "t").heldOut()).isFalse();
  }

  @Test
  void aTierTooSmallToHoldAnyoneOutAtTheStartStillHoldsOutNewcomers() {
    HoldoutDesign design = HoldoutDesign.start("x3", 0.1, Map.of("a", "tiny", "b", "tiny"));
    assertThat(design.cutoff("tiny")).isGreaterThan(0).isLessThanOrEqualTo(0.1);
    assertThat(design.assign("a", "tiny").heldOut()).isFalse();
    assertThat(design.assign("b", "tiny").heldOut()).isFalse();
    assertThat(design.cutoff("unknown")).isEqualTo(0.1);
  }

  @Test
  void aShareOutsideZeroToOneIsRejected() {
    assertThatThrownBy(() -> HoldoutDesign.unstratified("x", 0)).hasMessageContaining("share must be between 0 and 1");
    assertThatThrownBy(() -> HoldoutDesign.unstratified("x", Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> HoldoutDesign.start("x", 1, Map.of())).isInstanceOf(IllegalArgumentException.class);
  }
}
