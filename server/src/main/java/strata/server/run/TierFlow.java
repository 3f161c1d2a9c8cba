package strata.server.run;

/**
 * Customers who were in tier {@code from} in one snapshot and are in {@code to} in another (null: not in that
 * snapshot); shared by migrations and the model editor's dry run.
 */
public record TierFlow(String from, String to, long count) {}
