package strata.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import strata.tier.TierModel;
import strata.tier.TierModelException;

class SurveyPlanParsingTest {
  private static SurveyPlan survey(String section) {
    return TierModel.parse("""
        tiers:
          - id: key_account
            when: true
            service:
              survey: %s
        """.formatted(section), "m.yaml").tiers().get(0).service().survey();
  }

  @Test
  void readsTheSurveySection() {
    assertThat(survey("{nps_every_days: 90, csat_after_complaint: true, channel: wechat}"))
        .isEqualTo(new SurveyPlan(90, true, Channel.WECHAT));
    assertThat(survey("{nps_every_days: 180}")).isEqualTo(new SurveyPlan(180, false, Channel.EMAIL));
    assertThat(TierModel.parse("tiers:\n  - id: all\n    when: true\n", "m.yaml").tiers().get(0).service().survey())
        .isEqualTo(SurveyPlan.NONE);
  }

  @Test
  void badSurveySectionsNameTheKey() {
    rejects("{nps_every_days: -1}", "service.survey.nps_every_days: must not be negative, got -1");
    rejects("{nps_every_days: 0}", "service.survey: invites nobody; give nps_every_days (e.g. 90) or "
        + "csat_after_complaint: true");
    rejects("{csat_after_complaint: yes please}", "service.survey.csat_after_complaint: must be true or false, "
        + "got 'yes please'");
    rejects("{nps_every_days: 90, channel: visit}", "service.survey.channel: a survey link goes out by email, sms or "
        + "wechat, got 'visit'");
    rejects("{nps_every_days: 90, channel: fax}", "service.survey.channel: a survey link goes out by email, sms or "
        + "wechat, got 'fax'");
    rejects("{nps_every_days: 90, every: 3}", "service.survey.every: unknown key (expected nps_every_days, "
        + "csat_after_complaint, channel)");
  }

  private static void rejects(String section, String message) {
    assertThatThrownBy(() -> survey(section)).isInstanceOf(TierModelException.class)
        .hasMessage("m.yaml: tier 'key_account': " + message);
  }
}
