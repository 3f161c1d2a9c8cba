package strata.survey;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import strata.caps.CapHit;
import strata.caps.ContactBudget;
import strata.plan.Contact;
import strata.playbook.ServicePlan;
import strata.playbook.SurveyPlan;

/**
 * Who is due a survey invitation on a day, from the tiers' {@code service.survey} plans: an NPS survey every
 * {@code nps_every_days} since the last invitation or answer, a CSAT survey after a complaint's recovery task was
 * closed (within {@link #CSAT_WITHIN_DAYS}) unless one was sent since. An invitation is a touch: a tier's contact caps
 * hold it back (it is then due again the next day), counting the customer's past contacts. A pure function: no clock,
 * no storage.
 */
public final class InvitationPlan {
  /** A complaint closed longer ago than this is not asked about any more. */
  public static final int CSAT_WITHIN_DAYS = 14;

  private InvitationPlan() {}

  /**
   * @param plans each tier's playbook by tier id (tiers without one invite nobody)
   * @param contacts past touches of the customers (the caps count them)
   * @return the day's invitations in customer order, NPS before CSAT; those a cap holds back carry it
   */
  public static List<Invitation> due(List<SurveyCustomer> customers, Map<String, ServicePlan> plans,
      Map<String, List<Contact>> contacts, LocalDate asOf) {
    List<Invitation> out = new ArrayList<>();
    List<SurveyCustomer> sorted = customers.stream().sorted(Comparator.comparing(SurveyCustomer::id)).toList();
    for (SurveyCustomer c : sorted) {
      ServicePlan plan = plans.get(c.tier());
      SurveyPlan survey = plan == null ? SurveyPlan.NONE : plan.survey();
      if (!survey.invites()) continue;
      ContactBudget budget = new ContactBudget(plan.caps());
      for (Contact k : contacts.getOrDefault(c.id(), List.of())) {
        if (k.channel() != null && !k.day().isAfter(asOf)) budget.record(k.channel(), k.day());
      }
      if (npsDue(survey, c, asOf)) out.add(place(c, Invitation.Kind.NPS, survey, budget, asOf));
      if (csatDue(survey, c, asOf)) out.add(place(c, Invitation.Kind.CSAT, survey, budget, asOf));
    }
    return List.copyOf(out);
  }

  private static boolean npsDue(SurveyPlan survey, SurveyCustomer c, LocalDate asOf) {
    return survey.npsEveryDays() > 0
        && (c.lastNps() == null || !c.lastNps().plusDays(survey.npsEveryDays()).isAfter(asOf));
  }

  private static boolean csatDue(SurveyPlan survey, SurveyCustomer c, LocalDate asOf) {
    LocalDate closed = c.complaintClosed();
    if (!survey.csatAfterComplaint() || closed == null || closed.isAfter(asOf)) return false;
    if (closed.plusDays(CSAT_WITHIN_DAYS).isBefore(asOf)) return false;
    return c.lastCsat() == null || c.lastCsat().isBefore(closed);
  }

  private static Invitation place(SurveyCustomer c, Invitation.Kind kind, SurveyPlan survey, ContactBudget budget,
      LocalDate asOf) {
    CapHit cap = budget.check(survey.channel(), asOf).orElse(null);
    if (cap == null) budget.record(survey.channel(), asOf);
    return new Invitation(c.id(), c.tier(), kind, survey.channel(), cap);
  }
}
