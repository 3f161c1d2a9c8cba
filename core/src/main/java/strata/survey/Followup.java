package strata.survey;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import strata.plan.PlannedTask;
import strata.plan.Reason;
import strata.playbook.Channel;
import strata.playbook.Purpose;
import strata.playbook.ServicePlan;
import strata.playbook.TaskType;
import strata.playbook.Trigger;
import strata.playbook.TriggerRule;

/**
 * The service-recovery task an unhappy answer opens for the customer's owner: an NPS of at most the tier's
 * {@code nps_detractor.max_score} (6 without one) or a CSAT of at most {@link #CSAT_MAX_UNHAPPY}. The task has the
 * planner's key for an NPS detractor on that day, so the daily re-plan keeps it instead of planning it twice; with the
 * tier's {@code nps_detractor} trigger its type, channel, due days and purpose are the trigger's.
 */
public final class Followup {
  public static final int NPS_MAX_DETRACTOR = 6;
  public static final int CSAT_MAX_UNHAPPY = 2;
  /** Due days and channel when the tier's playbook has no {@code nps_detractor} trigger: a call within two days. */
  static final int DEFAULT_WITHIN_DAYS = 2;

  private Followup() {}

  /**
   * @param nps 0..10 or null; {@code csat} 1..5 or null
   * @param owner the customer's owner, "" for the pool
   * @return the task to open, or empty for an answer that is not unhappy
   */
  public static Optional<PlannedTask> of(String customerId, String tier, String owner, ServicePlan plan, Integer nps,
      Integer csat, LocalDate day) {
    TriggerRule rule = plan.trigger(Trigger.NPS_DETRACTOR);
    int maxScore = rule == null ? NPS_MAX_DETRACTOR : (int) rule.threshold();
    boolean detractor = nps != null && nps <= maxScore;
    boolean unhappy = csat != null && csat <= CSAT_MAX_UNHAPPY;
    if (!detractor && !unhappy) return Optional.empty();
    List<Reason.Value> values = new ArrayList<>();
    if (nps != null) values.add(new Reason.Value("nps", String.valueOf(nps)));
    if (csat != null) values.add(new Reason.Value("csat", String.valueOf(csat)));
    values.add(new Reason.Value("nps_date", day.toString()));
    values.add(new Reason.Value("source", "survey_page"));
    int within = rule == null ? DEFAULT_WITHIN_DAYS : rule.withinDays();
    Channel channel = rule == null ? Channel.PHONE : rule.channels().get(0);
    TaskType type = rule == null ? TaskType.RECOVERY : rule.type();
    Purpose purpose = rule == null ? Purpose.NONE : rule.purpose();
    Reason why = new Reason(tier, Trigger.NPS_DETRACTOR, "", List.copyOf(values), purpose);
    return Optional.of(new PlannedTask(PlannedTask.key(customerId, Trigger.NPS_DETRACTOR, day.toString()), customerId,
        owner, type, channel, day.plusDays(within), Trigger.NPS_DETRACTOR, why, PlannedTask.Status.OPEN, null, true));
  }
}
