package strata.playbook;

import java.util.List;

/**
 * A trigger of a tier: the task it plans, due {@code withinDays} after the event.
 *
 * @param threshold days for {@code dormant} (no purchase for at least this long), the highest detractor score for
 *     {@code nps_detractor} (6 unless set), the least amount for {@code large_first_order}; unused otherwise
 * @param holdout the control group of this trigger alone, or null
 */
public record TriggerRule(Trigger trigger, int withinDays, double threshold, List<Channel> channels, TaskType type,
    Purpose purpose, Holdout holdout) {}
