package strata.server.experiment;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import strata.experiment.Uplift;
import strata.experiment.UpliftOptions;
import strata.experiment.UpliftResult;
import strata.server.api.NotFound;
import strata.server.security.Viewer;
import strata.server.security.VisibleCustomers;

/**
 * Experiments and their results (README "Experiments"): treated against held out per tier and overall with core's
 * {@link Uplift}, computed per request over the viewer's customers only (a sales user's own, a manager's team's).
 */
@RestController
@RequestMapping("/api/v1")
class ExperimentController {
  private final ExperimentStore store;
  private final ExperimentOutcomes outcomes;
  private final VisibleCustomers customers;
  private final JdbcClient db;
  private final Clock clock;
  private final ZoneId zone;
  private final UpliftOptions options;

  ExperimentController(ExperimentStore store, ExperimentOutcomes outcomes, VisibleCustomers customers, JdbcClient db,
      ObjectProvider<Clock> clock, @Value("${strata.tasks.time-zone:Asia/Shanghai}") String zone,
      @Value("${strata.experiments.min-per-group:30}") int minPerGroup) {
    this.store = store;
    this.outcomes = outcomes;
    this.customers = customers;
    this.db = db;
    this.clock = clock.getIfAvailable(Clock::systemUTC);
    this.zone = ZoneId.of(zone);
    UpliftOptions d = UpliftOptions.DEFAULT;
    this.options = new UpliftOptions(d.confidence(), minPerGroup, d.resamples(), d.seed());
  }

  @GetMapping("/experiments")
  List<ExperimentView.Summary> list() {
    return store.all().stream().map(ExperimentView::summary).toList();
  }

  @GetMapping("/experiments/{id}")
  ExperimentView.Detail detail(@PathVariable String id) {
    ExperimentStore.Stored e = store.get(id).orElseThrow(() -> new NotFound("no experiment " + id));
    LocalDate today = LocalDate.now(clock.withZone(zone));
    LocalDate readOn = e.running() ? today : e.endedAsOf();
    ExperimentOutcomes.Outcomes o = outcomes.of(e, Viewer.current(), readOn);
    UpliftOptions seeded = new UpliftOptions(options.confidence(), options.minPerGroup(), options.resamples(), e.seed());
    UpliftResult r = Uplift.analyse(o.customers(), e.plannedEnd(), readOn, seeded);
    ExperimentOutcomes.Window w = o.window();
    return new ExperimentView.Detail(ExperimentView.summary(e), ExperimentView.strata(e, o.customers()),
        new ExperimentView.Window(w.preFrom(), w.from(), w.to()), readOn, ExperimentView.mde(e.share(), o.customers()),
        r.tiers().stream().map(ExperimentView::group).toList(), ExperimentView.group(r.overall()),
        r.warnings().stream().map(ExperimentView::warning).toList());
  }

  /**
   * The experiments a customer belongs to: its stratum (tier at the start, or its current tier if it joined one of
   * the experiment's tiers later) and whether it is held out. Shown on the 360° page so nobody serves a held-out
   * customer by hand without knowing.
   */
  @GetMapping("/customers/{id}/experiments")
  List<ExperimentView.Membership> memberships(@PathVariable String id) {
    customers.check(id, Viewer.current());
    String current = db.sql("select r.tier from snapshot_row r join current_run c on c.run_id = r.run_id "
        + "where c.id = 1 and r.customer_id = ?").param(id).query(String.class).optional().orElse(null);
    List<ExperimentView.Membership> out = new ArrayList<>();
    for (ExperimentStore.Stored e : store.running()) {
      String atStart = db.sql("select tier from snapshot_row where run_id = ? and customer_id = ?")
          .params(e.startRun(), id).query(String.class).optional().orElse(null);
      String stratum = HeldOutCustomers.stratum(e, atStart, current);
      if (stratum == null) continue;
      out.add(new ExperimentView.Membership(e.id(), stratum, e.design().assign(id, stratum).heldOut(), "running",
          e.plannedEnd()));
    }
    return out;
  }
}
