package strata.experiment;

/**
 * One customer of an experiment over its period, as the server reads it from snapshots and transactions.
 *
 * @param stratum the tier the customer joined the experiment in
 * @param repurchased bought again within the period
 * @param retained still active at the end, or null when not active before the period (not counted for retention)
 * @param migration +1 moved to a higher tier during the period, -1 to a lower one, 0 stayed
 * @param revenue net spend within the period
 * @param nps the latest NPS answer 0..10 within the period, or null
 * @param preRevenue, preRepurchased the same KPIs in the period before the start, for the balance check
 */
public record CustomerOutcome(String customerId, String stratum, boolean heldOut, boolean repurchased,
    Boolean retained, int migration, double revenue, Integer nps, double preRevenue, boolean preRepurchased) {
  public CustomerOutcome {
    if (customerId == null || stratum == null) throw new IllegalArgumentException("an outcome needs a customer id and a stratum");
    if (migration < -1 || migration > 1) throw new IllegalArgumentException(customerId + ": migration is -1, 0 or 1, got " + migration);
    if (!Double.isFinite(revenue) || !Double.isFinite(preRevenue)) {
      throw new IllegalArgumentException(customerId + ": revenue must be a finite number");
    }
    if (nps != null && (nps < 0 || nps > 10)) throw new IllegalArgumentException(customerId + ": an NPS answer is 0 to 10, got " + nps);
  }
}
