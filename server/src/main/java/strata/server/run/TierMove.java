package strata.server.run;

/**
 * Customers of one owner whom overrides moved from their model tier to another effective tier in a snapshot, with the
 * dashboard's measures of them: the stored aggregates count them under their model tier.
 *
 * @param owner null for customers without a profile
 * @param buyers customers with a purchase
 * @param repeaters customers with two purchases or more
 * @param lowAliveCents revenue of customers likely gone (p_alive at most 0.5)
 */
public record TierMove(String modelTier, String tier, String owner, long customers, long buyers, long repeaters,
    long revenueCents, long lowAliveCents) {}
