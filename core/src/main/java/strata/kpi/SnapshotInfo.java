package strata.kpi;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a snapshot is: its as-of day, the tier model that assigned its tiers and whether its complaints are known.
 *
 * @param tiers tier ids in the model's order, highest ranked first (a model lists its tiers in priority order)
 * @param complaintsKnown interactions were loaded, so a customer without complaints has none (not "unknown")
 * @param cadenceDays per tier with a cadence in its playbook, its {@code every_days}: the window of contact coverage;
 *     empty when the contacts are not known (the CLI), so coverage stays empty
 */
public record SnapshotInfo(LocalDate asOf, String modelName, String modelVersion, List<String> tiers,
    boolean complaintsKnown, Map<String, Integer> cadenceDays) {
  /** A snapshot whose contacts are not known: no contact coverage. */
  public SnapshotInfo(LocalDate asOf, String modelName, String modelVersion, List<String> tiers,
      boolean complaintsKnown) {
    this(asOf, modelName, modelVersion, tiers, complaintsKnown, Map.of());
  }

  public SnapshotInfo {
    Objects.requireNonNull(asOf, "as-of date");
    Objects.requireNonNull(modelName, "model name");
    Objects.requireNonNull(modelVersion, "model version");
    if (tiers == null || tiers.isEmpty()) throw new IllegalArgumentException("a snapshot needs its model's tiers");
    if (tiers.stream().distinct().count() != tiers.size()) {
      throw new IllegalArgumentException("tier ids must be distinct, got " + tiers);
    }
    tiers = List.copyOf(tiers);
    for (Map.Entry<String, Integer> e : cadenceDays.entrySet()) {
      if (!tiers.contains(e.getKey())) throw new IllegalArgumentException("cadence of tier '" + e.getKey() + "', which "
          + "is not in " + tiers);
      if (e.getValue() < 1) throw new IllegalArgumentException("cadence of tier '" + e.getKey() + "' must be at least "
          + "1 day, got " + e.getValue());
    }
    cadenceDays = Map.copyOf(cadenceDays);
  }

  /** True when both snapshots were tiered by the same model version, so their tiers can be compared. */
  public boolean sameModel(SnapshotInfo other) {
    return modelName.equals(other.modelName) && modelVersion.equals(other.modelVersion);
  }

  int rank(String tier) {
    int k = tiers.indexOf(tier);
    if (k < 0) {
      throw new IllegalArgumentException("tier '" + tier + "' is not in model " + modelName + " v" + modelVersion
          + " (tiers " + tiers + ")");
    }
    return k;
  }
}
