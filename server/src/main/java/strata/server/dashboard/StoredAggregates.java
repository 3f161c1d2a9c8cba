package strata.server.dashboard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import strata.server.override.OverrideStore;
import strata.server.run.SnapshotStats;
import strata.server.run.TierFlow;
import strata.server.run.TierMove;
import strata.server.security.Viewer;

/**
 * Reads the aggregates a run stored when it published ({@link SnapshotStats}) for a viewer (a sales user: their own
 * customers), and moves the overridden customers from their model tier to their effective tier
 * ({@link SnapshotStats#tierMoves}).
 */
@Service
class StoredAggregates {
  /** Sums of one tier's customers; atRisk is computed from revenue or lowAlive by the tier's id. */
  static final class TierSums {
    long customers, buyers, repeaters, revenueCents, lowAliveCents;

    void add(TierSums o, int sign) {
      customers += sign * o.customers;
      buyers += sign * o.buyers;
      repeaters += sign * o.repeaters;
      revenueCents += sign * o.revenueCents;
      lowAliveCents += sign * o.lowAliveCents;
    }
  }

  /** @param quadrants customers and revenue in cents per value x potential quadrant */
  record Stored(Map<String, TierSums> tiers, double clvSum, long clvCount, Map<String, Long> lifecycle,
      Map<String, long[]> rfm, Map<String, Long> segments, Map<String, long[]> quadrants) {}

  private final JdbcClient db;
  private final SnapshotStats stats;

  StoredAggregates(JdbcClient db, SnapshotStats stats) {
    this.db = db;
    this.stats = stats;
  }

  /** The snapshot's aggregates over the viewer's customers, tiers effective (overrides applied). */
  Stored read(long runId, Viewer v) {
    Map<String, TierSums> tiers = new LinkedHashMap<>();
    Map<String, Long> lifecycle = new LinkedHashMap<>();
    Map<String, long[]> rfm = new LinkedHashMap<>();
    Map<String, Long> segments = new LinkedHashMap<>();
    Map<String, long[]> quadrants = new LinkedHashMap<>();
    double[] clv = new double[2];
    List<Object> params = scopeParams(runId, v);
    db.sql("select kind, k1, k2, sum(customers), sum(buyers), sum(repeaters), sum(revenue_cents), "
            + "sum(low_alive_cents), sum(clv_sum), sum(clv_count) from snapshot_stats where run_id = ?"
            + scope(v, "owner") + " and kind in ('tier', 'lifecycle', 'rfm', 'segment', 'quadrant') "
            + "group by kind, k1, k2 order by kind, k1, k2") // the same order from a restored copy of the data
        .params(params)
        .query((rs, n) -> {
          switch (rs.getString(1)) {
            case "tier" -> {
              TierSums t = tiers.computeIfAbsent(rs.getString(2), k -> new TierSums());
              t.customers += rs.getLong(4);
              t.buyers += rs.getLong(5);
              t.repeaters += rs.getLong(6);
              t.revenueCents += rs.getLong(7);
              t.lowAliveCents += rs.getLong(8);
              clv[0] += rs.getDouble(9);
              clv[1] += rs.getLong(10);
            }
            case "lifecycle" -> lifecycle.merge(rs.getString(2), rs.getLong(4), Long::sum);
            case "rfm" -> rfm.put(rs.getString(2) + "," + rs.getString(3), new long[] {rs.getLong(4), rs.getLong(7)});
            case "quadrant" -> quadrants.put(rs.getString(2), new long[] {rs.getLong(4), rs.getLong(7)});
            default -> segments.merge(rs.getString(2), rs.getLong(4), Long::sum);
          }
          return null;
        })
        .list();
    correctTiers(runId, v, tiers);
    return new Stored(tiers, clv[0], (long) clv[1], lifecycle, rfm, segments, quadrants);
  }

  /** Customers per effective tier of a snapshot, for the viewer. */
  Map<String, Long> tierCounts(long runId, Viewer v) {
    Map<String, TierSums> tiers = new LinkedHashMap<>();
    db.sql("select k1, sum(customers) from snapshot_stats where run_id = ?" + scope(v, "owner")
            + " and kind = 'tier' group by k1 order by k1")
        .params(scopeParams(runId, v))
        .query((rs, n) -> tiers.computeIfAbsent(rs.getString(1), k -> new TierSums()).customers = rs.getLong(2))
        .list();
    correctTiers(runId, v, tiers);
    Map<String, Long> out = new LinkedHashMap<>();
    tiers.forEach((tier, sums) -> {
      if (sums.customers != 0) out.put(tier, sums.customers);
    });
    return out;
  }

  /** Tier flows from {@code fromRun} into {@code toRun} (stored with toRun), effective tiers on both sides. */
  List<TierFlow> flows(long fromRun, long toRun, Viewer v) {
    Map<List<String>, Long> flows = new LinkedHashMap<>();
    db.sql("select k1, k2, sum(customers) from snapshot_stats where run_id = ?" + scope(v, "owner")
            + " and kind = 'flow' group by k1, k2 order by k1, k2")
        .params(scopeParams(toRun, v))
        .query((rs, n) -> flows.merge(key(rs.getString(1), rs.getString(2)), rs.getLong(3), Long::sum)).list();
    // Overridden in the older snapshot (whatever the newer), then overridden in the newer one only.
    List<Object> older = new ArrayList<>(List.of(toRun, fromRun));
    if (!v.seesAll()) older.addAll(v.owners());
    List<Object> newer = new ArrayList<>(List.of(fromRun, toRun));
    if (!v.seesAll()) newer.addAll(v.owners());
    jdbcFlows("select a.model_tier, a.tier, b.model_tier, b.tier from snapshot_row a left join snapshot_row b "
        + "on b.run_id = ? and b.customer_id = a.customer_id where a.run_id = ? and "
        + OverrideStore.overridden("a.override_id") + " and a.tier <> a.model_tier" + scope(v, "a.owner"), older,
        flows);
    jdbcFlows("select a.model_tier, a.tier, b.model_tier, b.tier from snapshot_row b left join snapshot_row a "
        + "on a.run_id = ? and a.customer_id = b.customer_id where b.run_id = ? and "
        + OverrideStore.overridden("b.override_id") + " and b.tier <> b.model_tier and (a.customer_id is null or "
        + "a.override_id is null or a.tier = a.model_tier)" + scope(v, "b.owner"), newer, flows);
    List<TierFlow> out = new ArrayList<>();
    flows.forEach((k, count) -> {
      if (count != 0) out.add(new TierFlow(k.get(0), k.get(1), count));
    });
    return out;
  }

  private void jdbcFlows(String sql, List<Object> params, Map<List<String>, Long> flows) {
    db.sql(sql).params(params).query((rs, n) -> {
      flows.merge(key(rs.getString(1), rs.getString(3)), -1L, Long::sum);
      flows.merge(key(rs.getString(2), rs.getString(4)), 1L, Long::sum);
      return null;
    }).list();
  }

  private static List<String> key(String from, String to) {
    return java.util.Arrays.asList(from, to);
  }

  /** Moves overridden customers from their model tier's sums to their effective tier's. */
  private void correctTiers(long runId, Viewer v, Map<String, TierSums> tiers) {
    for (TierMove m : stats.tierMoves(runId, v)) {
      TierSums moved = new TierSums();
      moved.customers = m.customers();
      moved.buyers = m.buyers();
      moved.repeaters = m.repeaters();
      moved.revenueCents = m.revenueCents();
      moved.lowAliveCents = m.lowAliveCents();
      tiers.computeIfAbsent(m.modelTier(), k -> new TierSums()).add(moved, -1);
      tiers.computeIfAbsent(m.tier(), k -> new TierSums()).add(moved, 1);
    }
  }

  /** The viewer's owners as a condition on {@code column}; its parameters are {@link Viewer#owners()}, in order. */
  private static String scope(Viewer v, String column) {
    return v.seesAll() ? "" : " and " + v.ownerCondition(column, new ArrayList<>());
  }

  private static List<Object> scopeParams(long runId, Viewer v) {
    List<Object> params = new ArrayList<>(List.of(runId));
    if (!v.seesAll()) params.addAll(v.owners());
    return params;
  }
}
