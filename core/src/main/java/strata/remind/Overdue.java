package strata.remind;

import java.time.LocalDate;

/**
 * An open task past its due day, as escalation sees it.
 *
 * @param id the stored task's id, which an escalation names so it acts on each task once
 * @param owner the customer's owner now ("" for the pool: nothing to escalate)
 * @param tier the tier whose playbook the task came from
 */
public record Overdue(long id, String customerId, String owner, String tier, LocalDate due) {}
