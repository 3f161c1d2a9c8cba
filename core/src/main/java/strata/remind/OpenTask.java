package strata.remind;

import java.time.LocalDate;
import strata.playbook.TaskType;

/**
 * An open task as reminders see it.
 *
 * @param owner the owner name of the customer's rep ("" for the pool: nobody to remind)
 * @param returnDay for a pool warning, the day the customer goes back to the pool; else null
 */
public record OpenTask(String key, String customerId, String owner, TaskType type, LocalDate due,
    LocalDate returnDay) {}
