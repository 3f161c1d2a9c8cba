package strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EarlyModelTest {
  @Test
  void onlyAScoreWithTheBuiltInModelLoadsItEarly() {
    assertThat(EarlyModel.usesDefaultModel("score", "--transactions", "t.csv", "--out", "o")).isTrue();
    assertThat(EarlyModel.usesDefaultModel("score", "--transactions", "t.csv", "--model", "m.yaml")).isFalse();
    assertThat(EarlyModel.usesDefaultModel("score", "--transactions=t.csv", "--model=m.yaml")).isFalse();
    assertThat(EarlyModel.usesDefaultModel("score", "--transactions", "t.csv", "--only", "rfm")).isFalse();
    assertThat(EarlyModel.usesDefaultModel("score", "--help")).isFalse();
    assertThat(EarlyModel.usesDefaultModel("plan", "--transactions", "t.csv")).isFalse();
    assertThat(EarlyModel.usesDefaultModel()).isFalse();
  }

  @Test
  void theEarlyModelIsTheBuiltInOne() {
    EarlyModel.startFor(new String[] {"score", "--transactions", "t.csv"});
    assertThat(EarlyModel.defaultModel().join().tiers()).extracting(t -> t.id())
        .isEqualTo(strata.tier.TierModel.defaultModel().tiers().stream().map(t -> t.id()).toList());
  }
}
