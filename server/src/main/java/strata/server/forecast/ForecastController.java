package strata.server.forecast;

import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import strata.forecast.Backtest;
import strata.forecast.ForecastException;
import strata.forecast.ModelChange;
import strata.forecast.TierForecast;
import strata.forecast.TransitionMatrix;
import strata.server.customer.CustomerQueries;
import strata.server.run.Run;
import strata.server.security.Viewer;

/**
 * The tier forecast of the current snapshot (README "Tier forecast"): the transition matrix of its model version,
 * next period's customers per tier with 95 % intervals, and the backtest of every past period, over the customers
 * the viewer may see. Computed per request from the stored tier flows: a few rows per snapshot pair.
 */
@RestController
@RequestMapping("/api/v1")
class ForecastController {
  /**
   * @param unavailable why there is no forecast ({@code one_snapshot}: fewer than two comparable snapshots;
   *     {@code model_changed}: the current model version has a single snapshot), null when there is one
   * @param matrix null when unavailable
   */
  record Forecast(long runId, LocalDate asOf, int modelVersion, String unavailable, List<String> tiers,
      Matrix matrix, List<TierForecast.Row> forecast, List<String> tiersWithoutHistory,
      List<ModelChange> modelChanges, List<Backtest.Row> backtest) {}

  /**
   * @param counts customers per (tier at one snapshot, tier at the next), summed over {@code pairs} snapshot pairs
   *     from {@code from} to {@code to}; {@code probabilities} the row shares, null for a row without customers
   */
  record Matrix(int pairs, LocalDate from, LocalDate to, long[][] counts, Double[][] probabilities) {}

  private final CustomerQueries queries;
  private final ForecastHistory history;

  ForecastController(CustomerQueries queries, ForecastHistory history) {
    this.queries = queries;
    this.history = history;
  }

  @GetMapping("/forecast")
  Forecast forecast() {
    Run run = queries.snapshot(null);
    ForecastHistory.History h = history.read(run, Viewer.current());
    List<Backtest.Row> backtest = Backtest.of(h.pairs());
    String version = Integer.toString(run.modelVersion());
    TransitionMatrix m;
    try {
      m = TransitionMatrix.of(version, run.asOf(), h.pairs(), h.modelChanges());
    } catch (ForecastException e) {
      String why = h.modelChanges().stream().anyMatch(c -> c.versionAfter().equals(version)) ? "model_changed"
          : "one_snapshot";
      return new Forecast(run.id(), run.asOf(), run.modelVersion(), why, h.tiers(), null, List.of(), List.of(),
          h.modelChanges(), backtest);
    }
    TierForecast f = TierForecast.of(m, run.asOf(), h.current());
    List<strata.forecast.TransitionCounts> used = h.pairs().stream().filter(p -> p.modelVersion().equals(version))
        .toList();
    Matrix matrix = new Matrix(m.pairs(), used.get(0).from(), used.get(used.size() - 1).to(), m.counts(),
        probabilities(m));
    return new Forecast(run.id(), run.asOf(), run.modelVersion(), null, m.tiers(), matrix, f.tiers(),
        f.tiersWithoutHistory(),
        h.modelChanges(), backtest);
  }

  private static Double[][] probabilities(TransitionMatrix m) {
    int k = m.tiers().size();
    Double[][] p = new Double[k][k];
    for (int i = 0; i < k; i++) for (int j = 0; j < k; j++) p[i][j] = m.probability(i, j);
    return p;
  }
}
