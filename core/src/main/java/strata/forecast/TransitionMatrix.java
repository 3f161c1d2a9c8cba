package strata.forecast;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Tier transitions counted over consecutive snapshots of one model version: {@code counts[i][j]} customers were in
 * tier i at one snapshot and in tier j at the next. Customers who appear or leave between two snapshots are not
 * transitions. The chain is taken as the same every period (time-homogeneous Markov chain), so all pairs are summed.
 *
 * @param tiers tier ids in model order, highest ranked first
 * @param pairs consecutive snapshot pairs counted
 * @param modelChanges consecutive pairs left out because their model versions differ
 */
public record TransitionMatrix(String modelVersion, List<String> tiers, long[][] counts, int pairs,
    List<ModelChange> modelChanges) {

  /**
   * Estimates the matrix of the latest snapshot's model version from the pairs of consecutive snapshots of that
   * version.
   *
   * @param history snapshots in as-of order
   * @throws ForecastException for fewer than two snapshots, snapshots out of order, or no pair of the latest version
   */
  public static TransitionMatrix estimate(List<TierSnapshot> history) {
    if (history.size() < 2) {
      throw new ForecastException("a tier forecast needs at least two snapshots of the same model version; got "
          + history.size());
    }
    List<TransitionCounts> pairs = new ArrayList<>();
    List<ModelChange> changes = new ArrayList<>();
    for (int s = 1; s < history.size(); s++) {
      TierSnapshot a = history.get(s - 1);
      TierSnapshot b = history.get(s);
      if (!a.asOf().isBefore(b.asOf())) {
        throw new ForecastException("snapshots must be in as-of order without repeats: " + a.asOf() + " then "
            + b.asOf());
      }
      if (a.modelVersion().equals(b.modelVersion())) pairs.add(TransitionCounts.between(a, b));
      else changes.add(new ModelChange(a.asOf(), a.modelVersion(), b.asOf(), b.modelVersion()));
    }
    TierSnapshot last = history.get(history.size() - 1);
    return of(last.modelVersion(), last.asOf(), pairs, changes);
  }

  /**
   * Sums the pairs of one model version.
   *
   * @param version the model version to estimate; pairs of other versions are left out
   * @param latest as-of date named when there is no pair of the version
   */
  public static TransitionMatrix of(String version, LocalDate latest, List<TransitionCounts> pairs,
      List<ModelChange> modelChanges) {
    long[][] counts = null;
    List<String> tiers = null;
    int used = 0;
    for (TransitionCounts p : pairs) {
      if (!p.modelVersion().equals(version)) continue;
      if (counts == null) {
        tiers = p.tiers();
        counts = new long[tiers.size()][tiers.size()];
      } else if (!p.tiers().equals(tiers)) {
        throw new ForecastException("model version " + version + " has tiers " + tiers + " on one snapshot and "
            + p.tiers() + " on another");
      }
      for (int i = 0; i < counts.length; i++) for (int j = 0; j < counts.length; j++) counts[i][j] += p.counts()[i][j];
      used++;
    }
    if (used == 0) {
      throw new ForecastException("model version " + version + " has only one snapshot (" + latest + "); tiers of "
          + "earlier model versions are not mixed in, so there is nothing to forecast from yet");
    }
    return new TransitionMatrix(version, tiers, counts, used, List.copyOf(modelChanges));
  }

  /** Customers observed leaving tier i (to any tier, itself included). */
  public long rowTotal(int i) {
    long n = 0;
    for (long c : counts[i]) n += c;
    return n;
  }

  /** The estimated probability of moving from tier i to j, {@code counts[i][j] / rowTotal(i)}; null for no data. */
  public Double probability(int i, int j) {
    long n = rowTotal(i);
    return n == 0 ? null : counts[i][j] / (double) n;
  }

  /** Probability of moving from tier i to a lower ranked tier next period; null when tier i has no transitions. */
  public Double downgradeRisk(int i) {
    long n = rowTotal(i);
    if (n == 0) return null;
    long down = 0;
    for (int j = i + 1; j < counts.length; j++) down += counts[i][j];
    return down / (double) n;
  }

  public int index(String tier) {
    int k = tiers.indexOf(tier);
    if (k < 0) throw new ForecastException("tier '" + tier + "' is not in model version " + modelVersion);
    return k;
  }
}
