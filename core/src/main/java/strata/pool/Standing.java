package strata.pool;

import java.time.LocalDate;

/**
 * Where an owned customer stands under its tier's pool rule on a day.
 *
 * @param returnDay the day the customer goes back to the pool if nothing changes; null when no rule applies
 * @param rule what brings it back: {@code no_contact} or {@code no_purchase} (the earlier of the two), "" for none
 * @param since the day that rule counts from (the last contact or purchase, else {@code created})
 */
public record Standing(String customerId, String owner, String tier, Status status, LocalDate returnDay, String rule,
    LocalDate since) {
  public enum Status {
    /** no rule, or the return day is beyond the warning window */
    KEEP,
    /** the return day is within the warning days: tell the owner */
    WARN,
    /** the return day has come: back to the pool */
    RETURN;

    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
