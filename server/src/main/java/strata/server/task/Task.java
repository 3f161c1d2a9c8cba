package strata.server.task;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A stored service task as the API shows it.
 *
 * @param key the planner's stable key: customer, trigger and occasion
 * @param channel null for tasks that do not touch the customer (pool warnings and returns)
 * @param reason why the task exists, as the planner's data: tier, trigger, values read and the playbook's purpose
 *     ({@link Reason}); passed on as stored, since reading and writing it again was a sixth of a list's CPU
 * @param reasonText the reason rendered in both languages
 * @param status open, done, skipped, cancelled or suppressed
 * @param suppressedBy why a suppressed or cancelled task is not to be done ({@code code} or {@code code:detail})
 * @param outcome reached, no_answer, rescheduled or lost once done
 * @param note the note given on completion, or the reason given for skipping
 * @param customerName the customer's name, phone and email as the customer file has them ("" when not given;
 *     null when the customer is no longer stored), so lists and call lists need no call per customer
 */
public record Task(long id, String key, String customerId, String owner, String tier, String type, String channel,
    LocalDate dueDate, String trigger, @JsonRawValue @Schema(implementation = Reason.class) String reason,
    Text reasonText, String status, String suppressedBy, String outcome, String note, Instant createdAt,
    String createdBy, Instant updatedAt, String updatedBy, Instant closedAt, String closedBy, String customerName,
    String phone, String email) {

  /** The stored shape of {@link Task#reason}, written by {@link ReasonJson}. */
  public record Reason(String tier, String trigger, String detail, List<Value> values, Text purpose) {}

  public record Value(String name, String value) {}

  public record Text(String zh, String en) {}
}
