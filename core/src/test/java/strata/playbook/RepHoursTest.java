package strata.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import strata.tier.TierModel;

class RepHoursTest {
  @Test
  void splitsEachRepsHoursByTierAgainstTheTiersShares() {
    List<RepHours.Rep> reps = RepHours.of(ResourceLinesTest.MODEL, List.of(
        new RepHours.Work("b_rep", "small", Channel.EMAIL, 6),
        new RepHours.Work("a_rep", "big", Channel.VISIT, 2),
        new RepHours.Work("a_rep", "big", Channel.PHONE, 4),
        new RepHours.Work("a_rep", "small", Channel.SMS, 15),
        new RepHours.Work("a_rep", "small", null, 3),
        new RepHours.Work("a_rep", "retired", Channel.PHONE, 2)));
    // a_rep: big 2 x 90 + 4 x 15 = 240 min; small 15 x 2 = 30 min (the 3 pool reminders take none); retired (a tier
    // the model no longer has) 2 x 15 = 30 min; 300 min = 5 h in all, shares 0.8, 0, 0.1, 0.1.
    assertThat(reps.get(0)).isEqualTo(new RepHours.Rep("a_rep", 26, 5.0, List.of(
        new RepHours.TierHours("big", 6, 4.0, 0.8, 0.6),
        new RepHours.TierHours("mid", 0, 0.0, 0.0, null),
        new RepHours.TierHours("small", 18, 0.5, 0.1, 0.3),
        new RepHours.TierHours("retired", 2, 0.5, 0.1, null))));
    // b_rep: 6 emails x 5 min = 0.5 h, all small.
    assertThat(reps.get(1)).isEqualTo(new RepHours.Rep("b_rep", 6, 0.5, List.of(
        new RepHours.TierHours("big", 0, 0.0, 0.0, 0.6),
        new RepHours.TierHours("mid", 0, 0.0, 0.0, null),
        new RepHours.TierHours("small", 6, 0.5, 1.0, 0.3))));
  }

  @Test
  void aTiersOwnTouchMinutesReplaceTheDefaultsForThatTierOnly() {
    TierModel model = TierModel.parse("""
        tiers:
          - id: key
            when: monetary >= 1000.0
            service: {resources: {touch_minutes: {visit: 240, phone: 30}}}
          - id: rest
        """, "m.yaml");
    List<RepHours.Rep> reps = RepHours.of(model, List.of(
        new RepHours.Work("r", "key", Channel.VISIT, 1),
        new RepHours.Work("r", "key", Channel.EMAIL, 6),
        new RepHours.Work("r", "rest", Channel.VISIT, 1),
        new RepHours.Work("r", "rest", Channel.PHONE, 2)));
    // key: one visit of 240 min + 6 emails of the default 5 = 270 min = 4.5 h; rest: the defaults, 90 + 2 x 15 = 120
    // min = 2 h; 6.5 h in all.
    assertThat(reps.get(0).hours()).isEqualTo(6.5);
    assertThat(reps.get(0).tiers()).extracting(RepHours.TierHours::hours).containsExactly(4.5, 2.0);
  }

  @Test
  void aRepWithOnlyPoolRemindersHasNoShares() {
    List<RepHours.Rep> reps = RepHours.of(ResourceLinesTest.MODEL, List.of(new RepHours.Work("r", "small", null, 2)));
    assertThat(reps.get(0).hours()).isZero();
    assertThat(reps.get(0).tiers()).extracting(RepHours.TierHours::share).containsOnlyNulls();
  }
}
