package strata.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import strata.experiment.Experiments;
import strata.experiment.HoldoutHash;
import strata.tier.TierModel;

/** The demo's experiment: a model that declares it, and data in which the win-back really works. */
class DemoExperimentTest {
  @TempDir Path dir;

  @Test
  void theDemoModelHoldsOutPartOfTheAtRiskTierAndIsOtherwiseTheDefault() throws Exception {
    String yaml;
    try (var in = TierModel.class.getResourceAsStream("/strata/tier/default-model.yaml")) {
      yaml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    TierModel model = TierModel.parse(DemoExperiment.modelYaml(yaml), "demo");
    assertThat(Experiments.in(model)).singleElement().satisfies(e -> {
      assertThat(e.id()).isEqualTo("winback_demo");
      assertThat(e.share()).isEqualTo(0.2);
      assertThat(e.tiers()).containsExactly("at_risk");
    });
    assertThat(model.tiers()).extracting(t -> t.id() + ":" + t.condition())
        .isEqualTo(TierModel.defaultModel().tiers().stream().map(t -> t.id() + ":" + t.condition()).toList());
  }

  /**
   * Read back from orders.csv, independently of the generator: among customers lapsed at the start (the last order 90
   * to 365 days before it), those surely not held out (hash ≥ 0.25) come back within seven weeks far more often than
   * those surely held out (hash < 0.2, below every tier's cutoff of a 20 % share in expectation).
   */
  @Test
  void lapsedCustomersWhoGetTheWinBackComeBackMoreOften() throws Exception {
    DemoOptions options = new DemoOptions(DemoOptions.DEFAULT_SEED, 20_000, DemoOptions.DEFAULT_AS_OF);
    DemoFiles files = DemoDataGenerator.write(dir, options);
    DemoOrders orders = new DemoOrders(DemoCsv.read(files.transactions()));
    LocalDateTime start = DemoExperiment.start(DemoOptions.DEFAULT_AS_OF).atStartOfDay();
    assertThat(start.toLocalDate()).isEqualTo(LocalDate.of(2026, 5, 1));
    Map<String, LocalDateTime> lastBefore = new HashMap<>();
    Map<String, Boolean> cameBack = new HashMap<>();
    for (DemoOrders.Line l : orders.lines) {
      if (l.time().isBefore(start)) lastBefore.merge(l.customerId(), l.time(), (a, b) -> a.isAfter(b) ? a : b);
      else if (l.time().isBefore(start.plusDays(50))) cameBack.put(l.customerId(), true);
    }
    int[] treated = new int[2];
    int[] held = new int[2];
    lastBefore.forEach((id, last) -> {
      if (!last.isBefore(start.minusDays(90)) || last.isBefore(start.minusDays(365))) return;
      double h = HoldoutHash.unit("winback_demo", id);
      int[] group = h >= 0.25 ? treated : h < 0.2 ? held : null;
      if (group == null) return;
      group[0]++;
      if (cameBack.containsKey(id)) group[1]++;
    });
    assertThat(held[0]).isGreaterThan(100);
    double treatedRate = (double) treated[1] / treated[0];
    double heldRate = (double) held[1] / held[0];
    // Planted: 40 % of treated lapsed customers return on top of what anyone would.
    assertThat(treatedRate - heldRate).as("treated %s of %d, held %s of %d", treated[1], treated[0], held[1], held[0])
        .isBetween(0.3, 0.5);
  }
}
