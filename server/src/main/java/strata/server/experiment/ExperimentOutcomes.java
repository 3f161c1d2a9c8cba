package strata.server.experiment;

import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import strata.server.data.Visible;
import strata.experiment.CustomerOutcome;
import strata.experiment.HoldoutDesign;
import strata.server.model.ModelStore;
import strata.server.security.Viewer;
import strata.tier.TierRule;

/**
 * The customers of an experiment as core's {@link CustomerOutcome}s, read from the stored snapshots, purchases and
 * survey answers (README "Experiments"). The cohort is the start snapshot's customers in the experiment's tiers,
 * each in its tier there (intent to treat: a customer stays in its group and stratum whatever happens later). The
 * period runs from the day after the start as-of day to the end (the ending run's as-of day, else today); the
 * pre-period is the planned duration before the start, the window the minimum detectable effect is planned on.
 */
@Component
class ExperimentOutcomes {
  /** @param to the period's last day; preFrom the first day of the pre-period */
  record Window(LocalDate preFrom, LocalDate from, LocalDate to) {}

  record Outcomes(Window window, List<CustomerOutcome> customers) {}

  private final JdbcClient db;
  private final ModelStore models;

  ExperimentOutcomes(JdbcClient db, ModelStore models) {
    this.db = db;
    this.models = models;
  }

  static Window window(ExperimentStore.Stored e, LocalDate readOn) {
    LocalDate start = e.startedAsOf();
    LocalDate end = e.endedAsOf() != null ? e.endedAsOf() : readOn;
    if (end.isBefore(start)) end = start;
    long planned = ChronoUnit.DAYS.between(start, e.plannedEnd());
    return new Window(start.minusDays(planned - 1), start.plusDays(1), end);
  }

  /** The outcomes of the customers the viewer may see, in customer id order. */
  Outcomes of(ExperimentStore.Stored e, Viewer viewer, LocalDate readOn) {
    Window w = window(e, readOn);
    Map<String, String> strata = visibleStrata(e, viewer);
    Map<String, double[]> money = WindowSums.of(db, e.startRun(), e.tiers(), w.preFrom(), w.from(), w.to());
    Map<String, Integer> nps = latestNps(strata, w);
    Map<String, Integer> moves = migrations(e, strata, w);
    HoldoutDesign design = e.design();
    List<CustomerOutcome> out = new ArrayList<>();
    strata.keySet().stream().sorted().forEach(id -> {
      String tier = strata.get(id);
      // {revenue in the period, days bought in it, pre-period revenue, days bought in the pre-period}
      double[] m = money.getOrDefault(id, new double[4]);
      boolean bought = m[1] > 0;
      boolean boughtBefore = m[3] > 0;
      out.add(new CustomerOutcome(id, tier, design.assign(id, tier).heldOut(), bought,
          boughtBefore ? Boolean.valueOf(bought) : null, moves.getOrDefault(id, 0), m[0], nps.get(id), m[2],
          boughtBefore));
    });
    return new Outcomes(w, out);
  }

  /** The cohort by customer id: its tier in the start snapshot, kept to the viewer's customers. */
  private Map<String, String> visibleStrata(ExperimentStore.Stored e, Viewer viewer) {
    List<Object> params = new ArrayList<>(List.of(e.startRun()));
    String scope = viewer.seesAll() ? "1 = 1" : viewer.ownerCondition("c.owner", params);
    Map<String, String> out = new HashMap<>();
    db.sql("select r.customer_id, r.tier from snapshot_row r left join customer c on c.id = r.customer_id "
        + "where r.run_id = ? and " + scope).params(params).query((ResultSet rs) -> {
          if (e.tiers().contains(rs.getString(2))) out.put(rs.getString(1), rs.getString(2));
        });
    return out;
  }

  /** The latest NPS answer of each cohort customer within the period. */
  private Map<String, Integer> latestNps(Map<String, String> cohort, Window w) {
    Map<String, Integer> out = new HashMap<>();
    db.sql("select customer_id, nps from survey where nps is not null and at >= ? and at < ? and "
        + Visible.rows("survey") + " order by at")
        .params(w.from().atStartOfDay(), w.to().plusDays(1).atStartOfDay()).query((ResultSet rs) -> {
          if (cohort.containsKey(rs.getString(1))) out.put(rs.getString(1), rs.getInt(2));
        });
    return out;
  }

  /**
   * +1 or -1 for a customer whose tier in the last snapshot of the period ranks above or below its stratum in that
   * snapshot's model (earlier tiers rank higher); 0 when unchanged, absent or a tier the model does not have.
   */
  private Map<String, Integer> migrations(ExperimentStore.Stored e, Map<String, String> cohort, Window w) {
    String bound = e.endRun() == null ? "" : " and id < " + e.endRun();
    Long last = db.sql("select max(id) from tier_run where status = 'succeeded' and as_of <= ? and id >= ?" + bound)
        .params(w.to(), e.startRun()).query((rs, n) -> rs.getObject(1, Long.class)).optional().orElse(null);
    Map<String, Integer> out = new HashMap<>();
    if (last == null || last == e.startRun()) return out;
    Integer version = db.sql("select model_version from tier_run where id = ?").param(last).query(Integer.class).single();
    List<String> ranks = models.get(version).model().tiers().stream().map(TierRule::id).toList();
    db.sql("select customer_id, tier from snapshot_row where run_id = ?").param(last).query((ResultSet rs) -> {
      String stratum = cohort.get(rs.getString(1));
      int before = stratum == null ? -1 : ranks.indexOf(stratum);
      int now = ranks.indexOf(rs.getString(2));
      if (before >= 0 && now >= 0 && now != before) out.put(rs.getString(1), now < before ? 1 : -1);
    });
    return out;
  }
}
