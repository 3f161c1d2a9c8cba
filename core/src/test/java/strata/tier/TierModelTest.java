package strata.tier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TierModelTest {
  private static TierModel parse(String yaml) {
    return TierModel.parse(yaml, "m.yaml");
  }

  @Test
  void defaultModelLoadsWithItsFourTiersInOrder() {
    TierModel m = TierModel.defaultModel();
    assertThat(m.tiers()).extracting(TierRule::id).containsExactly("high_value", "at_risk", "potential", "low_value");
    assertThat(m.tiers().get(0).nameZh()).isEqualTo("高价值客户");
    assertThat(m.tiers().get(0).reads()).containsExactly(Metric.ABC_CLASS, Metric.LIFECYCLE_STAGE);
  }

  @Test
  void theLastTierMustBeACatchAll() {
    assertThatThrownBy(() -> parse("tiers:\n  - id: a\n    when: r_score > 3\n"))
        .isInstanceOf(TierModelException.class)
        .hasMessageContaining("the last tier ('a') must be a catch-all");
  }

  @Test
  void aCatchAllBeforeTheEndIsRefused() {
    assertThatThrownBy(() -> parse("tiers:\n  - id: a\n    when: true\n  - id: b\n    when: true\n"))
        .hasMessageContaining("tier 'a' matches everyone");
  }

  @Test
  void anUnknownMetricIsReportedAtTheTierWithTheText() {
    assertThatThrownBy(() -> parse("tiers:\n  - id: vip\n    when: spend > 10\n  - id: rest\n"))
        .hasMessageStartingWith("m.yaml: tier 'vip': condition \"spend > 10\" is not valid")
        .hasMessageContaining("`spend` is not a known metric")
        .hasMessageContaining("known metrics: has_purchase");
  }

  @Test
  void errorsCarryTheOffendingTiersPlaceForEditors() {
    String yaml = "tiers:\n  - id: a\n    when: r_score > 3\n  - id: b\n    when: abc_clas == 'A'\n  - id: c\n";
    assertThatThrownBy(() -> parse(yaml)).isInstanceOfSatisfying(TierModelException.class, e -> {
      assertThat(e.tierIndex()).isEqualTo(1);
      assertThat(e.tierId()).isEqualTo("b");
    });
    assertThatThrownBy(() -> parse("tiers:\n  - id: A B\n")).isInstanceOfSatisfying(TierModelException.class,
        e -> assertThat(e.tierIndex()).isZero());
    assertThatThrownBy(() -> parse("tiers: [\n")).isInstanceOfSatisfying(TierModelException.class,
        e -> assertThat(e.tierIndex()).isEqualTo(-1));
  }

  @Test
  void syntaxErrorsAndNonBooleanConditionsAreRefused() {
    assertThatThrownBy(() -> parse("tiers:\n  - id: a\n    when: r_score >=\n  - id: b\n"))
        .hasMessageContaining("tier 'a': condition \"r_score >=\" is not valid");
    assertThatThrownBy(() -> parse("tiers:\n  - id: a\n    when: r_score + 1\n  - id: b\n"))
        .hasMessageContaining("gives a whole number, not true/false");
    assertThatThrownBy(() -> parse("tiers:\n  - id: a\n    when: abc_class > 3\n  - id: b\n"))
        .hasMessageContaining("tier 'a'");
  }

  @Test
  void aRegularExpressionThatCannotCompileIsRefusedAtLoadNamingTheTier() {
    // Left to the run, '[' failed for every customer and the tier silently matched no one.
    assertThatThrownBy(() -> parse("tiers:\n  - id: a\n    when: industry.matches('[')\n  - id: b\n    when: true\n"))
        .isInstanceOf(TierModelException.class)
        .hasMessageContaining("tier 'a': condition \"industry.matches('[')\" is not valid: the pattern `[` cannot "
            + "compile")
        .satisfies(e -> assertThat(((TierModelException) e).tierId()).isEqualTo("a"));
    // RE2 refuses what java.util.regex takes, such as look-ahead: checked with the engine that runs it.
    assertThatThrownBy(() -> parse("tiers:\n  - id: a\n    when: matches(region, '(?=x)')\n  - id: b\n    when: true\n"))
        .hasMessageContaining("cannot compile");
    assertThat(parse("tiers:\n  - id: a\n    when: region.matches('^华(东|南)$')\n  - id: b\n    when: true\n")
        .tiers()).hasSize(2);
  }

  @Test
  void structuralMistakesNameTheirPlace() {
    assertThatThrownBy(() -> parse("tiers: []\n")).hasMessageContaining("'tiers' must be a non-empty list");
    assertThatThrownBy(() -> parse("tier:\n  - id: a\n")).hasMessageContaining("tier: unknown key (expected name, version, scoring, tiers)");
    assertThatThrownBy(() -> parse("tiers:\n  - id: A B\n")).hasMessageContaining("needs an id");
    assertThatThrownBy(() -> parse("tiers:\n  - id: a\n    when: r_score > 1\n  - id: a\n"))
        .hasMessageContaining("tier 'a' is defined twice");
    assertThatThrownBy(() -> parse("tiers:\n  - id: a\n    whne: true\n")).hasMessageContaining("tier 'a': whne: unknown key");
    assertThatThrownBy(() -> parse("tiers: [\n")).hasMessageContaining("not valid YAML");
  }

  @Test
  void hostileYamlIsRefusedNotExecuted() {
    assertThatThrownBy(() -> parse("tiers:\n  - !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[]]]\n"))
        .isInstanceOf(TierModelException.class).hasMessageContaining("not valid YAML");
    String laughs = "a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
        + "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n";
    assertThatThrownBy(() -> parse(laughs)).isInstanceOf(TierModelException.class);
  }

  @Test
  void namesMayBeBilingualOrPlain() {
    TierModel m = parse("name: x\ntiers:\n  - id: a\n    name: {zh: 甲, en: A}\n    when: f_score >= 4\n"
        + "  - id: b\n    name: Rest\n");
    assertThat(m.tiers().get(0).name(true)).isEqualTo("甲");
    assertThat(m.tiers().get(0).name(false)).isEqualTo("A");
    assertThat(m.tiers().get(1).name(true)).isEqualTo("Rest");
  }
}
