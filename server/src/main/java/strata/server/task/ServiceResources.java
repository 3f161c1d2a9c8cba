package strata.server.task;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import strata.playbook.Channel;
import strata.playbook.RepHours;
import strata.playbook.ResourceLines;
import strata.server.model.ModelStore;
import strata.server.run.Run;
import strata.server.run.RunStore;
import strata.server.security.Viewer;

/**
 * The tiers' budget lines ({@code service.resources}) over the customers the viewer sees in the current snapshot: a
 * rep's own, a manager's team's, everyone's for admins and analysts ({@link ResourceLines}); and the reps' open work
 * in hours split by tier beside each tier's share of the reps' hours ({@link RepHours}).
 */
@RestController
class ServiceResources {
  private final JdbcClient db;
  private final RunStore runs;
  private final ModelStore models;

  ServiceResources(JdbcClient db, RunStore runs, ModelStore models) {
    this.db = db;
    this.runs = runs;
    this.models = models;
  }

  /** One line per tier of the current snapshot's model, in its order; empty before any run succeeded. */
  @GetMapping("/api/v1/tasks/resources")
  List<ResourceLines.Line> lines() {
    Run run = runs.current().orElse(null);
    if (run == null || run.modelVersion() == null) return List.of();
    List<Object> params = new ArrayList<>(List.of(run.id()));
    // snapshot_row carries each customer's current owner, so the scope needs no join with customer.
    String scope = Viewer.current().ownerCondition("owner", params);
    Map<String, Long> customers = new HashMap<>();
    db.sql("select tier, count(*) from snapshot_row where run_id = ? and " + scope + " group by tier").params(params)
        .query((rs, n) -> customers.put(rs.getString(1), rs.getLong(2))).list();
    return ResourceLines.of(models.get(run.modelVersion()).model(), customers);
  }

  /**
   * The open tasks of each rep the viewer sees, in hours by tier (a sales user: their own line only; a manager: the
   * team's reps), against the current model's {@code rep_hours_share}; empty before any run succeeded. A task counts
   * when both its owner and its customer's owner are the viewer's to see, so no line shows work on customers the
   * viewer may not see, nor another team's rep.
   */
  @GetMapping("/api/v1/tasks/rep-hours")
  List<RepHours.Rep> repHours() {
    Run run = runs.current().orElse(null);
    if (run == null || run.modelVersion() == null) return List.of();
    Viewer viewer = Viewer.current();
    List<Object> params = new ArrayList<>();
    String scope = viewer.ownerCondition("customer_owner", params) + " and " + viewer.ownerCondition("owner", params);
    List<RepHours.Work> work = db.sql("select owner, tier, channel, count(*) from service_task where status = 'open' "
            + "and " + scope + " group by owner, tier, channel").params(params)
        .query((rs, n) -> new RepHours.Work(rs.getString(1), rs.getString(2), Channel.of(rs.getString(3)),
            rs.getLong(4))).list();
    return RepHours.of(models.get(run.modelVersion()).model(), work);
  }
}
