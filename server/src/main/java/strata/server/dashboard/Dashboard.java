package strata.server.dashboard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import strata.server.customer.CustomerFilter;
import strata.server.customer.Migrations;
import strata.server.run.Run;
import strata.server.run.RunStore;
import strata.server.run.SnapshotStats;
import strata.server.run.TierFlow;
import strata.server.security.Viewer;

/**
 * The dashboard's aggregates over one snapshot (and a sales viewer's own customers): read from those the run stored
 * when it published ({@link StoredAggregates}), or computed by the database for snapshots published before they
 * were stored.
 */
@Service
class Dashboard {
  record Kpis(long customers, long buyers, double revenue, double repeatRate, double atRiskRevenue, Double avgClv) {}

  record TierRow(String tier, long customers, double revenue) {}

  record StageRow(String stage, long customers) {}

  record RfmCell(int r, int f, long customers, double monetary) {}

  record SegmentRow(String segment, long customers) {}

  /** A cell of the value x potential matrix: star, cash_cow, rising, maintain or unknown. */
  record QuadrantRow(String quadrant, long customers, double revenue) {}

  record TrendPoint(long runId, java.time.LocalDate asOf, Map<String, Long> tiers) {}

  record MigrationFlows(long from, long to, List<TierFlow> flows) {}

  record View(Run run, Kpis kpis, List<TierRow> tiers, List<StageRow> lifecycle, List<RfmCell> rfm,
      List<SegmentRow> segments, List<QuadrantRow> quadrants, List<TrendPoint> trend, MigrationFlows migration) {}

  /** Trend points shown: the latest runs that still have snapshots. */
  private static final int TREND_RUNS = 12;

  private final JdbcClient db;
  private final RunStore runs;
  private final Migrations migrations;
  private final SnapshotStats stats;
  private final StoredAggregates stored;

  Dashboard(JdbcClient db, RunStore runs, Migrations migrations, SnapshotStats stats, StoredAggregates stored) {
    this.stats = stats;
    this.stored = stored;
    this.db = db;
    this.runs = runs;
    this.migrations = migrations;
  }

  View view(Run run, Viewer v) {
    if (!stats.computed(run.id())) return computedNow(run, v);
    StoredAggregates.Stored a = stored.read(run.id(), v);
    long customers = 0, buyers = 0, repeaters = 0, revenue = 0, atRisk = 0;
    List<TierRow> tiers = new ArrayList<>();
    for (Map.Entry<String, StoredAggregates.TierSums> e : a.tiers().entrySet()) {
      StoredAggregates.TierSums t = e.getValue();
      customers += t.customers;
      buyers += t.buyers;
      repeaters += t.repeaters;
      revenue += t.revenueCents;
      // As the query over rows: revenue of the at-risk tier, or of customers whose p_alive is at most 0.5.
      atRisk += e.getKey().equals("at_risk") ? t.revenueCents : t.lowAliveCents;
      if (t.customers != 0) tiers.add(new TierRow(e.getKey(), t.customers, t.revenueCents / 100.0));
    }
    Kpis kpis = new Kpis(customers, buyers, revenue / 100.0, buyers == 0 ? 0 : repeaters / (double) buyers,
        atRisk / 100.0, a.clvCount() == 0 ? null : a.clvSum() / a.clvCount());
    List<StageRow> lifecycle = new ArrayList<>();
    a.lifecycle().forEach((stage, n) -> lifecycle.add(new StageRow(stage, n)));
    List<RfmCell> rfm = new ArrayList<>();
    a.rfm().forEach((rf, sums) -> rfm.add(new RfmCell(Integer.parseInt(rf.substring(0, rf.indexOf(','))),
        Integer.parseInt(rf.substring(rf.indexOf(',') + 1)), sums[0], sums[1] / 100.0)));
    List<SegmentRow> segments = new ArrayList<>();
    a.segments().forEach((segment, n) -> segments.add(new SegmentRow(segment, n)));
    List<QuadrantRow> quadrants = new ArrayList<>();
    a.quadrants().forEach((q, sums) -> quadrants.add(new QuadrantRow(q, sums[0], sums[1] / 100.0)));
    return new View(runs.scoped(run, v), kpis, tiers, lifecycle, rfm, segments, quadrants, trend(v), migration(v));
  }

  /** The same view computed from the snapshot's rows (snapshots published before aggregates were stored). */
  private View computedNow(Run run, Viewer v) {
    CustomerFilter.Sql s = CustomerFilter.all(run.id()).from(v, false);
    Kpis kpis = db.sql("select count(*), sum(case when r.frequency > 0 then 1 else 0 end), "
            + "coalesce(sum(r.monetary_cents), 0), sum(case when r.frequency >= 2 then 1 else 0 end), "
            + "coalesce(sum(case when r.tier = 'at_risk' or r.p_alive <= 0.5 then r.monetary_cents "
            + "else 0 end), 0), avg(r.clv)" + s.text())
        .params(s.params())
        .query((rs, n) -> {
          long buyers = rs.getLong(2);
          double avgClv = rs.getDouble(6);
          return new Kpis(rs.getLong(1), buyers, rs.getLong(3) / 100.0,
              buyers == 0 ? 0 : rs.getLong(4) / (double) buyers, rs.getLong(5) / 100.0,
              rs.wasNull() ? null : avgClv);
        })
        .single();
    List<TierRow> tiers = db.sql("select r.tier, count(*), coalesce(sum(r.monetary_cents), 0)" + s.text()
            + " group by r.tier order by r.tier").params(s.params())
        .query((rs, n) -> new TierRow(rs.getString(1), rs.getLong(2), rs.getLong(3) / 100.0)).list();
    List<StageRow> lifecycle = db.sql("select r.lifecycle, count(*)" + s.text()
            + " group by r.lifecycle order by r.lifecycle")
        .params(s.params()).query((rs, n) -> new StageRow(rs.getString(1), rs.getLong(2))).list();
    List<RfmCell> rfm = db.sql("select r.r_score, r.f_score, count(*), coalesce(sum(r.monetary_cents), 0)"
            + s.text()
            + " and r.r_score is not null group by r.r_score, r.f_score order by r.r_score, r.f_score")
        .params(s.params())
        .query((rs, n) -> new RfmCell(rs.getInt(1), rs.getInt(2), rs.getLong(3), rs.getLong(4) / 100.0)).list();
    List<SegmentRow> segments = db.sql("select r.segment, count(*)" + s.text()
            + " and r.segment is not null group by r.segment order by r.segment").params(s.params())
        .query((rs, n) -> new SegmentRow(rs.getString(1), rs.getLong(2))).list();
    List<QuadrantRow> quadrants = db.sql("select coalesce(r.quadrant, 'unknown'), count(*), "
            + "coalesce(sum(r.monetary_cents), 0)" + s.text() + " group by coalesce(r.quadrant, 'unknown') order by 1")
        .params(s.params())
        .query((rs, n) -> new QuadrantRow(rs.getString(1), rs.getLong(2), rs.getLong(3) / 100.0)).list();
    return new View(runs.scoped(run, v), kpis, tiers, lifecycle, rfm, segments, quadrants, trend(v), migration(v));
  }

  private List<TrendPoint> trend(Viewer v) {
    List<TrendPoint> out = new ArrayList<>();
    List<Run> recent = new ArrayList<>(runs.succeeded(TREND_RUNS));
    java.util.Collections.reverse(recent);
    for (Run run : recent) {
      if (stats.computed(run.id())) {
        out.add(new TrendPoint(run.id(), run.asOf(), stored.tierCounts(run.id(), v)));
        continue;
      }
      CustomerFilter.Sql s = CustomerFilter.all(run.id()).from(v, false);
      Map<String, Long> counts = new LinkedHashMap<>();
      db.sql("select r.tier, count(*)" + s.text() + " group by r.tier").params(s.params())
          .query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2))).list();
      out.add(new TrendPoint(run.id(), run.asOf(), counts));
    }
    return out;
  }

  private MigrationFlows migration(Viewer v) {
    Run[] pair = migrations.pair(null, null);
    if (pair == null) return null;
    if (java.util.Objects.equals(stats.flowsFrom(pair[1].id()), pair[0].id())) {
      return new MigrationFlows(pair[0].id(), pair[1].id(), stored.flows(pair[0].id(), pair[1].id(), v));
    }
    return new MigrationFlows(pair[0].id(), pair[1].id(), migrations.matrix(pair[0], pair[1], v).flows());
  }
}
