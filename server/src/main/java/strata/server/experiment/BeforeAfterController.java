package strata.server.experiment;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import strata.experiment.BeforeAfter;
import strata.experiment.ExperimentText;
import strata.experiment.UpliftOptions;
import strata.server.api.BadRequest;
import strata.server.api.NotFound;
import strata.server.experiment.ExperimentView.Diff;
import strata.server.experiment.ExperimentView.Text;
import strata.server.experiment.ExperimentView.Warning;
import strata.server.security.Viewer;

/**
 * Before/after of the latest model change, or of a given run's (README "Experiments"): core's {@link BeforeAfter}
 * over the viewer's customers only, labelled as weaker evidence than a control group.
 */
@RestController
@RequestMapping("/api/v1")
class BeforeAfterController {
  record Change(long run, LocalDate asOf, int fromVersion, int toVersion, List<String> touchedTiers) {}

  record Window(LocalDate beforeFrom, LocalDate beforeTo, LocalDate afterFrom, LocalDate afterTo,
      LocalDate plannedEnd, boolean complete) {}

  record Evidence(String code, Text text) {}

  record Comparison(String metric, Text label, long touched, long untouched, Double touchedBefore,
      Double touchedAfter, Double untouchedBefore, Double untouchedAfter, Diff difference) {}

  /** change is null (and the rest empty) when no run has changed the model version yet. */
  record Detail(Change change, Window window, LocalDate readOn, Evidence evidence, List<Comparison> comparisons,
      List<Warning> warnings) {}

  private final BeforeAfterData data;
  private final Clock clock;
  private final ZoneId zone;
  private final int minPerGroup;

  BeforeAfterController(BeforeAfterData data, ObjectProvider<Clock> clock,
      @Value("${strata.tasks.time-zone:Asia/Shanghai}") String zone,
      @Value("${strata.experiments.min-per-group:30}") int minPerGroup) {
    this.data = data;
    this.clock = clock.getIfAvailable(Clock::systemUTC);
    this.zone = ZoneId.of(zone);
    this.minPerGroup = minPerGroup;
  }

  @GetMapping("/before-after")
  Detail beforeAfter(@RequestParam(required = false) Long run, @RequestParam(defaultValue = "90") int days) {
    if (days < 7 || days > 730) throw new BadRequest("days", "between 7 and 730");
    Optional<BeforeAfterData.Change> found = data.change(run);
    if (found.isEmpty()) {
      if (run != null) throw new NotFound("run " + run + " did not change the model version");
      return new Detail(null, null, null, null, List.of(), List.of());
    }
    BeforeAfterData.Change c = found.get();
    if (!data.kept(c)) throw new NotFound("the snapshot of run " + c.run() + " is no longer kept");
    LocalDate readOn = LocalDate.now(clock.withZone(zone));
    BeforeAfterData.Window w = BeforeAfterData.Window.of(c.asOf(), days, readOn);
    BeforeAfter.Result r = BeforeAfter.analyse(data.customers(c, w, Viewer.current()), minPerGroup,
        UpliftOptions.DEFAULT.confidence(), w.plannedEnd().toString(), w.complete());
    return new Detail(new Change(c.run(), c.asOf(), c.fromVersion(), c.toVersion(), List.copyOf(c.touchedTiers())),
        new Window(w.beforeFrom(), w.beforeTo(), w.afterFrom(), w.afterTo(), w.plannedEnd(), w.complete()), readOn,
        new Evidence(r.evidence(), ExperimentView.text(ExperimentText::beforeAfterEvidence)),
        r.comparisons().stream().map(BeforeAfterController::comparison).toList(),
        r.warnings().stream().map(ExperimentView::warning).toList());
  }

  private static Comparison comparison(BeforeAfter.Comparison c) {
    return new Comparison(c.metric().code(), ExperimentView.text(l -> ExperimentText.metric(c.metric(), l)),
        c.touched(), c.untouched(), ExperimentView.orNull(c.touchedBefore()), ExperimentView.orNull(c.touchedAfter()),
        ExperimentView.orNull(c.untouchedBefore()), ExperimentView.orNull(c.untouchedAfter()),
        ExperimentView.diff(c.difference()));
  }
}
