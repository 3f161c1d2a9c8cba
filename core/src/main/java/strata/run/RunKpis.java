package strata.run;

import java.util.List;
import strata.intake.CustomerProfile;
import strata.intake.Engagement;
import strata.kpi.CustomerState;
import strata.kpi.KpiAccumulator;
import strata.kpi.KpiTable;
import strata.kpi.SnapshotInfo;
import strata.tier.TierRule;

/** The KPIs by tier of one run, over the history up to its as-of date, in the same pass over its customers. */
public final class RunKpis {
  private RunKpis() {}

  public static KpiTable of(RunResult run) {
    KpiAccumulator kpis = new KpiAccumulator(snapshot(run), null);
    ScoredCustomers s = run.customers();
    for (int i = 0; i < s.size; i++) kpis.add(state(run, i), null);
    return kpis.result();
  }

  /** What the run is as a snapshot: its as-of date, model and whether interactions were read. */
  public static SnapshotInfo snapshot(RunResult run) {
    List<String> tiers = run.model().tiers().stream().map(TierRule::id).toList();
    boolean interactions = run.quality().stream().anyMatch(q -> q.kind().equals("interactions"));
    return new SnapshotInfo(run.asOf(), run.model().name(), run.model().version(), tiers, interactions);
  }

  /** Customer i of the run as a snapshot state (what the server stores per snapshot row). */
  public static CustomerState state(RunResult run, int i) {
    ScoredCustomers s = run.customers();
    boolean bought = s.bought(i);
    Engagement e = s.engagements == null || s.engagements[i] == null ? Engagement.NONE : s.engagements[i];
    CustomerProfile p = s.profiles == null ? null : s.profiles[i];
    return new CustomerState(s.customerId(i), run.model().tiers().get(s.tier[i]).id(),
        bought ? s.purchases.orders[i] : 0, bought ? s.purchases.distinctDays[i] : 0,
        bought ? s.purchases.netCents[i] : 0, bought ? s.purchases.lastDay[i] : -1,
        s.prediction(s.clv.clv(), i), s.prediction(s.clv.pAlive(), i), e.complaints(), e.nps(), e.npsDay(),
        e.csat(), e.csatDay(), p == null ? "" : p.owner(), p == null ? "" : p.region(), p == null ? "" : p.industry());
  }
}
