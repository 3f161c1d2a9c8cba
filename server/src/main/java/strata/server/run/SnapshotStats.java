package strata.server.run;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import strata.server.override.OverrideStore;
import strata.server.security.Viewer;

/**
 * The dashboard's aggregates of a snapshot per owner (table snapshot_stats), computed once when the run publishes
 * instead of on every view: at 1M customers each view scanned the snapshot five times and joined it with the
 * previous one. Tiers are the model's; the few overridden rows are corrected when read ({@link #tierMoves}), so an
 * override does not rewrite the aggregates. An owner change rewrites the aggregates of the two owners concerned
 * ({@link SnapshotOwners}).
 */
@Service
public class SnapshotStats {
  private static final String INSERT = "insert into snapshot_stats (run_id, owner, kind, k1, k2, from_run, customers, "
      + "buyers, repeaters, revenue_cents, low_alive_cents, clv_sum, clv_count) ";
  /** Customers, buyers, repeat buyers, revenue and revenue of customers likely gone: what {@link TierMove} moves. */
  private static final String MOVED_MEASURES = "count(*), sum(case when frequency > 0 then 1 else 0 end), "
      + "sum(case when frequency >= 2 then 1 else 0 end), coalesce(sum(monetary_cents), 0), "
      + "coalesce(sum(case when p_alive <= 0.5 then monetary_cents else 0 end), 0)";
  /** Columns of a tier group: the moved measures, then the CLV sum and count. */
  private static final String MEASURES = MOVED_MEASURES + ", coalesce(sum(cast(clv as double precision)), 0), "
      + "count(clv)";
  private static final String COUNT_ONLY = "count(*), 0, 0, 0, 0, 0, 0";
  private static final String COUNT_AND_REVENUE = "count(*), 0, 0, coalesce(sum(monetary_cents), 0), 0, 0, 0";

  private final JdbcClient db;

  SnapshotStats(JdbcClient db) {
    this.db = db;
  }

  /** Whether the run's aggregates were computed (runs published before they existed were not). */
  public boolean computed(long runId) {
    return db.sql("select count(*) from snapshot_stats where run_id = ? and kind = 'computed'").param(runId)
        .query(Long.class).single() > 0;
  }

  /** The snapshot the stored tier flows of a run start from; null when it has none. */
  public Long flowsFrom(long runId) {
    return db.sql("select max(from_run) from snapshot_stats where run_id = ? and kind = 'flow'").param(runId)
        .query((rs, n) -> rs.getObject(1, Long.class)).optional().orElse(null);
  }

  /**
   * How many customers of a snapshot the viewer sees with effective tier {@code tier} and owner {@code owner} (each
   * null: any), from the stored aggregates: their model tiers' counts, moved by the overridden rows. Exact, and read
   * from a few rows per owner, where counting a list's rows read up to 10,001 index entries a request (bench/README.md
   * "Lists counted from the stored aggregates"). Null when the run's aggregates were not computed.
   */
  public Long customers(long runId, Viewer v, String tier, String owner) {
    List<Object> params = new ArrayList<>(List.of(runId, runId));
    StringBuilder stored = new StringBuilder("select coalesce(sum(customers), 0) from snapshot_stats where run_id = ? "
        + "and kind = 'tier'");
    if (tier != null) {
      stored.append(" and k1 = ?");
      params.add(tier);
    }
    if (owner != null) {
      stored.append(" and owner = ?");
      params.add(owner);
    }
    if (!v.seesAll()) stored.append(" and ").append(v.ownerCondition("owner", params));
    long[] counts = db.sql("select (select count(*) from snapshot_stats where run_id = ? and kind = 'computed'), ("
        + stored + ")").params(params).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
    if (counts[0] == 0) return null;
    if (tier == null) return counts[1]; // an override moves a customer between tiers, never out of the list
    long moved = 0;
    for (TierMove m : tierMoves(runId, v)) {
      if (owner != null && !owner.equals(m.owner())) continue;
      if (tier.equals(m.tier())) moved += m.customers();
      if (tier.equals(m.modelTier())) moved -= m.customers();
    }
    return counts[1] + moved;
  }

  /**
   * The snapshot's overridden rows whose effective tier is not the model's, grouped, over the owners the viewer sees:
   * what turns the stored model tiers' aggregates into effective tiers' (overrides are set by hand, so they are few).
   * Read by the override index alone and the owner matched here: given the owner in SQL, H2 walked the owner's rows
   * whole instead (3,978 at 250k customers, 270 ms; bench/README.md "Lists counted from the stored aggregates").
   */
  public List<TierMove> tierMoves(long runId, Viewer v) {
    List<TierMove> moves = db.sql("select model_tier, tier, owner, " + MOVED_MEASURES
            + " from snapshot_row where run_id = ? and " + OverrideStore.overridden("override_id")
            + " and tier <> model_tier group by model_tier, tier, owner order by model_tier, tier, owner")
        .param(runId)
        .query((rs, n) -> new TierMove(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
            rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8)))
        .list();
    return v.seesAll() ? moves
        : moves.stream().filter(m -> m.owner() != null && v.owners().contains(m.owner())).toList();
  }

  /**
   * All aggregates of a snapshot, flows from {@code fromRun} (the previous published snapshot; null for none).
   * Runs inside the publishing transaction, after the rows' owners caught up.
   */
  void compute(long runId, Long fromRun) {
    write(runId, fromRun, null, false);
    db.sql(INSERT + "values (?, null, 'computed', null, null, ?, 0, 0, 0, 0, 0, 0, 0)").params(runId, fromRun)
        .update();
  }

  /** Rewrites the aggregates of one owner's customers (null: customers without a profile) in one snapshot. */
  void recompute(long runId, String owner) {
    if (!computed(runId)) return;
    Long fromRun = flowsFrom(runId);
    List<Object> params = new ArrayList<>(List.of(runId));
    if (owner != null) params.add(owner);
    db.sql("delete from snapshot_stats where run_id = ? and kind <> 'computed' and " + ownerIs("owner", owner))
        .params(params).update();
    write(runId, fromRun, owner, true);
  }

  private void write(long runId, Long fromRun, String owner, boolean oneOwner) {
    String where = " from snapshot_row where run_id = ?" + (oneOwner ? " and " + ownerIs("owner", owner) : "");
    List<Object> params = new ArrayList<>(List.of(runId, runId));
    if (oneOwner && owner != null) params.add(owner);
    db.sql(INSERT + "select ?, owner, 'tier', model_tier, null, null, " + MEASURES + where
        + " group by owner, model_tier").params(params).update();
    db.sql(INSERT + "select ?, owner, 'lifecycle', lifecycle, null, null, " + COUNT_ONLY + where
        + " group by owner, lifecycle").params(params).update();
    db.sql(INSERT + "select ?, owner, 'rfm', cast(r_score as varchar(8)), cast(f_score as varchar(8)), null, "
        + COUNT_AND_REVENUE + where
        + " and r_score is not null group by owner, r_score, f_score").params(params).update();
    db.sql(INSERT + "select ?, owner, 'segment', segment, null, null, " + COUNT_ONLY + where
        + " and segment is not null group by owner, segment").params(params).update();
    db.sql(INSERT + "select ?, owner, 'quadrant', coalesce(quadrant, 'unknown'), null, null, " + COUNT_AND_REVENUE
        + where + " group by owner, coalesce(quadrant, 'unknown')").params(params).update();
    if (fromRun == null) return;
    // Customers in the older snapshot (moved, stayed, left), then those only in this one (entered); H2 has no full
    // outer join. Owners are the same in both rows: every kept snapshot carries the customer's current owner.
    List<Object> flow = new ArrayList<>(List.of(runId, fromRun, runId, fromRun));
    if (oneOwner && owner != null) flow.add(owner);
    db.sql(INSERT + "select ?, x.owner, 'flow', x.model_tier, b.model_tier, ?, " + COUNT_ONLY
        + " from snapshot_row x left join snapshot_row b on b.run_id = ? and b.customer_id = x.customer_id "
        + "where x.run_id = ?" + (oneOwner ? " and " + ownerIs("x.owner", owner) : "")
        + " group by x.owner, x.model_tier, b.model_tier").params(flow).update();
    List<Object> entered = new ArrayList<>(List.of(runId, fromRun, runId, fromRun));
    if (oneOwner && owner != null) entered.add(owner);
    db.sql(INSERT + "select ?, x.owner, 'flow', null, x.model_tier, ?, " + COUNT_ONLY
        + " from snapshot_row x where x.run_id = ? and not exists (select 1 from snapshot_row a where a.run_id = ? "
        + "and a.customer_id = x.customer_id)" + (oneOwner ? " and " + ownerIs("x.owner", owner) : "")
        + " group by x.owner, x.model_tier").params(entered).update();
  }

  /** {@code column = ?} or {@code column is null}: "is not distinct from" cannot use an index on PostgreSQL. */
  static String ownerIs(String column, String owner) {
    return owner == null ? column + " is null" : column + " = ?";
  }
}
