package strata.pool;

import java.time.LocalDate;

/**
 * An owned customer as the pool rules see it.
 *
 * @param owner "" when the customer is already in the pool
 * @param lastContact the owner's latest logged contact (interaction or completed task), null for none
 * @param lastPurchase null for prospects
 * @param created when the customer was taken on, null when unknown: the clock starts there when nothing was logged
 */
public record PoolCustomer(String id, String tier, String owner, LocalDate lastContact, LocalDate lastPurchase,
    LocalDate created) {}
