package strata.experiment;

import java.util.List;

/** An experiment's result: treated against held out per tier and overall, and what the reader must know. */
public record UpliftResult(List<Group> tiers, Group overall, List<Warning> warnings) {
  /** The KPIs compared; shares are 0..1, revenue in money per customer, NPS in points. */
  public enum Metric {
    REPURCHASE_RATE, RETENTION, MIGRATION_UP, MIGRATION_DOWN, REVENUE_PER_CUSTOMER, NPS;

    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** @param tier the stratum, or "" for all tiers together */
  public record Group(String tier, long treated, long heldOut, List<Comparison> comparisons) {
    public Comparison get(Metric metric) {
      return comparisons.stream().filter(c -> c.metric() == metric).findFirst().orElseThrow();
    }
  }

  /**
   * @param nTreated, nHeldOut the customers (for retention those active before; for NPS the answers) counted
   * @param treated, heldOut each group's value (NaN when a group is empty)
   * @param difference treated - held out with its interval (Newcombe for shares, Welch for revenue and NPS), or
   *     null when a group has fewer than {@link UpliftOptions#minPerGroup}
   * @param bootstrap for revenue, the percentile bootstrap interval of the same difference, else null
   */
  public record Comparison(Metric metric, long nTreated, long nHeldOut, double treated, double heldOut,
      Interval difference, Interval bootstrap) {}

  /**
   * Something the reader must know, as data: {@code peeking} (read before the planned end; detail = the planned end),
   * {@code too_few} (tier, metric: no interval), {@code unbalanced} (tier, detail = the pre-period KPI, value = its
   * standardized mean difference, above {@link Balance#THRESHOLD} in absolute value).
   */
  public record Warning(String code, String tier, String detail, double value) {}
}
