package strata.server.task;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import strata.plan.PlannedTask;
import strata.server.api.NotFound;
import strata.server.model.ModelValidation;
import strata.server.security.Viewer;
import strata.tier.TierModel;

/**
 * The playbook preview of the tier model page: what the current model, or the editor's unsaved one, plans for the
 * next horizon days, counted per tier and per rep, touches suppressed by caps apart. Nothing is stored. A sales user
 * or manager counts only the tasks of the owners they see.
 */
@RestController
class TaskPreview {
  /** @param suppressedByCaps planned touches a contact cap stopped (kept, not dropped) */
  record Count(long tasks, long suppressedByCaps) {}

  /**
   * @param owners counts by task owner ("" for pool customers' work)
   * @param notInModel customers of the snapshot by a tier the previewed model lacks (planned nothing); empty for the
   *     stored model
   */
  record Preview(String asOf, int horizonDays, Count total, Map<String, Count> tiers, Map<String, Count> owners,
      Map<String, Long> notInModel) {}

  /** The editor's model text, as {@code PUT /model} takes it. */
  record Proposal(@NotNull @Size(max = 1 << 20) String yaml) {}

  private final TaskPlanning planning;

  TaskPreview(TaskPlanning planning) {
    this.planning = planning;
  }

  @GetMapping("/api/v1/tasks/preview")
  Preview preview() {
    return count(planning.preview(null).orElseThrow(TaskPreview::noRun));
  }

  /**
   * The same preview for an unsaved model, checked exactly as saving checks it (422 with the located errors).
   * Its playbooks plan the current snapshot's tiers; the conditions apply from the next run (see the dry run).
   */
  @PostMapping("/api/v1/tasks/preview")
  Preview previewProposal(@Valid @RequestBody Proposal body) {
    TierModel model = ModelValidation.check(body.yaml());
    return count(planning.preview(model).orElseThrow(TaskPreview::noRun));
  }

  private static NotFound noRun() {
    return new NotFound("no run has succeeded yet");
  }

  private Preview count(TaskPlanning.Draft draft) {
    Viewer viewer = Viewer.current();
    List<PlannedTask> shown = draft.plan().tasks().stream()
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
        counts(owners), viewer.seesAll() ? draft.notInModel() : Map.of());
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
