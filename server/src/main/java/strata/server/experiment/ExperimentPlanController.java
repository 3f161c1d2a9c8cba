package strata.server.experiment;

import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import strata.experiment.Experiments;
import strata.server.api.BadRequest;
import strata.server.api.NotFound;
import strata.server.data.Visible;
import strata.server.model.ModelStore;
import strata.server.run.Run;
import strata.server.run.RunStore;
import strata.tier.TierModel;
import strata.tier.TierRule;

/**
 * Before an experiment is declared: the minimum detectable effect on the repurchase rate (two-sided 5 %, power 80 %)
 * of a holdout share over a duration, per tier and over the tiers together, from the latest snapshot's customers of
 * those tiers (all of them: an experiment holds out across owners, so the planners who may change the model, admins
 * and analysts, read it) and their baseline, the share who bought in the duration up to its as-of day. For an
 * experiment the current model declares, its tiers, share and duration ({@code holdout.days}) are the defaults.
 */
@RestController
@RequestMapping("/api/v1/experiments")
class ExperimentPlanController {
  /** @param from, asOf the baseline window: the duration's days up to the snapshot's as-of day */
  record Plan(long runId, LocalDate from, LocalDate asOf, double share, int days, List<ExperimentView.Mde> mde) {}

  private final RunStore runs;
  private final ModelStore models;
  private final JdbcClient db;
  private final int defaultDays;

  ExperimentPlanController(RunStore runs, ModelStore models, JdbcClient db,
      @Value("${strata.experiments.duration-days:90}") int defaultDays) {
    this.runs = runs;
    this.models = models;
    this.db = db;
    this.defaultDays = defaultDays;
  }

  /**
   * @param tiers the tiers the experiment would span; the experiment's, else all of the model's, when none
   * @param share required unless {@code experiment} is given
   * @param days the planned duration; by default the experiment's, else the server's
   *     ({@code strata.experiments.duration-days})
   * @param experiment an experiment the current snapshot's model declares, whose design fills what is not given
   * @throws BadRequest for a share outside (0, 1), a duration outside 1..3650 days, a tier the model lacks or an
   *     experiment it does not declare
   */
  @GetMapping("/plan")
  Plan plan(@RequestParam(required = false) List<String> tiers, @RequestParam(required = false) Double share,
      @RequestParam(required = false) Integer days, @RequestParam(required = false) String experiment) {
    Run run = runs.current().orElseThrow(() -> new NotFound("no run has succeeded yet"));
    TierModel model = models.get(run.modelVersion()).model();
    Experiments.Experiment declared = experiment == null ? null : Experiments.in(model).stream()
        .filter(x -> x.id().equals(experiment)).findFirst()
        .orElseThrow(() -> new BadRequest("experiment", "'" + experiment + "' is not declared by model version "
            + run.modelVersion()));
    if (share == null && declared == null) throw new BadRequest("share", "required without an experiment");
    if (share == null) share = declared.share();
    if (!(share > 0 && share < 1)) throw new BadRequest("share", "between 0 and 1 (exclusive), got " + share);
    if (days == null && declared != null) days = declared.days();
    int duration = days == null ? defaultDays : days;
    if (duration < 1 || duration > 3650) throw new BadRequest("days", "between 1 and 3650, got " + duration);
    List<String> modelTiers = model.tiers().stream().map(TierRule::id).toList();
    if ((tiers == null || tiers.isEmpty()) && declared != null) tiers = declared.tiers();
    List<String> chosen = tiers == null || tiers.isEmpty() ? modelTiers : tiers;
    for (String t : chosen) {
      if (!modelTiers.contains(t)) throw new BadRequest("tiers", "'" + t + "' is not a tier of " + modelTiers);
    }
    LocalDate from = run.asOf().minusDays(duration - 1L);
    Map<String, long[]> counts = new LinkedHashMap<>(); // tier -> {customers, bought in the window}
    for (String t : modelTiers) if (chosen.contains(t)) counts.put(t, new long[2]);
    db.sql("select r.tier, count(*), count(b.customer_id) from snapshot_row r left join (select distinct p.customer_id "
        + "from purchase p where p.purchase_day >= ? and p.purchase_day <= ? and " + Visible.rows("p") + ") b on "
        + "b.customer_id = r.customer_id where r.run_id = ? group by r.tier").params(from, run.asOf(), run.id())
        .query((ResultSet rs) -> {
          long[] c = counts.get(rs.getString(1));
          if (c != null) {
            c[0] = rs.getLong(2);
            c[1] = rs.getLong(3);
          }
        });
    List<ExperimentView.Mde> out = new ArrayList<>();
    long[] all = new long[2];
    double held = share;
    counts.forEach((t, c) -> {
      out.add(ExperimentView.mdeOf(t, held, c[0], c[1]));
      all[0] += c[0];
      all[1] += c[1];
    });
    out.add(ExperimentView.mdeOf("", held, all[0], all[1]));
    return new Plan(run.id(), from, run.asOf(), share, duration, out);
  }
}
