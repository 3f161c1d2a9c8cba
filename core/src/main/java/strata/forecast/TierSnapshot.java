package strata.forecast;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The tiers of one snapshot.
 *
 * @param modelVersion identifies the tier model that assigned the tiers; snapshots of different versions are not mixed
 * @param tiers tier ids in the model's order, highest ranked first (a model lists its tiers in priority order)
 * @param tierByCustomer each customer's tier id
 */
public record TierSnapshot(LocalDate asOf, String modelVersion, List<String> tiers,
    Map<String, String> tierByCustomer) {
  public TierSnapshot {
    Objects.requireNonNull(asOf, "as-of date");
    Objects.requireNonNull(modelVersion, "model version");
    if (tiers == null || tiers.isEmpty() || tiers.stream().distinct().count() != tiers.size()) {
      throw new ForecastException("snapshot " + asOf + ": needs its model's distinct tier ids, got " + tiers);
    }
    tiers = List.copyOf(tiers);
    tierByCustomer = Map.copyOf(tierByCustomer);
  }

  /** The rank of a tier: 0 for the highest. */
  int rank(String tier) {
    int k = tiers.indexOf(tier);
    if (k < 0) {
      throw new ForecastException("snapshot " + asOf + ": tier '" + tier + "' is not in model version " + modelVersion
          + " (tiers " + tiers + ")");
    }
    return k;
  }

  /** Customers per tier, in model order. */
  long[] counts() {
    long[] n = new long[tiers.size()];
    tierByCustomer.values().forEach(t -> n[rank(t)]++);
    return n;
  }
}
