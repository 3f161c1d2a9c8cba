package strata.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import strata.plan.Contact;
import strata.playbook.Channel;
import strata.playbook.ContactCaps;
import strata.playbook.OwnerPolicy;
import strata.playbook.ServicePlan;
import strata.playbook.SurveyPlan;

class InvitationPlanTest {
  private static final LocalDate DAY = LocalDate.of(2026, 6, 10); // a Wednesday

  private static ServicePlan plan(SurveyPlan survey, ContactCaps caps) {
    return new ServicePlan(OwnerPolicy.KEEP, null, List.of(), List.of(), caps, null, survey);
  }

  private static List<Invitation> due(ServicePlan plan, SurveyCustomer c, List<Contact> contacts) {
    return InvitationPlan.due(List.of(c), Map.of("key", plan), Map.of(c.id(), contacts), DAY);
  }

  @Test
  void npsIsDueEveryNDaysFromTheLastInvitationOrAnswer() {
    ServicePlan every90 = plan(new SurveyPlan(90, false, Channel.EMAIL), ContactCaps.NONE);
    assertThat(due(every90, new SurveyCustomer("A", "key", null, null, null), List.of())).singleElement()
        .isEqualTo(new Invitation("A", "key", Invitation.Kind.NPS, Channel.EMAIL, null));
    // 2026-03-12 + 90 days = 2026-06-10: due on the day; 2026-03-13 + 90 = 2026-06-11: not yet
    assertThat(due(every90, new SurveyCustomer("A", "key", LocalDate.of(2026, 3, 12), null, null), List.of())).hasSize(1);
    assertThat(due(every90, new SurveyCustomer("A", "key", LocalDate.of(2026, 3, 13), null, null), List.of())).isEmpty();
  }

  @Test
  void csatFollowsARecentlyClosedComplaintOnce() {
    ServicePlan csat = plan(new SurveyPlan(0, true, Channel.SMS), ContactCaps.NONE);
    LocalDate closed = LocalDate.of(2026, 6, 8);
    assertThat(due(csat, new SurveyCustomer("A", "key", null, null, closed), List.of())).singleElement()
        .extracting(Invitation::kind).isEqualTo(Invitation.Kind.CSAT);
    assertThat(due(csat, new SurveyCustomer("A", "key", null, closed, closed), List.of())).as("asked since").isEmpty();
    assertThat(due(csat, new SurveyCustomer("A", "key", null, LocalDate.of(2026, 6, 1), closed), List.of())).hasSize(1);
    assertThat(due(csat, new SurveyCustomer("A", "key", null, null, DAY.minusDays(15)), List.of())).as("too old")
        .isEmpty();
    assertThat(due(csat, new SurveyCustomer("A", "key", null, null, null), List.of())).isEmpty();
  }

  @Test
  void aContactCapHoldsTheInvitationBack() {
    // at most one SMS a week; one was sent on Monday of the same week
    ContactCaps caps = new ContactCaps(Map.of(Channel.SMS, new ContactCaps.Limit(1, 0)), ContactCaps.Limit.NONE, null,
        null);
    ServicePlan plan = plan(new SurveyPlan(30, true, Channel.SMS), caps);
    SurveyCustomer c = new SurveyCustomer("A", "key", null, null, DAY.minusDays(1));
    List<Invitation> held = due(plan, c, List.of(new Contact("A", LocalDate.of(2026, 6, 8), Channel.SMS, null)));
    assertThat(held).hasSize(2).allSatisfy(i -> assertThat(i.cappedBy().code()).isEqualTo("sms/week<=1"));
    // the week before does not count; then NPS takes the week's one SMS and CSAT is held back
    List<Invitation> free = due(plan, c, List.of(new Contact("A", LocalDate.of(2026, 6, 5), Channel.SMS, null)));
    assertThat(free.get(0).cappedBy()).isNull();
    assertThat(free.get(1).cappedBy().code()).isEqualTo("sms/week<=1");
  }

  @Test
  void tiersWithoutASurveyPlanInviteNobody() {
    SurveyCustomer c = new SurveyCustomer("A", "key", null, null, DAY);
    assertThat(due(ServicePlan.NONE, c, List.of())).isEmpty();
    assertThat(InvitationPlan.due(List.of(new SurveyCustomer("B", "gone", null, null, null)), Map.of(), Map.of(), DAY))
        .isEmpty();
  }
}
