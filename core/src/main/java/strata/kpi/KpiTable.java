package strata.kpi;

import java.util.List;

/**
 * KPIs by tier for the period ending at {@code current.asOf()}: from {@code previous.asOf()} (exclusive), or over the
 * whole history when there is no previous snapshot.
 *
 * @param previous null for a single snapshot
 * @param modelChanged the two snapshots were tiered by different model versions: tiers are not compared (no
 *     migration; retention and churn only for all tiers together)
 * @param rows for each dimension and group: one row per tier of the current model, in model order, then all tiers
 */
public record KpiTable(SnapshotInfo current, SnapshotInfo previous, boolean modelChanged, List<KpiRow> rows) {
  public KpiTable {
    rows = List.copyOf(rows);
  }

  /** Rows of one group, e.g. {@code ("all", "")} or {@code ("owner", "王芳")}, in model order then the total. */
  public List<KpiRow> group(String dimension, String group) {
    return rows.stream().filter(r -> r.dimension().equals(dimension) && r.group().equals(group)).toList();
  }
}
