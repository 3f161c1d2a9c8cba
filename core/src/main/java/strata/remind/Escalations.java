package strata.remind;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import strata.playbook.Escalation;
import strata.playbook.OwnerPolicy;
import strata.playbook.ServicePlan;

/**
 * What the playbooks' {@code escalation.after_days} does to overdue tasks on a day: a pure function of the overdue
 * tasks, the playbooks, the owners' book sizes and the tasks already acted on, so a re-run finds nothing left to do.
 * A customer is moved once however many of its tasks are overdue; a reassignment goes to the tier team's member
 * with the smallest book under the cap other than the current owner (ties to the one listed first), as
 * {@code owner.policy: assign} does.
 */
public final class Escalations {
  private Escalations() {}

  /**
   * One customer's move.
   *
   * @param to the new owner, "" for the pool
   * @param taskIds the customer's tasks this move answers (each acted on once)
   * @param overdueDays the oldest of them, in days past due
   */
  public record Move(String customerId, String from, String to, Escalation.Action action, String tier,
      List<Long> taskIds, int overdueDays) {}

  /** @param unassigned customers left with their owner because every other team member is at the cap */
  public record Result(List<Move> moves, List<String> unassigned) {}

  /**
   * @param playbooks each tier's playbook by tier id; tiers not listed do nothing
   * @param books customers held per owner name now
   * @param actedOn tasks escalated before, left alone
   */
  public static Result of(List<Overdue> overdue, Map<String, ServicePlan> playbooks, Map<String, Integer> books,
      Set<Long> actedOn, LocalDate today) {
    Map<String, List<Overdue>> byCustomer = new LinkedHashMap<>();
    List<Overdue> sorted = new ArrayList<>(overdue);
    sorted.sort(Comparator.comparing(Overdue::customerId).thenComparing(Overdue::due).thenComparing(Overdue::id));
    for (Overdue t : sorted) {
      ServicePlan plan = playbooks.get(t.tier());
      if (plan == null || t.owner().isEmpty() || actedOn.contains(t.id())) continue;
      Escalation e = plan.escalation();
      if (e.actAfterDays() == 0 || ChronoUnit.DAYS.between(t.due(), today) < e.actAfterDays()) continue;
      byCustomer.computeIfAbsent(t.customerId(), k -> new ArrayList<>()).add(t);
    }
    Map<String, Integer> book = new HashMap<>(books);
    List<Move> moves = new ArrayList<>();
    List<String> unassigned = new ArrayList<>();
    for (List<Overdue> tasks : byCustomer.values()) {
      Overdue oldest = tasks.get(0);
      ServicePlan plan = playbooks.get(oldest.tier());
      Escalation.Action action = plan.escalation().then();
      String to = action == Escalation.Action.POOL ? "" : successor(oldest.owner(), plan.owner(), book);
      if (to == null) {
        unassigned.add(oldest.customerId());
        continue;
      }
      book.merge(oldest.owner(), -1, Integer::sum);
      if (!to.isEmpty()) book.merge(to, 1, Integer::sum);
      moves.add(new Move(oldest.customerId(), oldest.owner(), to, action, oldest.tier(),
          tasks.stream().map(Overdue::id).toList(), (int) ChronoUnit.DAYS.between(oldest.due(), today)));
    }
    return new Result(List.copyOf(moves), List.copyOf(unassigned));
  }

  /** The team member to take over, or null when all others are at the cap. */
  private static String successor(String owner, OwnerPolicy policy, Map<String, Integer> book) {
    String best = null;
    for (String rep : policy.team()) {
      if (rep.equals(owner)) continue;
      int size = book.getOrDefault(rep, 0);
      if (policy.capPerRep() > 0 && size >= policy.capPerRep()) continue;
      if (best == null || size < book.getOrDefault(best, 0)) best = rep;
    }
    return best;
  }
}
