package strata.playbook;

import java.util.List;

/**
 * How a tier is served: its {@code service:} section in the tier model. Absent parts do nothing: no cadence, no
 * triggers, no care events, no caps, owners kept.
 *
 * @param cadence null for none
 */
public record ServicePlan(OwnerPolicy owner, Cadence cadence, List<TriggerRule> triggers, List<CareEvent> care,
    ContactCaps caps) {
  public static final ServicePlan NONE = new ServicePlan(OwnerPolicy.KEEP, null, List.of(), List.of(), ContactCaps.NONE);

  /** @return the rule for a trigger, or null when the tier does not use it */
  public TriggerRule trigger(Trigger trigger) {
    for (TriggerRule r : triggers) {
      if (r.trigger() == trigger) return r;
    }
    return null;
  }
}
