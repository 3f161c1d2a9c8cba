package strata.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;
import java.time.MonthDay;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import strata.tier.TierModel;
import strata.tier.TierModelException;

class PlaybookParsingTest {
  private static TierModel model(String service) {
    return TierModel.parse("""
        tiers:
          - id: key_account
            when: monetary > 1000.0
            service:
        %s
          - id: rest
        """.formatted(service.indent(6).stripTrailing()), "m.yaml");
  }

  private static void rejects(String service, String message) {
    assertThatThrownBy(() -> model(service)).isInstanceOf(TierModelException.class).hasMessage(message)
        .extracting(e -> ((TierModelException) e).tierId()).isEqualTo("key_account");
  }

  @Test
  void readsEveryKey() {
    ServicePlan plan = model("""
        owner: {policy: assign, team: [王磊, 李娜], cap: 200, return_to_pool: {no_contact_days: 30, warn_days: 5}}
        cadence: {every_days: 30, channels: [visit, phone], purpose: {zh: 月度拜访, en: Monthly visit}}
        triggers:
          moved_down: {within_days: 7, channels: [phone]}
          nps_detractor: {within_hours: 48, channels: [phone]}
          dormant: {after_days: 60, channels: [sms]}
          large_first_order: {min_amount: 5000, channels: [phone], type: welcome}
        care:
          - {event: mid_autumn, lead_days: 10, type: gift, channels: [visit]}
          - {event: fixed, id: company_day, date: "05-20", channels: [email]}
        caps: {all: {week: 2, month: 4}, phone: {week: 1}, quiet_hours: "21:00-08:00"}
        """).tiers().get(0).service();
    assertThat(plan.owner()).isEqualTo(new OwnerPolicy(OwnerPolicy.Mode.ASSIGN, List.of("王磊", "李娜"), 200,
        new OwnerPolicy.PoolReturn(30, 0, 5)));
    assertThat(plan.cadence()).isEqualTo(new Cadence(30, List.of(Channel.VISIT, Channel.PHONE),
        new Purpose("月度拜访", "Monthly visit")));
    // 48 hours are two days; an NPS detractor scores 6 or less unless the model says otherwise.
    assertThat(plan.trigger(Trigger.NPS_DETRACTOR).withinDays()).isEqualTo(2);
    assertThat(plan.trigger(Trigger.NPS_DETRACTOR).threshold()).isEqualTo(6.0);
    assertThat(plan.trigger(Trigger.DORMANT).threshold()).isEqualTo(60.0);
    assertThat(plan.trigger(Trigger.DORMANT).withinDays()).isEqualTo(7);
    assertThat(plan.trigger(Trigger.LARGE_FIRST_ORDER).type()).isEqualTo(TaskType.WELCOME);
    assertThat(plan.trigger(Trigger.MOVED_DOWN).type()).isEqualTo(TaskType.WIN_BACK);
    assertThat(plan.care()).extracting(CareEvent::id).containsExactly("mid_autumn", "company_day");
    assertThat(plan.care().get(1).fixedDate()).isEqualTo(MonthDay.of(5, 20));
    assertThat(plan.caps().limit(Channel.PHONE)).isEqualTo(new ContactCaps.Limit(1, 0));
    assertThat(plan.caps().all()).isEqualTo(new ContactCaps.Limit(2, 4));
    assertThat(plan.caps().quietFrom()).isEqualTo(LocalTime.of(21, 0));
  }

  @Test
  void tiersWithoutServiceKeepWorking() {
    TierModel m = TierModel.parse("tiers:\n  - id: all\n    when: true\n", "m.yaml");
    assertThat(m.tiers().get(0).service()).isEqualTo(ServicePlan.NONE);
  }

  @Test
  void theDefaultModelShipsAPlaybookForEachTier() {
    TierModel m = TierModel.defaultModel();
    assertThat(m.tiers()).allSatisfy(t -> assertThat(t.service()).isNotEqualTo(ServicePlan.NONE));
    ServicePlan atRisk = m.tiers().get(1).service();
    assertThat(atRisk.trigger(Trigger.MOVED_DOWN).withinDays()).isEqualTo(7);
    assertThat(m.tiers().get(3).service().owner().mode()).isEqualTo(OwnerPolicy.Mode.POOL);
  }

  @Test
  void errorsNameTheTierAndTheKey() {
    rejects("colour: red", "m.yaml: tier 'key_account': service.colour: unknown key "
        + "(expected owner, cadence, triggers, care, caps, holdout, survey, escalation, resources)");
    rejects("cadence: {every_days: -5, channels: [phone]}",
        "m.yaml: tier 'key_account': service.cadence.every_days: must not be negative, got -5");
    rejects("cadence: {every_days: 0, channels: [phone]}",
        "m.yaml: tier 'key_account': service.cadence.every_days: must be at least 1, got 0");
    rejects("cadence: {every_days: 30, channels: [phone, fax]}", "m.yaml: tier 'key_account': "
        + "service.cadence.channels: unknown channel 'fax' (expected visit, phone, wechat, sms, email)");
    rejects("triggers: {birthday: {channels: [sms]}}", "m.yaml: tier 'key_account': service.triggers.birthday: "
        + "unknown trigger (expected enter, moved_down, dormant, complaint, nps_detractor, large_first_order)");
    rejects("triggers: {dormant: {channels: [sms]}}",
        "m.yaml: tier 'key_account': service.triggers.dormant.after_days: must be at least 1 (days without a purchase)");
    rejects("triggers: {nps_detractor: {max_score: 11, channels: [sms]}}",
        "m.yaml: tier 'key_account': service.triggers.nps_detractor.max_score: an NPS answer is 0 to 10, got 11.0");
    rejects("owner: {policy: assign}",
        "m.yaml: tier 'key_account': service.owner.team: policy assign needs a team, e.g. team: [王磊, 李娜]");
    rejects("owner: {policy: share}",
        "m.yaml: tier 'key_account': service.owner.policy: unknown policy 'share' (expected keep, assign, pool)");
    rejects("care: [{event: qingming, channels: [sms]}]", "m.yaml: tier 'key_account': service.care[0].event: "
        + "unknown event 'qingming' (expected birthday, anniversary, spring_festival, dragon_boat, mid_autumn, fixed)");
    rejects("care: [{event: fixed, id: may_day, date: \"13-01\", channels: [sms]}]", "m.yaml: tier 'key_account': "
        + "service.care[0].date: expected a month and day as \"MM-DD\", e.g. \"05-20\", got '13-01'");
    rejects("caps: {fax: {week: 1}}", "m.yaml: tier 'key_account': service.caps.fax: unknown key "
        + "(expected all, quiet_hours or a channel: visit, phone, wechat, sms, email)");
    rejects("caps: {all: {week: 3, month: 2}}",
        "m.yaml: tier 'key_account': service.caps.all: month (2) is below week (3)");
    rejects("caps: {quiet_hours: \"late\"}", "m.yaml: tier 'key_account': service.caps.quiet_hours: "
        + "expected \"HH:mm-HH:mm\", e.g. \"21:00-08:00\", got 'late'");
    rejects("cadence: {every_days: 30}",
        "m.yaml: tier 'key_account': service.cadence.channels: missing; list channels among visit, phone, wechat, sms, email");
    rejects("owner: {return_to_pool: {warn_days: 3}}",
        "m.yaml: tier 'key_account': service.owner.return_to_pool: give no_contact_days or no_purchase_days");
    rejects("owner: {policy: pool, return_to_pool: {no_contact_days: 30}}", "m.yaml: tier 'key_account': "
        + "service.owner.return_to_pool: policy pool leaves customers without an owner; nothing can return to the pool");
    // The warning must come before the return: 30 and 20 days, so the return is 20 days after at the earliest.
    rejects("owner: {return_to_pool: {no_contact_days: 30, no_purchase_days: 20, warn_days: 20}}",
        "m.yaml: tier 'key_account': service.owner.return_to_pool.warn_days: must be below the days before the "
            + "return (20), got 20");
    rejects("owner: {cap: -1}", "m.yaml: tier 'key_account': service.owner.cap: must not be negative, got -1");
    rejects("owner: {cap: many}", "m.yaml: tier 'key_account': service.owner.cap: must be a whole number, got 'many'");
  }

  @Test
  void anErrorKeepsItsKeyForEditors() {
    assertThatThrownBy(() -> model("cadence: {every_days: 30, channels: [fax]}")).isInstanceOf(TierModelException.class)
        .satisfies(e -> {
          TierModelException m = (TierModelException) e;
          assertThat(m.tierIndex()).isZero();
          assertThat(m.error().code()).isEqualTo("unknown_channel");
          assertThat(m.error().args()).containsEntry("key", "service.cadence.channels").containsEntry("value", "fax");
        });
  }

  @Test
  void readsHoldoutsOfThePlaybookAndOfATrigger() {
    ServicePlan plan = model("""
        holdout: {experiment: care_2027, share: 0.1, days: 120}
        triggers:
          moved_down: {within_days: 7, channels: [phone], holdout: {experiment: winback_2027, share: 0.2}}
        """).tiers().get(0).service();
    assertThat(plan.holdout()).isEqualTo(new Holdout("care_2027", 0.1, 120));
    assertThat(plan.trigger(Trigger.MOVED_DOWN).holdout()).isEqualTo(new Holdout("winback_2027", 0.2, null));
    assertThat(plan.holdouts()).containsOnlyKeys("holdout", "triggers.moved_down.holdout");
  }

  @Test
  void badHoldoutsNameTheTierAndTheKey() {
    String at = "m.yaml: tier 'key_account': service.";
    rejects("holdout: 0.1", at + "holdout: must be a mapping of keys to values");
    rejects("holdout: {share: 0.1}", at + "holdout.experiment: missing");
    rejects("holdout: {experiment: Care-2027, share: 0.1}",
        at + "holdout.experiment: an experiment id is lower-case letters, digits and _ (at most 40), got 'Care-2027'");
    rejects("holdout: {experiment: e1}", at + "holdout.share: missing; give the held-out share, e.g. 0.1");
    rejects("holdout: {experiment: e1, share: ten}", at + "holdout.share: must be a number, got 'ten'");
    rejects("holdout: {experiment: e1, share: 0}", at + "holdout.share: must be above 0 and at most 0.5, got 0");
    rejects("holdout: {experiment: e1, share: 0.9}", at + "holdout.share: must be above 0 and at most 0.5, got 0.9");
    rejects("holdout: {experiment: e1, share: .nan}", at + "holdout.share: must be above 0 and at most 0.5, got NaN");
    rejects("holdout: {experiment: e1, share: .inf}", at + "holdout.share: must be above 0 and at most 0.5, got Infinity");
    rejects("holdout: {experiment: e1, share: 1e308}", at + "holdout.share: must be above 0 and at most 0.5, got 1.0E308");
    rejects("holdout: {experiment: e1, share: 0.1, days: 0}", at + "holdout.days: a duration of 1 to 3650 days, got 0");
    rejects("holdout: {experiment: e1, share: 0.1, days: 3651}",
        at + "holdout.days: a duration of 1 to 3650 days, got 3651");
    rejects("holdout: {experiment: e1, share: 0.1, days: 90.5}", at + "holdout.days: must be a whole number, got '90.5'");
    rejects("holdout: {experiment: 2027, share: 0.1}",
        at + "holdout.experiment: an experiment id is lower-case letters, digits and _ (at most 40), got '2027'");
    rejects("holdout: {experiment: " + "a".repeat(41) + ", share: 0.1}", at + "holdout.experiment: an experiment id is "
        + "lower-case letters, digits and _ (at most 40), got '" + "a".repeat(41) + "'");
    rejects("holdout: {experiment: \"e1'; DROP TABLE x\", share: 0.1}", at + "holdout.experiment: an experiment id is "
        + "lower-case letters, digits and _ (at most 40), got 'e1'; DROP TABLE x'");
    rejects("holdout: {experiment: e1, share: 0.1, until: 2027-12-31}",
        at + "holdout.until: unknown key (expected experiment, share, days)");
    rejects("triggers: {dormant: {after_days: 60, channels: [sms], holdout: {experiment: e1, share: -1}}}",
        at + "triggers.dormant.holdout.share: must be above 0 and at most 0.5, got -1");
    rejects("""
        holdout: {experiment: e1, share: 0.1}
        triggers: {complaint: {channels: [phone], holdout: {experiment: e1, share: 0.1}}}""",
        at + "triggers.complaint.holdout.experiment: 'e1' is used twice in this tier");
  }

  @Test
  void oneExperimentAcrossTiersHasOneShare() {
    assertThatThrownBy(() -> TierModel.parse("""
        tiers:
          - id: a
            when: monetary > 1000.0
            service: {holdout: {experiment: e1, share: 0.1}}
          - id: b
            service: {holdout: {experiment: e1, share: 0.2}}
        """, "m.yaml")).isInstanceOf(TierModelException.class).hasMessage("m.yaml: tier 'b': service.holdout.experiment: "
        + "'e1' has share 0.2 here and 0.1 in another tier; one experiment has one share")
        .extracting(e -> ((TierModelException) e).tierId()).isEqualTo("b");
  }

  @Test
  void readsEscalation() {
    assertThat(model("""
        owner: {policy: assign, team: [王磊, 李娜]}
        escalation: {manager_after_days: 2, after_days: 5, then: reassign}
        """).tiers().get(0).service().escalation()).isEqualTo(new Escalation(2, 5, Escalation.Action.REASSIGN));
    assertThat(model("escalation: {manager_after_days: 4}").tiers().get(0).service().escalation())
        .isEqualTo(new Escalation(4, 0, null));
    assertThat(model("cadence: {every_days: 30, channels: [phone]}").tiers().get(0).service().escalation())
        .isEqualTo(Escalation.NONE);
  }

  @Test
  void escalationErrorsNameTheKey() {
    rejects("escalation: {}", "m.yaml: tier 'key_account': service.escalation: give manager_after_days (e.g. 3) "
        + "or after_days (e.g. 7)");
    rejects("escalation: {manager_after_days: 5, after_days: 5, then: pool}", "m.yaml: tier 'key_account': "
        + "service.escalation.after_days: must be above manager_after_days (5), got 5");
    rejects("escalation: {after_days: 7}", "m.yaml: tier 'key_account': service.escalation.then: missing; "
        + "reassign or pool");
    rejects("escalation: {after_days: 7, then: fire}", "m.yaml: tier 'key_account': service.escalation.then: "
        + "unknown action 'fire' (expected reassign, pool)");
    rejects("escalation: {after_days: 7, then: reassign}", "m.yaml: tier 'key_account': service.escalation.then: "
        + "reassign needs owner.policy assign with a team to reassign to");
    rejects("{owner: {policy: pool}, escalation: {after_days: 7, then: pool}}", "m.yaml: tier 'key_account': "
        + "service.escalation.then: policy pool leaves customers without an owner; nothing can return to the pool");
    rejects("escalation: {manager_after_days: 3, then: pool}", "m.yaml: tier 'key_account': "
        + "service.escalation.then: needs after_days");
    rejects("escalation: {after_days: -1, then: pool}", "m.yaml: tier 'key_account': "
        + "service.escalation.after_days: must not be negative, got -1");
  }

  @Test
  void readsResources() {
    assertThat(model("resources: {gift_value: 800, discount_ceiling: 0.15, rep_hours_share: 0.4}").tiers().get(0)
        .service().resources()).isEqualTo(new Resources(800.0, 0.15, 0.4, Map.of()));
    assertThat(model("resources: {discount_ceiling: 0}").tiers().get(0).service().resources())
        .isEqualTo(new Resources(null, 0.0, null, Map.of()));
    Resources minutes = model("resources: {touch_minutes: {visit: 240, email: 1}}").tiers().get(0).service().resources();
    assertThat(minutes.touchMinutes()).isEqualTo(Map.of(Channel.VISIT, 240, Channel.EMAIL, 1));
    // Channels the tier leaves out take the defaults: a call 15 minutes, an SMS 2.
    assertThat(List.of(minutes.minutes(Channel.VISIT), minutes.minutes(Channel.EMAIL), minutes.minutes(Channel.PHONE),
        minutes.minutes(Channel.SMS))).containsExactly(240, 1, 15, 2);
    assertThat(model("cadence: {every_days: 30, channels: [phone]}").tiers().get(0).service().resources())
        .isEqualTo(Resources.NONE);
    // Default model: 0.5 + 0.25 + 0.2 + 0.05 of the reps' hours, all of them.
    assertThat(TierModel.defaultModel().tiers()).extracting(t -> t.service().resources().repHoursShare())
        .containsExactly(0.5, 0.25, 0.2, 0.05);
  }

  @Test
  void badResourcesNameTheTierAndTheKey() {
    String at = "m.yaml: tier 'key_account': service.";
    rejects("resources: 800", at + "resources: must be a mapping of keys to values");
    rejects("resources: {gift: 800}", at + "resources.gift: unknown key "
        + "(expected gift_value, discount_ceiling, rep_hours_share, touch_minutes)");
    rejects("resources: {touch_minutes: 30}", at + "resources.touch_minutes: must be a mapping of keys to values");
    rejects("resources: {touch_minutes: {fax: 10}}", at + "resources.touch_minutes.fax: unknown key "
        + "(expected visit, phone, wechat, sms, email)");
    rejects("resources: {touch_minutes: {visit: 0}}", at + "resources.touch_minutes.visit: minutes of 1 to 1440, got 0");
    rejects("resources: {touch_minutes: {visit: 1441}}",
        at + "resources.touch_minutes.visit: minutes of 1 to 1440, got 1441");
    rejects("resources: {touch_minutes: {phone: 1.5}}",
        at + "resources.touch_minutes.phone: must be a whole number, got '1.5'");
    rejects("resources: {touch_minutes: {phone: -3}}", at + "resources.touch_minutes.phone: must not be negative, got -3");
    rejects("resources: {gift_value: -5}", at + "resources.gift_value: must not be negative, got -5");
    rejects("resources: {gift_value: lots}", at + "resources.gift_value: must be a number, got 'lots'");
    rejects("resources: {discount_ceiling: 15}",
        at + "resources.discount_ceiling: must be a share from 0 to 1 (e.g. 0.15 for 15 %), got 15");
    rejects("resources: {discount_ceiling: 15%}", at + "resources.discount_ceiling: must be a number, got '15%'");
    rejects("resources: {rep_hours_share: -0.1}",
        at + "resources.rep_hours_share: must be a share from 0 to 1 (e.g. 0.15 for 15 %), got -0.1");
    rejects("resources: {rep_hours_share: .nan}",
        at + "resources.rep_hours_share: must be a share from 0 to 1 (e.g. 0.15 for 15 %), got NaN");
  }

  @Test
  void theTiersShareOfRepHoursIsAtMostOne() {
    // 0.7 + 0.2 = 0.9 fits; + 0.2 more is 1.1 at the third tier, which the error names.
    assertThatThrownBy(() -> TierModel.parse("""
        tiers:
          - id: a
            when: monetary > 1000.0
            service: {resources: {rep_hours_share: 0.7}}
          - id: b
            when: monetary > 100.0
            service: {resources: {rep_hours_share: 0.2, gift_value: 10}}
          - id: c
            service: {resources: {rep_hours_share: 0.2}}
        """, "m.yaml")).isInstanceOf(TierModelException.class).hasMessage("m.yaml: tier 'c': "
        + "service.resources.rep_hours_share: the tiers' shares of the reps' hours add up to 1.1 up to this tier; "
        + "together they may be at most 1")
        .extracting(e -> ((TierModelException) e).tierId()).isEqualTo("c");
    // 0.1 + 0.2 + 0.7 is 1.0000000000000002 in floating point, and still all of the hours.
    assertThat(TierModel.parse("""
        tiers:
          - {id: a, when: monetary > 1000.0, service: {resources: {rep_hours_share: 0.1}}}
          - {id: b, when: monetary > 100.0, service: {resources: {rep_hours_share: 0.2}}}
          - {id: c, service: {resources: {rep_hours_share: 0.7}}}
        """, "m.yaml").tiers()).hasSize(3);
  }
}
