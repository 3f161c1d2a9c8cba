package strata.kpi;

import java.util.Objects;

/**
 * One customer in one snapshot. Purchase and complaint figures are cumulative up to the snapshot's as-of day, as the
 * summaries and the stored snapshot rows keep them; the figures of a period are the differences of two snapshots.
 *
 * @param lastPurchaseDay epoch day of the latest purchase, or -1 for a prospect
 * @param clv, pAlive model predictions, NaN when there are none
 * @param nps latest NPS answer 0..10 or -1, answered on {@code npsDay}; {@code csat} 1..5 or -1 likewise
 * @param owner, region, industry from the customers file, "" when unknown
 * @param service contacts and tasks, {@link ServiceState#NONE} when not known (the CLI)
 */
public record CustomerState(String customerId, String tier, long orders, int purchaseDays, long netCents,
    int lastPurchaseDay, double clv, double pAlive, long complaints, int nps, int npsDay, int csat, int csatDay,
    String owner, String region, String industry, ServiceState service) {
  /** A customer without contacts or tasks known (a run of the CLI, an earlier snapshot). */
  public CustomerState(String customerId, String tier, long orders, int purchaseDays, long netCents,
      int lastPurchaseDay, double clv, double pAlive, long complaints, int nps, int npsDay, int csat, int csatDay,
      String owner, String region, String industry) {
    this(customerId, tier, orders, purchaseDays, netCents, lastPurchaseDay, clv, pAlive, complaints, nps, npsDay, csat,
        csatDay, owner, region, industry, ServiceState.NONE);
  }

  public CustomerState {
    Objects.requireNonNull(service, "service of " + customerId);
    Objects.requireNonNull(customerId, "customer id");
    Objects.requireNonNull(tier, "tier of " + customerId);
    if (orders < 0 || purchaseDays < 0 || complaints < 0) {
      throw new IllegalArgumentException(customerId + ": orders, purchase days and complaints cannot be negative");
    }
    if (nps > 10 || csat > 5) throw new IllegalArgumentException(customerId + ": NPS is 0..10 and CSAT 1..5");
    owner = owner == null ? "" : owner;
    region = region == null ? "" : region;
    industry = industry == null ? "" : industry;
  }
}
