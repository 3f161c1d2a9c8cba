package strata.server.forecast;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import strata.forecast.ModelChange;
import strata.forecast.TransitionCounts;
import strata.server.model.ModelStore;
import strata.server.run.Run;
import strata.server.security.Viewer;

/**
 * The tier history a forecast needs, read from the tier flows each run stored when it published (snapshot_stats,
 * kind 'flow': customers per owner, earlier model tier and later model tier, against the run published before it).
 * Four small queries whatever the number of snapshots and customers, and the flows outlive the snapshot rows'
 * retention.
 * Tiers are the model's, not overrides: a forecast of the rules.
 */
@Service
class ForecastHistory {
  /**
   * @param pairs consecutive snapshots of one model version up to the current one, in as-of order
   * @param modelChanges consecutive snapshots of different model versions, left out of {@code pairs}
   * @param current customers per tier of the current snapshot, in its model's order
   */
  record History(List<TransitionCounts> pairs, List<ModelChange> modelChanges, List<String> tiers, long[] current) {}

  private record Snapshot(long id, LocalDate asOf, int version) {}

  private final JdbcClient db;
  private final ModelStore models;

  ForecastHistory(JdbcClient db, ModelStore models) {
    this.db = db;
    this.models = models;
  }

  /** Customers of one owner who moved between two tiers from one snapshot to the next. */
  private record Flow(long toRun, long fromRun, String fromTier, String toTier, long customers) {}

  History read(Run current, Viewer v) {
    Map<Long, Snapshot> snapshots = new HashMap<>();
    db.sql("select id, as_of, model_version from tier_run where status in ('succeeded', 'expired') and id <= ?")
        .param(current.id()).query((java.sql.ResultSet rs) -> {
          snapshots.put(rs.getLong(1), new Snapshot(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getInt(3)));
        });
    Map<Integer, List<String>> tiersOf = new HashMap<>();
    Map<List<Long>, long[][]> counts = new HashMap<>();
    List<Object> params = new ArrayList<>(List.of(current.id()));
    // Customers who entered or left (a null side) are not transitions. Read whole before the models are asked for
    // their tiers: asking inside the row callback took a second connection while this query held one.
    List<Flow> flows = db.sql("select run_id, from_run, k1, k2, sum(customers) from snapshot_stats where kind = 'flow' "
        + "and run_id <= ? and k1 is not null and k2 is not null and " + v.ownerCondition("owner", params)
        + " group by run_id, from_run, k1, k2").params(params)
        .query((rs, n) -> new Flow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5)))
        .list();
    for (Flow flow : flows) {
      Snapshot to = snapshots.get(flow.toRun());
      Snapshot from = snapshots.get(flow.fromRun());
      if (to == null || from == null || from.version() != to.version()) continue;
      List<String> tiers = tiersOf.computeIfAbsent(to.version(), models::tierIds);
      long[][] c = counts.computeIfAbsent(List.of(from.id(), to.id()), k -> new long[tiers.size()][tiers.size()]);
      c[tiers.indexOf(flow.fromTier())][tiers.indexOf(flow.toTier())] += flow.customers();
    }
    List<TransitionCounts> pairs = new ArrayList<>();
    List<ModelChange> changes = new ArrayList<>();
    for (List<Long> chain : links(current.id(), snapshots)) {
      Snapshot from = snapshots.get(chain.get(0));
      Snapshot to = snapshots.get(chain.get(1));
      // A run at an as-of day not after the one before it (a re-run, or a look back) is no period.
      if (!from.asOf().isBefore(to.asOf())) continue;
      if (from.version() != to.version()) {
        changes.add(new ModelChange(from.asOf(), Integer.toString(from.version()), to.asOf(),
            Integer.toString(to.version())));
        continue;
      }
      List<String> tiers = tiersOf.computeIfAbsent(to.version(), models::tierIds);
      long[][] c = counts.getOrDefault(chain, new long[tiers.size()][tiers.size()]);
      pairs.add(new TransitionCounts(from.asOf(), to.asOf(), Integer.toString(to.version()), tiers, c));
    }
    pairs.sort(Comparator.comparing(TransitionCounts::to));
    changes.sort(Comparator.comparing(ModelChange::after));
    List<String> tiers = tiersOf.computeIfAbsent(current.modelVersion(), models::tierIds);
    return new History(pairs, changes, tiers, current(current.id(), tiers, v));
  }

  /** (earlier run, later run) of every snapshot whose flows were stored, from the runs' own record of it. */
  private List<List<Long>> links(long currentId, Map<Long, Snapshot> snapshots) {
    List<List<Long>> out = new ArrayList<>();
    db.sql("select run_id, from_run from snapshot_stats where kind = 'computed' and from_run is not null "
        + "and run_id <= ?").param(currentId).query((java.sql.ResultSet rs) -> {
          long to = rs.getLong(1);
          long from = rs.getLong(2);
          if (snapshots.containsKey(to) && snapshots.containsKey(from)) out.add(List.of(from, to));
        });
    return out;
  }

  private long[] current(long runId, List<String> tiers, Viewer v) {
    long[] n = new long[tiers.size()];
    List<Object> params = new ArrayList<>(List.of(runId));
    db.sql("select k1, sum(customers) from snapshot_stats where run_id = ? and kind = 'tier' and "
        + v.ownerCondition("owner", params) + " group by k1").params(params).query((java.sql.ResultSet rs) -> {
          // Customers no rule of a model without a catch-all tier matched have no tier to move from.
          int i = tiers.indexOf(rs.getString(1));
          if (i >= 0) n[i] += rs.getLong(2);
        });
    return n;
  }
}
