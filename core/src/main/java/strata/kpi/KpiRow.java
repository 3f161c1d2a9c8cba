package strata.kpi;

/**
 * The KPIs of one tier (or of all tiers, {@code tier == null}) in one group of customers over one period. A null
 * value is empty: its denominator is zero or unknown (README "KPIs by tier" defines every figure).
 *
 * @param dimension {@code all}, {@code owner}, {@code team}, {@code region} or {@code industry}; {@code group} its value
 *     ("" for all)
 * @param revenueCents net revenue of the period; may be negative after refunds
 * @param previousActive customers of this tier at the previous snapshot who were active then; null without one
 * @param movedUp, movedDown of this tier's customers at the previous snapshot, those now in a higher / lower tier;
 *     null without a previous snapshot or when the model changed
 * @param cadenceCustomers customers of the tier(s) with a cadence, the whole of {@code contactCoverage}: the share of
 *     them with a completed contact within their tier's cadence at the as-of day
 * @param tasksDue service tasks due in the period (neither cancelled nor suppressed), the whole of
 *     {@code taskCompletion}: the share of them done by the as-of day. All four null in KPIs stored before they
 *     existed (shown as "—")
 */
public record KpiRow(String dimension, String group, String tier, long customers, long buyers, long revenueCents,
    Double revenueShare, Double averageOrderValue, Double repurchaseRate, Long previousActive, Double retention,
    Double churnRate, Long movedUp, Long movedDown, Double averageClv, Double averagePAlive, Double nps,
    long npsAnswers, Double csat, long csatAnswers, Double complaintsPer100, Long cadenceCustomers,
    Double contactCoverage, Long tasksDue, Double taskCompletion) {

  /** Customers moved up minus moved down; null when either is. */
  public Long netMigration() {
    return movedUp == null || movedDown == null ? null : movedUp - movedDown;
  }
}
