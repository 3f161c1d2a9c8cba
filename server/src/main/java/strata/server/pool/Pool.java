package strata.server.pool;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import strata.playbook.OwnerPolicy;
import strata.pool.ClaimDecision;
import strata.pool.PoolRules;
import strata.pool.Standing;
import strata.server.api.BadRequest;
import strata.server.api.Conflict;
import strata.server.api.NotFound;
import strata.server.audit.AuditLog;
import strata.server.audit.AuditDetail;
import strata.server.audit.Audited;
import strata.server.data.OwnerMoveTable;
import strata.server.model.ModelStore;
import strata.server.run.Run;
import strata.server.run.RunStore;
import strata.server.security.Viewer;
import strata.tier.TierRule;

/**
 * The customer pool (公海): reps claim customers under their holding cap, admins reassign, and the pool rules of the
 * tier playbooks ({@link PoolRules}) return customers whose owner let them lapse. Every move is audited and kept in
 * {@code pool_event}.
 */
@Service
public class Pool {
  /** A customer's owner after a claim or an assignment ("" for the pool); its tier when known. */
  public record Ownership(String customerId, String owner, String tier) {}

  /** Returned by the daily plan: the customer, the owner it left and the rule. */
  public record Returned(String customerId, String owner, String rule) {}

  private final PoolStore store;
  private final OwnerMoves moves;
  private final RunStore runs;
  private final ModelStore models;
  /** For the moves made in the caller's transaction (the daily plan's). */
  private final AuditLog audit;
  private final Audited audited;
  private final Clock clock;

  Pool(PoolStore store, OwnerMoves moves, RunStore runs, ModelStore models, AuditLog audit, Audited audited,
      ObjectProvider<Clock> clock) {
    this.store = store;
    this.moves = moves;
    this.runs = runs;
    this.models = models;
    this.audit = audit;
    this.audited = audited;
    this.clock = clock.getIfAvailable(Clock::systemUTC);
  }

  /**
   * Gives a pool customer to the viewer (their owner name).
   *
   * @throws NotFound when there is no such customer
   * @throws Conflict {@code already_claimed} when it has an owner (another rep was first)
   * @throws BadRequest 422 {@code over_cap} when the viewer holds as many customers as the tier's {@code owner.cap};
   *     422 {@code no_owner_name} when the viewer has no owner name to hold customers under
   */
  public Ownership claim(String customerId, Viewer viewer) {
    if (viewer.owner() == null || viewer.owner().isBlank()) {
      throw new BadRequest(422, "no_owner_name", "your user has no owner name to hold customers under; an admin "
          + "can set one", List.of(new BadRequest.FieldError("owner", "not set")));
    }
    String rep = viewer.owner();
    return audited.write(audit -> {
      store.lockUser(viewer.username());
      String current = store.ownerOf(customerId);
      if (current == null) throw new NotFound("no customer " + customerId);
      Optional<Run> run = runs.current();
      String tier = store.tierOf(customerId, run.map(Run::id).orElse(null));
      int cap = capOf(run, tier);
      int book = store.book(rep);
      ClaimDecision decision = PoolRules.claim(current, book, cap);
      if (decision == ClaimDecision.OVER_CAP) {
        throw new BadRequest(422, "over_cap", rep + " holds " + book + " customers, the cap of tier " + tier + " is "
            + cap + "; release or finish some first", List.of(new BadRequest.FieldError("cap", String.valueOf(cap))));
      }
      if (decision == ClaimDecision.ALREADY_OWNED || !store.move(customerId, "", rep, "claim", null,
          viewer.username(), now())) {
        throw new Conflict("already_claimed", "customer " + customerId + " is not in the pool (claimed by someone "
            + "else first)");
      }
      audit.record(viewer.username(), "pool_claim", AuditDetail.of("pool_claim", "customer", customerId, "rep", rep,
          "count", book + 1, "cap", cap == 0 ? null : cap));
      return new Ownership(customerId, rep, tier);
    });
  }

  /**
   * Gives a customer to an owner, or back to the pool with "" (admins; the cap does not bind them).
   *
   * @throws NotFound when there is no such customer
   */
  public Ownership assign(String customerId, String owner, Viewer by) {
    String to = owner == null ? "" : owner.strip();
    if (to.length() > 200) throw new BadRequest("owner", "at most 200 characters");
    return audited.write(audit -> {
      String current = store.ownerOf(customerId);
      if (current == null) throw new NotFound("no customer " + customerId);
      if (current.equals(to)) return new Ownership(customerId, to, null);
      String kind = kindOf(current, to);
      if (!store.move(customerId, current, to, kind, null, by.username(), now())) {
        throw new Conflict("owner_changed", "customer " + customerId + " changed owner meanwhile; try again");
      }
      audit.record(by.username(), "pool_" + kind,
          AuditDetail.of("pool_move", "customer", customerId, "from", current, "to", to));
      return new Ownership(customerId, to, null);
    });
  }

  /** A customer a bulk assignment moved, and the owner it had ("" for the pool). */
  public record Moved(String customerId, String from) {}

  /**
   * Gives many customers to one owner ("" for the pool) at once ({@link OwnerMoves}: one by one, each cost a lock, an
   * update, an event and its snapshot rows' own statements); runs in the caller's transaction (a bulk assignment's),
   * each move audited as a single assignment's is. Customers that already have the owner, or no longer exist, are left.
   *
   * @return the customers moved, in the order given, with their owner before
   */
  public List<Moved> assignAll(List<String> customerIds, String to, Viewer by) {
    Map<String, String> owners = store.ownersOf(customerIds);
    List<OwnerMoveTable.Move> wanted = new ArrayList<>();
    for (String id : customerIds) {
      String from = owners.get(id);
      if (from == null || from.equals(to)) continue;
      wanted.add(new OwnerMoveTable.Move(id, from, to, kindOf(from, to), null, null, null));
    }
    Set<String> moved = moves.apply(wanted, by.username(), now());
    List<Moved> out = new ArrayList<>();
    Map<String, List<AuditDetail>> byKind = new LinkedHashMap<>();
    for (OwnerMoveTable.Move m : wanted) {
      if (!moved.contains(m.customerId())) continue;
      out.add(new Moved(m.customerId(), m.from()));
      byKind.computeIfAbsent(m.kind(), k -> new ArrayList<>())
          .add(AuditDetail.of("pool_move", "customer", m.customerId(), "from", m.from(), "to", to));
    }
    byKind.forEach((kind, entries) -> audit.recordAll(by.username(), "pool_" + kind, entries));
    return out;
  }

  private static String kindOf(String from, String to) {
    return to.isEmpty() ? "release" : from.isEmpty() ? "assign" : "reassign";
  }

  /**
   * Returns to the pool the customers the rules say are due today; runs in the caller's transaction (the daily plan).
   *
   * @return the customers returned: those whose owner has not changed since they were assessed
   */
  public List<Returned> recycle(List<Standing> standings) {
    List<Standing> due = standings.stream().filter(s -> s.status() == Standing.Status.RETURN).toList();
    // All at once (OwnerMoves): one by one, each customer cost statements of its own, and its snapshot rows the
    // aggregates of two owners in every kept snapshot (the demo's six quarters spent minutes here). The pool_event
    // takes the customer's tier in the current snapshot, as a claim's does.
    Set<String> moved = moves.apply(due.stream().map(s -> new OwnerMoveTable.Move(s.customerId(), s.owner(), "",
        "return", s.rule(), null, null)).toList(), "system", now());
    List<Returned> out = new ArrayList<>();
    List<AuditDetail> entries = new ArrayList<>();
    for (Standing s : due) {
      if (!moved.contains(s.customerId())) continue;
      entries.add(AuditDetail.of("pool_return", "customer", s.customerId(), "owner", s.owner(), "rule", s.rule(),
          "since", String.valueOf(s.since()), "return_day", String.valueOf(s.returnDay())));
      out.add(new Returned(s.customerId(), s.owner(), s.rule()));
    }
    audit.recordAll("system", "pool_return", entries);
    return out;
  }

  /** A customer whose overdue tasks move it from {@code from} to {@code to} ("" for the pool), with its audit entry. */
  public record Escalated(String customerId, String from, String to, AuditDetail why) {}

  /**
   * Moves the customers whose tasks are overdue past their tier's {@code escalation.after_days} to another rep or to
   * the pool, all at once ({@link OwnerMoves}: a first plan after a backlog can escalate tens of thousands); runs in
   * the caller's transaction (the daily plan), audited as the system's.
   *
   * @return the customers moved: those whose owner has not changed since they were assessed
   */
  public Set<String> escalate(List<Escalated> escalations) {
    Set<String> moved = moves.apply(escalations.stream().map(e -> new OwnerMoveTable.Move(e.customerId(), e.from(),
        e.to(), e.to().isEmpty() ? "return" : "reassign", "escalation", null, null)).toList(), "system", now());
    List<AuditDetail> toPool = new ArrayList<>();
    List<AuditDetail> toRep = new ArrayList<>();
    for (Escalated e : escalations) {
      if (moved.contains(e.customerId())) (e.to().isEmpty() ? toPool : toRep).add(e.why());
    }
    if (!toPool.isEmpty()) audit.recordAll("system", "task_escalation_pool", toPool);
    if (!toRep.isEmpty()) audit.recordAll("system", "task_escalation_reassign", toRep);
    return moved;
  }

  /** The holding cap of a tier in the current model: {@code owner.cap}, 0 for none or an unscored customer. */
  private int capOf(Optional<Run> run, String tier) {
    if (tier == null || run.isEmpty() || run.get().modelVersion() == null) return 0;
    for (TierRule t : models.get(run.get().modelVersion()).model().tiers()) {
      if (t.id().equals(tier)) {
        OwnerPolicy owner = t.service().owner();
        return owner.capPerRep();
      }
    }
    return 0;
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
  }
}
