package strata.server.customer;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import strata.server.api.BadRequest;
import strata.server.api.Page;
import strata.server.model.ModelStore;
import strata.server.run.Run;
import strata.server.run.RunStore;
import strata.server.run.TierFlow;
import strata.server.security.Viewer;

/**
 * Tier migrations between two snapshots, from the tiers each run stored. A move is up when the new tier comes
 * earlier in the model (tiers are listed best first). Ranks compare only within one model: between snapshots of
 * different model versions the answer is a model change, and moves are counted but not called up or down.
 */
@Service
public class Migrations {
  /** The model versions of two snapshots that were tiered by different ones. */
  public record ModelChange(Integer from, Integer to) {}

  /**
   * @param fromTiers the older snapshot's tiers, in its model's order (the same as {@code tiers} without a model
   *     change)
   * @param up null on a model change, as is {@code down}
   * @param changed customers whose tier id differs between the two snapshots (up + down within one model)
   * @param modelChange null when both snapshots used the same model version
   */
  public record Matrix(Run from, Run to, List<String> tiers, List<String> fromTiers, List<TierFlow> flows, Long up,
      Long down, long changed, long same, long entered, long left, ModelChange modelChange) {}

  record Mover(String id, String name, String owner, String fromTier, String toTier) {}

  private final JdbcClient db;
  private final RunStore runs;
  private final ModelStore models;
  private final CustomerQueries queries;

  Migrations(JdbcClient db, RunStore runs, ModelStore models, CustomerQueries queries) {
    this.db = db;
    this.runs = runs;
    this.models = models;
    this.queries = queries;
  }

  /** The pair asked for, or the two latest succeeded runs; null when there are fewer than two. */
  public Run[] pair(Long from, Long to) {
    if (from != null && to != null) return new Run[] {queries.snapshot(from), queries.snapshot(to)};
    if (from != null || to != null) throw new BadRequest("from", "give both from and to, or neither");
    List<Run> latest = runs.succeeded(2);
    return latest.size() < 2 ? null : new Run[] {latest.get(1), latest.get(0)};
  }

  public Matrix matrix(Run from, Run to, Viewer v) {
    List<String> tiers = tiers(to);
    List<TierFlow> flows = new ArrayList<>();
    List<Object> params = new ArrayList<>(List.of(to.id(), from.id()));
    List<Object> scopeParams = new ArrayList<>();
    // Every kept snapshot row carries its customer's current owner (strata.server.run.SnapshotOwners).
    String scope = v.seesAll() ? "" : " and " + v.ownerCondition("x.owner", scopeParams);
    params.addAll(scopeParams);
    // Customers in "from" (moved, stayed or left), then those only in "to" (entered); H2 has no full outer join.
    // Ordered, so the answer does not change with the rows' places on disk (a restored copy answers the same).
    db.sql("select x.tier, b.tier, count(*) from snapshot_row x left join snapshot_row b on b.customer_id = "
            + "x.customer_id and b.run_id = ? where x.run_id = ?" + scope
            + " group by x.tier, b.tier order by x.tier, b.tier")
        .params(params).query((rs, n) -> new TierFlow(rs.getString(1), rs.getString(2), rs.getLong(3))).list()
        .forEach(flows::add);
    List<Object> enteredParams = new ArrayList<>(List.of(from.id(), to.id()));
    enteredParams.addAll(scopeParams);
    db.sql("select x.tier, count(*) from snapshot_row x where not exists (select 1 from snapshot_row a where "
            + "a.customer_id = x.customer_id and a.run_id = ?) and x.run_id = ?" + scope + " group by x.tier "
            + "order by x.tier")
        .params(enteredParams).query((rs, n) -> new TierFlow(null, rs.getString(1), rs.getLong(2))).list()
        .forEach(flows::add);
    long up = 0, down = 0, same = 0, entered = 0, left = 0;
    for (TierFlow f : flows) {
      if (f.from() == null) entered += f.count();
      else if (f.to() == null) left += f.count();
      else if (f.from().equals(f.to())) same += f.count();
      else if (rank(tiers, f.to()) < rank(tiers, f.from())) up += f.count();
      else down += f.count();
    }
    ModelChange change = modelChange(from, to);
    List<Run> shown = runs.scoped(List.of(from, to), v);
    return new Matrix(shown.get(0), shown.get(1), tiers, tiers(from), flows, change == null ? up : null, change == null ? down : null,
        up + down, same, entered, left, change);
  }

  /** Null when both runs were tiered by the same model version. */
  static ModelChange modelChange(Run from, Run to) {
    return Objects.equals(from.modelVersion(), to.modelVersion()) ? null
        : new ModelChange(from.modelVersion(), to.modelVersion());
  }

  Page<Mover> movers(Run from, Run to, String fromTier, String toTier, String direction, Viewer v, int page,
      int size) {
    List<String> tiers = tiers(to);
    StringBuilder where = new StringBuilder(" from snapshot_row a join snapshot_row b on b.customer_id = "
        + "a.customer_id and b.run_id = ? left join customer c on c.id = a.customer_id where a.run_id = ?");
    List<Object> params = new ArrayList<>(List.of(to.id(), from.id()));
    if (!v.seesAll()) where.append(" and ").append(v.ownerCondition("a.owner", params));
    if (fromTier != null && !fromTier.isBlank()) {
      where.append(" and a.tier = ?");
      params.add(fromTier);
    }
    if (toTier != null && !toTier.isBlank()) {
      where.append(" and b.tier = ?");
      params.add(toTier);
    }
    if (direction != null && !direction.isBlank()) {
      if (!direction.equals("up") && !direction.equals("down")) throw new BadRequest("direction", "up or down");
      ModelChange change = modelChange(from, to);
      if (change != null) {
        throw new BadRequest("direction", "runs " + from.id() + " and " + to.id() + " used model v" + change.from()
            + " and v" + change.to() + "; up and down compare tiers within one model only");
      }
      // Rank by model order with a CASE over the (few) tier ids, so paging stays in the database.
      StringBuilder rankA = new StringBuilder("case a.tier");
      StringBuilder rankB = new StringBuilder("case b.tier");
      for (int i = 0; i < tiers.size(); i++) {
        rankA.append(" when ? then ").append(i);
        rankB.append(" when ? then ").append(i);
      }
      rankA.append(" else ").append(tiers.size()).append(" end");
      rankB.append(" else ").append(tiers.size()).append(" end");
      where.append(" and ").append(rankB).append(direction.equals("up") ? " < " : " > ").append(rankA);
      params.addAll(tiers);
      params.addAll(tiers);
    }
    return strata.server.api.PagedQuery.page(db, "select a.customer_id, c.name, c.owner, a.tier, b.tier",
        where.toString(), " order by a.customer_id", params, page, size,
        (rs, n) -> new Mover(rs.getString(1), Objects.toString(rs.getString(2), ""),
            Objects.toString(rs.getString(3), ""), rs.getString(4), rs.getString(5)));
  }

  private List<String> tiers(Run run) {
    return models.tierIds(run.modelVersion());
  }

  private static int rank(List<String> tiers, String tier) {
    int i = tiers.indexOf(tier);
    return i < 0 ? tiers.size() : i;
  }
}
