package strata.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import strata.scoring.ConfigException;
import strata.scoring.YamlSection;

class CompositeConfigTest {

  private static CompositeConfig read(String yaml) {
    return CompositeConfig.fromMap(YamlSection.section(yaml, "scoring.composite"));
  }

  private static void rejects(String yaml, String message) {
    assertThatThrownBy(() -> read(yaml)).isInstanceOf(ConfigException.class).hasMessage(message);
  }

  @Test
  void defaultsMatchTheDocumentedWeights() {
    CompositeConfig d = CompositeConfig.defaults();
    assertThat(d.weight(Component.HISTORICAL)).isEqualTo(40);
    assertThat(d.weight(Component.POTENTIAL)).isEqualTo(40);
    assertThat(d.weight(Component.STRATEGIC)).isEqualTo(20);
    assertThat(d.inputs(Component.POTENTIAL))
        .containsExactly(CompositeInput.higher("clv", 0.6), CompositeInput.lower("recency_days", 0.2),
            CompositeInput.higher("purchase_rate", 0.2));
    assertThat(d.inputNames())
        .containsExactly("monetary", "frequency", "clv", "recency_days", "purchase_rate", "size_score", "nps");
    assertThat(CompositeConfig.fromMap(null)).isEqualTo(d);
  }

  @Test
  void readsShortAndLongInputForms() {
    CompositeConfig config = read("""
        scoring:
          composite:
            weights: {historical: 60, potential: 40, strategic: 0}
            potential:
              recency_days: {weight: 2, lower_is_better: true}
              visits: 1
        """);
    assertThat(config.weight(Component.HISTORICAL)).isEqualTo(60);
    assertThat(config.weight(Component.STRATEGIC)).isEqualTo(0);
    assertThat(config.inputs(Component.POTENTIAL))
        .containsExactly(CompositeInput.lower("recency_days", 2), CompositeInput.higher("visits", 1));
    // Components not given keep their defaults.
    assertThat(config.inputs(Component.HISTORICAL)).isEqualTo(CompositeConfig.defaults().inputs(Component.HISTORICAL));
  }

  @Test
  void anEmptyComponentIsAllowedAndAlwaysMissing() {
    assertThat(read("scoring:\n  composite:\n    strategic: {}\n").inputs(Component.STRATEGIC)).isEmpty();
  }

  @Test
  void rejectsBadSettingsNamingTheirPath() {
    rejects("scoring:\n  composite:\n    loyalty: {points: 1}\n",
        "scoring.composite.loyalty is not a known setting (known: historical, potential, strategic, weights)");
    rejects("scoring:\n  composite:\n    weights: {historical: 50, potential: 50}\n",
        "scoring.composite.weights.strategic is missing; give all of historical, potential, strategic (0 to leave one out)");
    rejects("scoring:\n  composite:\n    weights: {historical: -1, potential: 50, strategic: 1}\n",
        "scoring.composite.weights.historical must be between 0 and 1000000, got -1");
    rejects("scoring:\n  composite:\n    weights: {historical: 0, potential: 0, strategic: 0}\n",
        "scoring.composite.weights must not all be 0");
    rejects("scoring:\n  composite:\n    historical: {monetary: 0}\n",
        "scoring.composite.historical.monetary must be greater than 0 (remove the input to leave it out)");
    rejects("scoring:\n  composite:\n    potential: {recency_days: {weight: 1, lower_is_better: 'yes'}}\n",
        "scoring.composite.potential.recency_days.lower_is_better must be true or false, got yes");
    rejects("scoring:\n  composite:\n    potential: {recency_days: {lower_is_better: true}}\n",
        "scoring.composite.potential.recency_days.weight is missing");
    rejects("scoring:\n  composite:\n    potential: {recency_days: {weight: 1, direction: lower}}\n",
        "scoring.composite.potential.recency_days.direction is not a known setting (known: lower_is_better, weight)");
    rejects("scoring:\n  composite:\n    historical: [monetary, frequency]\n",
        "scoring.composite.historical must be a map of settings, got [monetary, frequency]");
  }
}
