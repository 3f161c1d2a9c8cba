package strata.playbook;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a tier is served: its {@code service:} section in the tier model. Absent parts do nothing: no cadence, no
 * triggers, no care events, no caps, owners kept.
 *
 * @param cadence null for none
 * @param holdout the control group of the whole playbook (no touch of it for held-out customers), or null
 * @param survey the tier's survey invitations ({@link SurveyPlan#NONE} for none)
 * @param escalation what overdue tasks lead to ({@link Escalation#NONE} for the server's defaults only)
 * @param resources the tier's budget lines ({@link Resources#NONE} for none)
 */
public record ServicePlan(OwnerPolicy owner, Cadence cadence, List<TriggerRule> triggers, List<CareEvent> care,
    ContactCaps caps, Holdout holdout, SurveyPlan survey, Escalation escalation, Resources resources) {
  public static final ServicePlan NONE =
      new ServicePlan(OwnerPolicy.KEEP, null, List.of(), List.of(), ContactCaps.NONE, null, SurveyPlan.NONE);

  /** A playbook without an escalation section. */
  public ServicePlan(OwnerPolicy owner, Cadence cadence, List<TriggerRule> triggers, List<CareEvent> care,
      ContactCaps caps, Holdout holdout, SurveyPlan survey) {
    this(owner, cadence, triggers, care, caps, holdout, survey, Escalation.NONE, Resources.NONE);
  }

  /** A playbook without a resources section. */
  public ServicePlan(OwnerPolicy owner, Cadence cadence, List<TriggerRule> triggers, List<CareEvent> care,
      ContactCaps caps, Holdout holdout, SurveyPlan survey, Escalation escalation) {
    this(owner, cadence, triggers, care, caps, holdout, survey, escalation, Resources.NONE);
  }

  /** Every {@code holdout:} of this playbook by its key ({@code holdout}, {@code triggers.moved_down.holdout}). */
  public Map<String, Holdout> holdouts() {
    Map<String, Holdout> all = new LinkedHashMap<>();
    if (holdout != null) all.put("holdout", holdout);
    for (TriggerRule r : triggers) {
      if (r.holdout() != null) all.put("triggers." + r.trigger().key() + ".holdout", r.holdout());
    }
    return all;
  }

  /** @return the rule for a trigger, or null when the tier does not use it */
  public TriggerRule trigger(Trigger trigger) {
    // By index: the planner asks several times per customer, and an iterator each time was 4 % of what it allocated.
    for (int i = 0; i < triggers.size(); i++) {
      if (triggers.get(i).trigger() == trigger) return triggers.get(i);
    }
    return null;
  }
}
