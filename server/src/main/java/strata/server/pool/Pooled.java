package strata.server.pool;

import java.time.Instant;

/**
 * A customer in the pool as reps see it: who it is and why it is there, no figures of its purchases.
 *
 * @param tier the tier in the current snapshot, null when not scored yet
 * @param since when the pool rules returned it (or it was released), null when it never had an owner here
 * @param previousOwner the owner it was returned from, null for none
 * @param rule {@code no_contact} or {@code no_purchase} for returns by the rules, null otherwise
 */
public record Pooled(String id, String name, String industry, String region, String tier, Instant since,
    String previousOwner, String rule) {}
