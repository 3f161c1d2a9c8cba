package strata.server.task;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import strata.plan.Plan;
import strata.plan.PlannedTask;
import strata.server.api.NotFound;
import strata.server.security.Viewer;

/**
 * The playbook preview of the tier model page: what the current model plans for the next horizon days, counted per
 * tier and per rep, touches suppressed by caps apart. Nothing is stored. A sales user or manager counts only the
 * tasks of the owners they see.
 */
@RestController
class TaskPreview {
  /** @param suppressedByCaps planned touches a contact cap stopped (kept, not dropped) */
  record Count(long tasks, long suppressedByCaps) {}

  /** @param owners counts by task owner ("" for pool customers' work) */
  record Preview(String asOf, int horizonDays, Count total, Map<String, Count> tiers, Map<String, Count> owners) {}

  private final TaskPlanning planning;

  TaskPreview(TaskPlanning planning) {
    this.planning = planning;
  }

  @GetMapping("/api/v1/tasks/preview")
  Preview preview() {
    Viewer viewer = Viewer.current();
    Plan plan = planning.preview().orElseThrow(() -> new NotFound("no run has succeeded yet"));
    List<PlannedTask> shown = plan.tasks().stream()
        .filter(t -> t.status() == PlannedTask.Status.OPEN || t.status() == PlannedTask.Status.SUPPRESSED)
        .filter(t -> viewer.seesAll() || viewer.owners().contains(t.owner())).toList();
    Map<String, long[]> tiers = new TreeMap<>();
    Map<String, long[]> owners = new TreeMap<>();
    long[] total = new long[2];
    for (PlannedTask t : shown) {
      boolean capped = t.status() == PlannedTask.Status.SUPPRESSED && t.stoppedBy() != null
          && t.stoppedBy().code().equals("cap");
      for (long[] c : List.of(total, tiers.computeIfAbsent(t.why().tier(), k -> new long[2]),
          owners.computeIfAbsent(t.owner(), k -> new long[2]))) {
        if (t.status() == PlannedTask.Status.OPEN) c[0]++;
        if (capped) c[1]++;
      }
    }
    return new Preview(planning.today().toString(), planning.horizonDays(), count(total), counts(tiers),
        counts(owners));
  }

  private static Map<String, Count> counts(Map<String, long[]> raw) {
    Map<String, Count> out = new TreeMap<>();
    raw.forEach((k, v) -> out.put(k, count(v)));
    return out;
  }

  private static Count count(long[] c) {
    return new Count(c[0], c[1]);
  }
}
