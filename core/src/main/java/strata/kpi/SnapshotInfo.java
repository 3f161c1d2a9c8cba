package strata.kpi;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What a snapshot is: its as-of day, the tier model that assigned its tiers and whether its complaints are known.
 *
 * @param tiers tier ids in the model's order, highest ranked first (a model lists its tiers in priority order)
 * @param complaintsKnown interactions were loaded, so a customer without complaints has none (not "unknown")
 */
public record SnapshotInfo(LocalDate asOf, String modelName, String modelVersion, List<String> tiers,
    boolean complaintsKnown) {
  public SnapshotInfo {
    Objects.requireNonNull(asOf, "as-of date");
    Objects.requireNonNull(modelName, "model name");
    Objects.requireNonNull(modelVersion, "model version");
    if (tiers == null || tiers.isEmpty()) throw new IllegalArgumentException("a snapshot needs its model's tiers");
    if (tiers.stream().distinct().count() != tiers.size()) {
      throw new IllegalArgumentException("tier ids must be distinct, got " + tiers);
    }
    tiers = List.copyOf(tiers);
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
