package strata.server.run;

import java.util.Map;

/**
 * Each customer's {@code downgrade_risk} for the next run: the risk of the customer's tier in the current snapshot,
 * estimated from the stored tier history (README "Tier forecast"). Implemented where the history is read, so the
 * run does not depend on the forecast.
 */
public interface DowngradeRisks {
  /** @return by customer id; empty when the history cannot estimate it (one snapshot, a new model version) */
  Map<String, Double> of(Run current);
}
