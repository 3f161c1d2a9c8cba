package strata.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import strata.plan.PlannedTask;
import strata.playbook.Channel;
import strata.playbook.ContactCaps;
import strata.playbook.OwnerPolicy;
import strata.playbook.Purpose;
import strata.playbook.ServicePlan;
import strata.playbook.SurveyPlan;
import strata.playbook.TaskType;
import strata.playbook.Trigger;
import strata.playbook.TriggerRule;

class FollowupTest {
  private static final LocalDate DAY = LocalDate.of(2026, 6, 10);

  @Test
  void detractorsAndUnhappyCsatOpenARecoveryTaskForTheOwner() {
    PlannedTask t = Followup.of("C1", "key", "王芳", ServicePlan.NONE, 6, null, DAY).orElseThrow();
    assertThat(t.key()).isEqualTo("C1|nps_detractor|2026-06-10");
    assertThat(t.owner()).isEqualTo("王芳");
    assertThat(t.type()).isEqualTo(TaskType.RECOVERY);
    assertThat(t.channel()).isEqualTo(Channel.PHONE);
    assertThat(t.due()).isEqualTo(LocalDate.of(2026, 6, 12));
    assertThat(t.status()).isEqualTo(PlannedTask.Status.OPEN);
    assertThat(Followup.of("C1", "key", "", ServicePlan.NONE, 9, 2, DAY)).isPresent();
    assertThat(Followup.of("C1", "key", "", ServicePlan.NONE, null, 1, DAY)).isPresent();
  }

  @Test
  void passivesPromotersAndContentCustomersOpenNothing() {
    assertThat(Followup.of("C1", "key", "", ServicePlan.NONE, 7, null, DAY)).isEmpty();
    assertThat(Followup.of("C1", "key", "", ServicePlan.NONE, 10, 3, DAY)).isEmpty();
    assertThat(Followup.of("C1", "key", "", ServicePlan.NONE, null, 3, DAY)).isEmpty();
  }

  @Test
  void theTiersDetractorTriggerDecidesThresholdChannelAndDueDays() {
    TriggerRule rule = new TriggerRule(Trigger.NPS_DETRACTOR, 1, 4, List.of(Channel.VISIT, Channel.PHONE),
        TaskType.RECOVERY, new Purpose("上门致歉", "visit and apologise"), null);
    ServicePlan plan = new ServicePlan(OwnerPolicy.KEEP, null, List.of(rule), List.of(), ContactCaps.NONE, null,
        SurveyPlan.NONE);
    assertThat(Followup.of("C1", "key", "", plan, 5, null, DAY)).as("above max_score 4").isEmpty();
    PlannedTask t = Followup.of("C1", "key", "", plan, 4, null, DAY).orElseThrow();
    assertThat(t.channel()).isEqualTo(Channel.VISIT);
    assertThat(t.due()).isEqualTo(DAY.plusDays(1));
    assertThat(t.why().purpose().en()).isEqualTo("visit and apologise");
  }
}
