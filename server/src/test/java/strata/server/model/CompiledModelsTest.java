package strata.server.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import strata.tier.TierModel;

class CompiledModelsTest {
  private static String yaml(String cut) {
    return "name: cache test\ntiers:\n  - id: big\n    when: monetary >= " + cut + "\n  - id: rest\n    when: true\n";
  }

  @Test
  void aVersionIsCompiledOnceAndAnotherTextIsAnotherModel() {
    TierModel first = CompiledModels.of(1, yaml("1000.0"));
    assertThat(CompiledModels.of(1, yaml("1000.0"))).isSameAs(first);
    TierModel edited = CompiledModels.of(1, yaml("2000.0")); // same number, another database's version 1
    assertThat(edited).isNotSameAs(first);
    assertThat(edited.tiers().get(0).condition()).contains("2000.0");
  }

  @Test
  void onlyTheRecentVersionsAreKept() {
    TierModel old = CompiledModels.of(100, yaml("1.0"));
    for (int v = 101; v <= 110; v++) CompiledModels.of(v, yaml(v + ".0"));
    TierModel again = CompiledModels.of(100, yaml("1.0"));
    assertThat(again).isNotSameAs(old);
    assertThat(again.tiers().get(0).condition()).isEqualTo(old.tiers().get(0).condition());
  }
}
