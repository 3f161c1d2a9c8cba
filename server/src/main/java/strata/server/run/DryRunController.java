package strata.server.run;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import strata.run.Progress;
import strata.run.RunResult;
import strata.run.ScoredCustomers;
import strata.server.model.ModelValidation;
import strata.tier.TierModel;

/**
 * The model editor's dry run: scores the stored data with a proposed model, as a run would, and compares it with the
 * current snapshot. Here beside the runs it reuses, so the model package need not know about runs.
 */
@RestController
@RequestMapping("/api/v1/model")
class DryRunController {
  record Proposal(@NotNull @Size(max = 1 << 20) String yaml, @Size(max = 500) String note) {}

  /**
   * @param asOf the day scored: the current snapshot's, so the two compare like with like (the policy's default
   *     without one)
   * @param movers the customers who would change tier, by their new tier's place in the model then id; at most
   *     {@link #MAX_MOVERS} ({@code moved} counts them all)
   * @param notes what a run would note, such as stored purchases dated after {@code asOf} and left out
   */
  record DryRun(java.time.LocalDate asOf, int customers, Map<String, Long> counts, Map<String, Long> current,
      List<TierFlow> flows, long moved, List<Mover> movers, List<RunNote> notes) {}

  /** A customer the proposed model would move from tier {@code from} to {@code to}. */
  record Mover(String customerId, String name, String owner, String from, String to) {}

  /** Enough to review and export a change by hand; beyond it the flows and counts tell the story. */
  static final int MAX_MOVERS = 5_000;

  private final RunService runs;
  private final RunStore runStore;
  private final JdbcClient db;

  DryRunController(RunService runs, RunStore runStore, JdbcClient db) {
    this.runs = runs;
    this.runStore = runStore;
    this.db = db;
  }

  /** How the proposed model would tier today's customers, against the current snapshot; nothing is saved. */
  @PostMapping("/dry-run")
  DryRun dryRun(@Valid @RequestBody Proposal body) {
    TierModel model = ModelValidation.check(body.yaml());
    Run current = runStore.current().orElse(null);
    List<strata.i18n.Note> notes = new ArrayList<>();
    RunResult result = runs.score(model, current == null ? null : current.asOf(), notes, Progress.NONE);
    ScoredCustomers s = result.customers();
    Map<String, String> before = new java.util.HashMap<>();
    if (current != null) {
      db.sql("select customer_id, model_tier from snapshot_row where run_id = ?").param(current.id())
          .query((java.sql.ResultSet rs) -> { before.put(rs.getString(1), rs.getString(2)); });
    }
    Map<String, Long> counts = new LinkedHashMap<>();
    model.tiers().forEach(t -> counts.put(t.id(), 0L));
    Map<List<String>, Long> flows = new LinkedHashMap<>();
    long moved = 0;
    List<int[]> moving = new ArrayList<>();
    for (int i = 0; i < s.size; i++) {
      String tier = model.tiers().get(s.tier[i]).id();
      counts.merge(tier, 1L, Long::sum);
      String was = before.get(s.customerId(i));
      flows.merge(java.util.Arrays.asList(was, tier), 1L, Long::sum);
      if (was != null && !was.equals(tier)) {
        moved++;
        moving.add(new int[] {s.tier[i], i});
      }
    }
    Map<String, Long> currentCounts = new LinkedHashMap<>();
    before.values().forEach(t -> currentCounts.merge(t, 1L, Long::sum));
    List<TierFlow> flowList = flows.entrySet().stream()
        .map(e -> new TierFlow(e.getKey().get(0), e.getKey().get(1), e.getValue())).toList();
    return new DryRun(result.asOf(), s.size, counts, currentCounts, flowList, moved, movers(moving, s, model, before),
        notes.stream().map(RunNote::of).toList());
  }

  private List<Mover> movers(List<int[]> moving, ScoredCustomers s, TierModel model, Map<String, String> before) {
    List<String> ids = moving.stream()
        .sorted(java.util.Comparator.<int[]>comparingInt(m -> m[0]).thenComparing(m -> s.customerId(m[1])))
        .limit(MAX_MOVERS).map(m -> s.customerId(m[1])).toList();
    Map<String, String[]> people = new java.util.HashMap<>();
    for (int from = 0; from < ids.size(); from += 500) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
      db.sql("select id, name, owner from customer where id in (:ids)").param("ids", chunk)
          .query((java.sql.ResultSet rs) -> { people.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)}); });
    }
    Map<String, String> now = new java.util.HashMap<>();
    moving.forEach(m -> now.put(s.customerId(m[1]), model.tiers().get(m[0]).id()));
    return ids.stream().map(id -> {
      String[] p = people.getOrDefault(id, new String[] {"", ""});
      return new Mover(id, p[0], p[1], before.get(id), now.get(id));
    }).toList();
  }
}
