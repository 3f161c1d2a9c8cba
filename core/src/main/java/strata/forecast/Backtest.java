package strata.forecast;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Forecasts each past snapshot from the ones before it and sets the forecast beside what happened. The forecast of
 * snapshot k moves the customers of snapshot k − 1 who are still there at k, so forecast and actual count the same
 * customers; snapshot k is skipped when it or the history before it is not of one model version.
 */
public final class Backtest {
  private Backtest() {}

  /** @param covered the actual count lies within the 95 % interval */
  public record Row(LocalDate asOf, String tier, double expected, double low, double high, long actual,
      boolean covered) {}

  /**
   * @param history snapshots in as-of order
   * @return rows by snapshot, then tier in model order; empty when no snapshot has two of its version before it
   */
  public static List<Row> run(List<TierSnapshot> history) {
    List<TransitionCounts> pairs = new ArrayList<>();
    for (int k = 1; k < history.size(); k++) {
      TierSnapshot a = history.get(k - 1);
      TierSnapshot b = history.get(k);
      if (a.modelVersion().equals(b.modelVersion())) pairs.add(TransitionCounts.between(a, b));
    }
    return of(pairs);
  }

  /**
   * The backtest from the transition counts of consecutive snapshot pairs (in as-of order, model changes left out):
   * pair k is forecast from its start counts with the matrix of the earlier pairs of its version.
   */
  public static List<Row> of(List<TransitionCounts> pairs) {
    List<Row> rows = new ArrayList<>();
    for (int k = 1; k < pairs.size(); k++) {
      TransitionCounts pair = pairs.get(k);
      TransitionMatrix m;
      try {
        m = TransitionMatrix.of(pair.modelVersion(), pair.from(), pairs.subList(0, k), List.of());
      } catch (ForecastException e) {
        continue; // the version has no earlier pair to learn from
      }
      TierForecast f = TierForecast.of(m, pair.from(), pair.before());
      long[] outcome = pair.after();
      for (int j = 0; j < outcome.length; j++) {
        TierForecast.Row r = f.tiers().get(j);
        rows.add(new Row(pair.to(), r.tier(), r.expected(), r.low(), r.high(), outcome[j],
            outcome[j] >= r.low() && outcome[j] <= r.high()));
      }
    }
    return rows;
  }
}
