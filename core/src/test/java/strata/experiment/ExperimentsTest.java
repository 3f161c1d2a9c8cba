package strata.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import strata.tier.TierModel;

class ExperimentsTest {
  static TierModel model(String keyService, String restService) {
    return TierModel.parse("""
        tiers:
          - id: key
            when: monetary > 1000.0
            service: %s
          - id: at_risk
            when: recency_days > 90
            service: {triggers: {moved_down: {channels: [phone], holdout: {experiment: win_back, share: 0.2}}}}
          - id: rest
            service: %s
        """.formatted(keyService, restService), "m.yaml");
  }

  static final TierModel V1 = model("{holdout: {experiment: care, share: 0.1}}", "{holdout: {experiment: care, share: 0.1}}");

  @Test
  void listsEachExperimentWithItsTiersAndWhereItIsDeclared() {
    assertThat(Experiments.in(V1)).containsExactly(
        new Experiments.Experiment("care", 0.1, List.of("key", "rest"), List.of("key/holdout", "rest/holdout"), null),
        new Experiments.Experiment("win_back", 0.2, List.of("at_risk"), List.of("at_risk/triggers.moved_down.holdout"),
            null));
  }

  @Test
  void anExperimentCarriesItsOwnDurationAndAChangedDurationEndsNothing() {
    TierModel days120 = model("{holdout: {experiment: care, share: 0.1, days: 120}}",
        "{holdout: {experiment: care, share: 0.1, days: 120}}");
    assertThat(Experiments.in(days120).get(0).days()).isEqualTo(120);
    // The planned end was fixed when the experiment started: stretching it after a peek must not restart it either.
    assertThat(Experiments.endedBy(V1, days120)).isEmpty();
  }

  @Test
  void aNewVersionEndsExperimentsWhoseTierOrHoldoutIsGoneOrWhoseShareChanged() {
    TierModel withoutAtRisk = TierModel.parse("""
        tiers:
          - id: key
            when: monetary > 1000.0
            service: {holdout: {experiment: care, share: 0.1}}
          - id: rest
            service: {holdout: {experiment: care, share: 0.1}}
        """, "m.yaml");
    assertThat(Experiments.endedBy(V1, withoutAtRisk)).containsExactly(new Experiments.Ending("win_back", "tier_removed", "at_risk"));
    assertThat(Experiments.endedBy(V1, model("{}", "{}"))).containsExactly(
        new Experiments.Ending("care", "holdout_removed", ""));
    assertThat(Experiments.endedBy(V1, model("{holdout: {experiment: care, share: 0.2}}", "{holdout: {experiment: care, share: 0.2}}")))
        .containsExactly(new Experiments.Ending("care", "share_changed", "0.1>0.2"));
    assertThat(Experiments.endedBy(V1, V1)).isEmpty();
  }

  @Test
  void endingsRenderInEnglishAndChinese() {
    Experiments.Ending e = new Experiments.Ending("win_back", "tier_removed", "at_risk");
    assertThat(ExperimentText.ending(e, java.util.Locale.ENGLISH)).isEqualTo("Ended: the new model version removed tier at_risk.");
    assertThat(ExperimentText.ending(e, java.util.Locale.SIMPLIFIED_CHINESE)).isEqualTo("已结束：新版本模型删除了分级 at_risk。");
  }
}
