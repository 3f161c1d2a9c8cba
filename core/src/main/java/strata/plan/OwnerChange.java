package strata.plan;

/**
 * A customer whose tier's owner policy gives it another owner than it has: {@code assign} chose a rep of the team,
 * {@code pool} takes it to the pool. The server stores it; the planner's tasks already carry the new owner.
 *
 * @param from the owner it has, "" for the pool
 * @param to the owner the policy chose, "" for the pool
 */
public record OwnerChange(String customerId, String tier, String from, String to) {}
