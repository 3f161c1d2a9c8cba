package strata.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The managers' team view per rep and tier: task counts (as the database sums them) and escalations (one by one)
 * added up into one row per rep and tier, ordered by rep, then tier.
 */
public final class TeamTally {
  /**
   * @param open open tasks, overdue ones included; done: completed within the period
   * @param toManager, reassigned, pooled escalations of the rep's tasks: the manager told, the customer handed to
   *     another rep, the customer returned to the pool
   */
  public record Row(String owner, String tier, long open, long overdue, long done, long toManager, long reassigned,
      long pooled) {}

  private final Map<List<String>, long[]> counts = new TreeMap<>(
      Comparator.comparing((List<String> k) -> k.get(0)).thenComparing(k -> k.get(1)));

  /** Adds the task counts of one rep and tier. */
  public void tasks(String owner, String tier, long open, long overdue, long done) {
    long[] c = of(owner, tier);
    c[0] += open;
    c[1] += overdue;
    c[2] += done;
  }

  /**
   * Adds one escalation of a task of rep {@code from}.
   *
   * @param kind {@code manager}, {@code reassign} or {@code pool}
   * @throws IllegalArgumentException for another kind
   */
  public void escalation(String from, String tier, String kind) {
    of(from, tier)[switch (kind) {
      case "manager" -> 3;
      case "reassign" -> 4;
      case "pool" -> 5;
      default -> throw new IllegalArgumentException("unknown escalation kind '" + kind + "'");
    }]++;
  }

  /** @return one row per rep and tier seen, by rep then tier */
  public List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    counts.forEach((k, c) -> rows.add(new Row(k.get(0), k.get(1), c[0], c[1], c[2], c[3], c[4], c[5])));
    return List.copyOf(rows);
  }

  private long[] of(String owner, String tier) {
    return counts.computeIfAbsent(List.of(owner, tier), k -> new long[6]);
  }
}
