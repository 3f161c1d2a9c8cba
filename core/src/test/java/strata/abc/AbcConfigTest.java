package strata.abc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import strata.scoring.ConfigException;
import strata.scoring.YamlSection;

class AbcConfigTest {

  private static AbcConfig read(String yaml) {
    return AbcConfig.fromMap(YamlSection.section(yaml, "scoring.abc"));
  }

  private static void rejects(String yaml, String message) {
    assertThatThrownBy(() -> read(yaml)).isInstanceOf(ConfigException.class).hasMessage(message);
  }

  @Test
  void defaultsAreEightyAndFifteenPercent() {
    assertThat(AbcConfig.defaults()).isEqualTo(new AbcConfig(0.80, 0.15));
    assertThat(AbcConfig.fromMap(null)).isEqualTo(AbcConfig.defaults());
  }

  @Test
  void readsBothCuts() {
    assertThat(read("scoring:\n  abc: {a_cut: 0.7, b_cut: 0.3}\n")).isEqualTo(new AbcConfig(0.7, 0.3));
    assertThat(read("scoring:\n  abc: {a_cut: 0.6}\n")).isEqualTo(new AbcConfig(0.6, 0.15));
  }

  @Test
  void rejectsCutsOutsideTheirRange() {
    rejects("scoring:\n  abc: {a_cut: 0}\n", "scoring.abc.a_cut must be greater than 0 and less than 1, got 0.0");
    rejects("scoring:\n  abc: {a_cut: 1}\n", "scoring.abc.a_cut must be greater than 0 and less than 1, got 1.0");
    rejects("scoring:\n  abc: {b_cut: -0.1}\n", "scoring.abc.b_cut must be between 0 and 1, got -0.1");
    rejects("scoring:\n  abc: {a_cut: 0.9, b_cut: 0.2}\n", "scoring.abc.a_cut + b_cut must be at most 1, got 0.9 + 0.2");
    rejects("scoring:\n  abc: {a_cut: '80%'}\n", "scoring.abc.a_cut must be a number, got '80%'");
    rejects("scoring:\n  abc: {c_cut: 0.05}\n", "scoring.abc.c_cut is not a known setting (known: a_cut, b_cut)");
  }

  @Test
  void sharesAddingToExactlyOneAreAllowed() {
    // 0.8 + 0.2 is 1.0000000000000002 in binary floating point, but exactly 1 as written.
    assertThat(new AbcConfig(0.8, 0.2).bCut()).isEqualTo(0.2);
  }
}
