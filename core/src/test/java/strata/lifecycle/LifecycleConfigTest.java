package strata.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import strata.scoring.ConfigException;
import strata.scoring.YamlSection;

class LifecycleConfigTest {

  private static LifecycleConfig read(String yaml) {
    return LifecycleConfig.fromMap(YamlSection.section(yaml, "scoring.lifecycle"));
  }

  private static void rejects(String yaml, String message) {
    assertThatThrownBy(() -> read(yaml)).isInstanceOf(ConfigException.class).hasMessage(message);
  }

  @Test
  void defaultsAreRelativeWithDocumentedThresholds() {
    assertThat(LifecycleConfig.defaults())
        .isEqualTo(new LifecycleConfig(LifecycleConfig.Mode.RELATIVE, 90, 90, 365, 2.0, 4.0));
    assertThat(LifecycleConfig.fromMap(null)).isEqualTo(LifecycleConfig.defaults());
  }

  @Test
  void readsEverySetting() {
    LifecycleConfig config = read("""
        scoring:
          lifecycle: {mode: relative, new_days: 30, dormant_days: 60, churned_days: 180, dormant_gaps: 1.5, churned_gaps: 3}
        """);
    assertThat(config).isEqualTo(new LifecycleConfig(LifecycleConfig.Mode.RELATIVE, 30, 60, 180, 1.5, 3.0));
    assertThat(read("scoring:\n  lifecycle: {mode: days, churned_days: 400}\n").mode())
        .isEqualTo(LifecycleConfig.Mode.DAYS);
  }

  @Test
  void rejectsInconsistentOrUnknownSettings() {
    rejects("scoring:\n  lifecycle: {dormant_days: 400}\n",
        "scoring.lifecycle.churned_days (365) must be at least dormant_days (400)");
    rejects("scoring:\n  lifecycle: {churned_gaps: 1}\n",
        "scoring.lifecycle.churned_gaps (1.0) must be at least dormant_gaps (2.0)");
    rejects("scoring:\n  lifecycle: {dormant_gaps: 0}\n",
        "scoring.lifecycle.dormant_gaps must be greater than 0 and at most 1000, got 0.0");
    rejects("scoring:\n  lifecycle: {new_days: -1}\n",
        "scoring.lifecycle.new_days must be between 0 and 36500, got -1");
    rejects("scoring:\n  lifecycle: {mode: days, dormant_gaps: 2}\n",
        "scoring.lifecycle.dormant_gaps applies only to mode: relative");
    rejects("scoring:\n  lifecycle: {mode: weeks}\n",
        "scoring.lifecycle.mode must be one of relative, days, got 'weeks'");
    rejects("scoring:\n  lifecycle: {churn_days: 300}\n",
        "scoring.lifecycle.churn_days is not a known setting (known: churned_days, churned_gaps, dormant_days,"
            + " dormant_gaps, mode, new_days)");
  }
}
