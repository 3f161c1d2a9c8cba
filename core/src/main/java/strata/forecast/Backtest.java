package strata.forecast;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
    List<Row> rows = new ArrayList<>();
    for (int k = 2; k < history.size(); k++) {
      TierSnapshot before = history.get(k - 1);
      TierSnapshot actual = history.get(k);
      if (!before.modelVersion().equals(actual.modelVersion())) continue;
      TransitionMatrix m;
      try {
        m = TransitionMatrix.estimate(history.subList(0, k));
      } catch (ForecastException e) {
        continue; // the version of snapshot k − 1 has no earlier pair to learn from
      }
      Map<String, String> stayed = new HashMap<>(before.tierByCustomer());
      stayed.keySet().retainAll(actual.tierByCustomer().keySet());
      TierSnapshot start = new TierSnapshot(before.asOf(), before.modelVersion(), before.tiers(), stayed);
      long[] outcome = new long[before.tiers().size()];
      stayed.keySet().forEach(c -> outcome[actual.rank(actual.tierByCustomer().get(c))]++);
      TierForecast f = TierForecast.of(m, before.asOf(), start.counts());
      for (int j = 0; j < outcome.length; j++) {
        TierForecast.Row r = f.tiers().get(j);
        rows.add(new Row(actual.asOf(), r.tier(), r.expected(), r.low(), r.high(), outcome[j],
            outcome[j] >= r.low() && outcome[j] <= r.high()));
      }
    }
    return rows;
  }
}
