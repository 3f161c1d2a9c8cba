package strata.forecast;

import java.time.LocalDate;
import java.util.List;

/**
 * Customers per (tier at {@code from}, tier at {@code to}) between two consecutive snapshots of one model version:
 * what a forecast and a backtest need of a history, small enough for a server to get from one GROUP BY per pair.
 *
 * @param tiers tier ids in model order, highest ranked first; {@code counts[i][j]} moved from tier i to tier j
 */
public record TransitionCounts(LocalDate from, LocalDate to, String modelVersion, List<String> tiers,
    long[][] counts) {
  public TransitionCounts {
    if (!from.isBefore(to)) {
      throw new ForecastException("snapshots must be in as-of order without repeats: " + from + " then " + to);
    }
    tiers = List.copyOf(tiers);
    if (counts.length != tiers.size()) throw new ForecastException("one row of counts per tier expected");
    for (long[] row : counts) {
      if (row.length != tiers.size()) throw new ForecastException("one column of counts per tier expected");
      for (long c : row) if (c < 0) throw new ForecastException("transition counts cannot be negative");
    }
  }

  /** Counts the customers present in both snapshots, which must be of one model version. */
  public static TransitionCounts between(TierSnapshot a, TierSnapshot b) {
    if (!a.modelVersion().equals(b.modelVersion())) {
      throw new ForecastException("snapshots " + a.asOf() + " and " + b.asOf() + " are of model versions "
          + a.modelVersion() + " and " + b.modelVersion() + "; tiers of different models are not mixed");
    }
    long[][] counts = new long[b.tiers().size()][b.tiers().size()];
    a.tierByCustomer().forEach((customer, from) -> {
      String to = b.tierByCustomer().get(customer);
      if (to != null) counts[b.rank(from)][b.rank(to)]++;
    });
    return new TransitionCounts(a.asOf(), b.asOf(), b.modelVersion(), b.tiers(), counts);
  }

  /** Customers per tier at {@code from} among those still there at {@code to}. */
  long[] before() {
    long[] n = new long[tiers.size()];
    for (int i = 0; i < n.length; i++) for (long c : counts[i]) n[i] += c;
    return n;
  }

  /** Customers per tier at {@code to} among those already there at {@code from}. */
  long[] after() {
    long[] n = new long[tiers.size()];
    for (long[] row : counts) for (int j = 0; j < n.length; j++) n[j] += row[j];
    return n;
  }
}
