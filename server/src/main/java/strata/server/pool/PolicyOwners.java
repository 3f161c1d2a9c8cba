package strata.server.pool;

import static java.util.stream.Collectors.joining;

import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import strata.plan.OwnerChange;
import strata.plan.PlanCustomer;
import strata.server.audit.AuditLog;

/**
 * Carries out the tiers' owner policies in the plan's transaction. Core's planner decides ({@link OwnerChange}:
 * {@code assign} gives a customer to a rep of the team, {@code pool} takes it to the pool); this stores the new
 * owners, a pool_event for each (rule {@value #RULE}, by the system) and one audit entry with the counts. A move made
 * otherwise (a claim, an assignment or release by a person, a return by the pool rules, an escalation) stands while
 * the customer stays in its tier ({@link #kept}): the policy places customers as they enter a tier, and those never
 * moved since.
 */
@Component
public class PolicyOwners {
  /** The pool_event rule of the owner policies' own moves. */
  public static final String RULE = "policy";
  private static final int BATCH = 1000;

  /** What a plan's owner policies moved: customers given to a rep, customers taken to the pool. */
  public record Placed(int assigned, int pooled) {}

  private record Move(String tier, Long runId) {}

  private final JdbcTemplate jdbc;
  private final PoolStore store;
  private final AuditLog audit;

  PolicyOwners(DataSource dataSource, PoolStore store, AuditLog audit) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.store = store;
    this.audit = audit;
  }

  /**
   * The customers whose owner their tier's policy leaves as it is: their latest move was not the policy's, and was
   * made in the tier they are in now, under the current snapshot or with that tier in the previous snapshot too (so
   * they did not leave the tier and come back since).
   *
   * @param runId the current snapshot's run
   */
  public Set<String> kept(List<PlanCustomer> customers, long runId) {
    Map<String, Move> moves = new HashMap<>();
    jdbc.query("select e.customer_id, e.tier, e.run_id from pool_event e join (select customer_id, max(id) as id "
        + "from pool_event group by customer_id) m on m.id = e.id where e.rule is null or e.rule <> ?",
        (ResultSet rs) -> {
          long run = rs.getLong(3);
          moves.put(rs.getString(1), new Move(rs.getString(2), rs.wasNull() ? null : run));
        }, RULE);
    Set<String> kept = new HashSet<>();
    for (PlanCustomer c : customers) {
      Move m = moves.get(c.id());
      if (m == null || !c.tier().equals(m.tier())) continue;
      if (Long.valueOf(runId).equals(m.runId()) || c.tier().equals(c.previousTier())) kept.add(c.id());
    }
    return kept;
  }

  /**
   * Gives the customers the owners their policies chose, in the caller's transaction. A customer whose owner is no
   * longer the one the plan read (claimed meanwhile) is left as it is.
   *
   * @param runId the snapshot the plan read the tiers from
   */
  public Placed place(List<OwnerChange> changes, long runId, OffsetDateTime now) {
    if (changes.isEmpty()) return new Placed(0, 0);
    int[][] updated = jdbc.batchUpdate("update customer set owner = ?, updated_at = ? where id = ? and owner = ?",
        changes, BATCH, (ps, c) -> {
          ps.setString(1, c.to());
          ps.setObject(2, now);
          ps.setString(3, c.customerId());
          ps.setString(4, c.from());
        });
    List<OwnerChange> moved = new ArrayList<>();
    int i = 0;
    for (int[] batch : updated) {
      for (int n : batch) {
        if (n > 0 || n == Statement.SUCCESS_NO_INFO) moved.add(changes.get(i));
        i++;
      }
    }
    jdbc.batchUpdate("insert into pool_event (customer_id, kind, from_owner, to_owner, rule, at, by_user, tier, "
        + "run_id) values (?, ?, ?, ?, ?, ?, 'system', ?, ?)", moved, BATCH, (ps, c) -> {
          ps.setString(1, c.customerId());
          ps.setString(2, c.to().isEmpty() ? "return" : c.from().isEmpty() ? "assign" : "reassign");
          ps.setString(3, c.from());
          ps.setString(4, c.to());
          ps.setString(5, RULE);
          ps.setObject(6, now);
          ps.setString(7, c.tier());
          ps.setLong(8, runId);
        });
    Map<String, String> owners = new HashMap<>();
    moved.forEach(c -> owners.put(c.customerId(), c.to()));
    store.follow(owners);
    Placed placed = new Placed((int) moved.stream().filter(c -> !c.to().isEmpty()).count(),
        (int) moved.stream().filter(c -> c.to().isEmpty()).count());
    if (!moved.isEmpty()) audit.record("system", "owner_policy", describe(placed, moved));
    return placed;
  }

  /** "3 assigned (李娜 1, 王磊 2), 1 to the pool: C1 '' -> '王磊', ..." with the first 20 moves. */
  private static String describe(Placed placed, List<OwnerChange> moved) {
    Map<String, Integer> perRep = new TreeMap<>();
    moved.stream().filter(c -> !c.to().isEmpty()).forEach(c -> perRep.merge(c.to(), 1, Integer::sum));
    String reps = perRep.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(joining(", "));
    String sample = moved.stream().limit(20).map(c -> c.customerId() + " '" + c.from() + "' -> '" + c.to() + "'")
        .collect(joining(", "));
    return placed.assigned() + " assigned" + (reps.isEmpty() ? "" : " (" + reps + ")") + ", " + placed.pooled()
        + " to the pool: " + sample + (moved.size() > 20 ? ", …" : "");
  }
}
