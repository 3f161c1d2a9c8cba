package strata.plan;

import java.util.List;

/**
 * The planner's result: every task (new, kept, suppressed and cancelled) in customer and due-date order, warnings
 * for the user, and the customers whose owner the tiers' owner policies change (in customer id order).
 */
public record Plan(List<PlannedTask> tasks, List<Warning> warnings, List<OwnerChange> ownerChanges) {
  /**
   * Something the user should know: {@code all_suppressed} (caps or missing details stopped every touch planned for
   * a tier; detail = tier, count = touches), {@code team_full} (no rep under the cap; detail = tier, count =
   * customers left unassigned), {@code future_birthday} (birthdays after the as-of date, ignored; count).
   */
  public record Warning(String code, String detail, long count) {}
}
