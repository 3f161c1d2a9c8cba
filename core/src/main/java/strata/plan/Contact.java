package strata.plan;

import java.time.LocalDate;
import strata.playbook.Channel;

/**
 * A past touch of a customer: a logged interaction or a completed task.
 *
 * @param taskKey the {@link PlannedTask#key()} of the completed task, or null for an interaction; a completed task's
 *     trigger is not planned again
 */
public record Contact(String customerId, LocalDate day, Channel channel, String taskKey) {}
