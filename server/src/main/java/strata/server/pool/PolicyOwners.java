package strata.server.pool;

import static java.util.stream.Collectors.joining;

import java.sql.ResultSet;
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
import strata.server.data.OwnerMoveTable;
import strata.server.audit.AuditDetail;
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

  /**
   * What a plan's owner policies moved: customers given to a rep, customers taken to the pool.
   *
   * @param perRep the moves that gave customers to a rep, by the rep's owner name (sorted), in customer id order
   */
  public record Placed(int assigned, int pooled, Map<String, List<OwnerChange>> perRep) {}

  private record Move(String tier, Long runId) {}

  private final JdbcTemplate jdbc;
  private final OwnerMoves moves;
  private final AuditLog audit;

  PolicyOwners(DataSource dataSource, OwnerMoves moves, AuditLog audit) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.moves = moves;
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
   * longer the one the plan read (claimed meanwhile) is left as it is; the others are locked before they move.
   *
   * @param runId the snapshot the plan read the tiers from
   */
  public Placed place(List<OwnerChange> changes, long runId, OffsetDateTime now) {
    if (changes.isEmpty()) return new Placed(0, 0, Map.of());
    Set<String> still = moves.apply(changes.stream().map(c -> new OwnerMoveTable.Move(c.customerId(), c.from(),
        c.to(), c.to().isEmpty() ? "return" : c.from().isEmpty() ? "assign" : "reassign", RULE, c.tier(), runId))
        .toList(), "system", now);
    List<OwnerChange> moved = changes.stream().filter(c -> still.contains(c.customerId())).toList();
    Map<String, List<OwnerChange>> perRep = new TreeMap<>();
    moved.stream().filter(c -> !c.to().isEmpty()).sorted(java.util.Comparator.comparing(OwnerChange::customerId))
        .forEach(c -> perRep.computeIfAbsent(c.to(), k -> new ArrayList<>()).add(c));
    Placed placed = new Placed((int) moved.stream().filter(c -> !c.to().isEmpty()).count(),
        (int) moved.stream().filter(c -> c.to().isEmpty()).count(), perRep);
    if (!moved.isEmpty()) audit.record("system", "owner_policy", detail(placed, moved));
    return placed;
  }

  /** The counts, the customers per rep ("李娜 1, 王磊 2") and the first 20 customers moved, in no language. */
  private static AuditDetail detail(Placed placed, List<OwnerChange> moved) {
    String reps = placed.perRep().entrySet().stream().map(e -> e.getKey() + " " + e.getValue().size())
        .collect(joining(", "));
    String sample = moved.stream().limit(20).map(OwnerChange::customerId).collect(joining(", "))
        + (moved.size() > 20 ? ", …" : "");
    return AuditDetail.of("owner_policy", "assigned", placed.assigned(), "pooled", placed.pooled(),
        "reps", reps.isEmpty() ? null : reps, "sample", sample);
  }
}
