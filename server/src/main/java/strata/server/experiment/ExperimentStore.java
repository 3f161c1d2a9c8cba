package strata.server.experiment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import strata.experiment.HoldoutDesign;
import strata.experiment.Holdouts;

/** The stored experiments (V15) and what reproduces their groups: the frozen cutoffs and the start snapshot. */
@Component
public class ExperimentStore {
  /**
   * @param enrolled per tier, the customers of the start snapshot in it
   * @param endCode null while the experiment runs
   */
  record Stored(String id, double share, List<String> tiers, List<String> scopes, int modelVersion, long startRun,
      LocalDate startedAsOf, OffsetDateTime startedAt, LocalDate plannedEnd, long seed, OffsetDateTime endedAt,
      LocalDate endedAsOf, Long endRun, String endCode, String endDetail, Map<String, Double> cutoffs,
      Map<String, Integer> enrolled) {
    boolean running() {
      return endCode == null;
    }

    HoldoutDesign design() {
      return new HoldoutDesign(id, share, cutoffs);
    }
  }

  private final JdbcClient db;

  ExperimentStore(JdbcClient db) {
    this.db = db;
  }

  /** @return every experiment, the running ones first, then the latest started first */
  List<Stored> all() {
    List<Stored> out = db.sql("select * from experiment order by case when end_code is null then 0 else 1 end, "
        + "started_at desc, id").query((rs, n) -> read(rs)).list();
    return out.stream().map(this::withStrata).toList();
  }

  Optional<Stored> get(String id) {
    return db.sql("select * from experiment where id = ?").param(id).query((rs, n) -> read(rs)).optional()
        .map(this::withStrata);
  }

  List<Stored> running() {
    return all().stream().filter(Stored::running).toList();
  }

  boolean exists(String id) {
    return db.sql("select count(*) from experiment where id = ?").param(id).query(Long.class).single() > 0;
  }

  /** In the caller's transaction. */
  void start(Stored e) {
    db.sql("insert into experiment (id, share, tiers, scopes, model_version, start_run, started_as_of, started_at, "
            + "planned_end, seed) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(e.id(), e.share(), String.join(",", e.tiers()), String.join(",", e.scopes()), e.modelVersion(),
            e.startRun(), e.startedAsOf(), e.startedAt(), e.plannedEnd(), e.seed()).update();
    e.cutoffs().forEach((tier, cutoff) -> db.sql("insert into experiment_stratum (experiment_id, tier, cutoff, "
        + "enrolled) values (?, ?, ?, ?)").params(e.id(), tier, cutoff, e.enrolled().getOrDefault(tier, 0)).update());
  }

  /** Ends a running experiment, in the caller's transaction; @return false when it had ended already. */
  boolean end(String id, String code, String detail, long run, LocalDate asOf, OffsetDateTime at) {
    return db.sql("update experiment set end_code = ?, end_detail = ?, end_run = ?, ended_as_of = ?, ended_at = ? "
        + "where id = ? and end_code is null").params(code, detail, run, asOf, at, id).update() == 1;
  }

  /** The planner's view: the running experiments' designs and each enrolled customer's stratum. */
  public Holdouts holdouts() {
    Map<String, HoldoutDesign> designs = new HashMap<>();
    Map<String, Map<String, String>> strata = new HashMap<>();
    for (Stored e : running()) {
      designs.put(e.id(), e.design());
      strata.put(e.id(), strata(e));
    }
    return new Holdouts(designs, strata);
  }

  /** Customer id to its tier in the start snapshot, for the customers enrolled there (in the experiment's tiers). */
  Map<String, String> strata(Stored e) {
    Map<String, String> out = new HashMap<>();
    db.sql("select customer_id, tier from snapshot_row where run_id = ?").param(e.startRun()).query((ResultSet rs) -> {
      if (e.tiers().contains(rs.getString(2))) out.put(rs.getString(1), rs.getString(2));
    });
    return out;
  }

  private Stored withStrata(Stored e) {
    Map<String, Double> cutoffs = new LinkedHashMap<>();
    Map<String, Integer> enrolled = new LinkedHashMap<>();
    db.sql("select tier, cutoff, enrolled from experiment_stratum where experiment_id = ? order by tier")
        .param(e.id()).query((ResultSet rs) -> {
          cutoffs.put(rs.getString(1), rs.getDouble(2));
          enrolled.put(rs.getString(1), rs.getInt(3));
        });
    return new Stored(e.id(), e.share(), e.tiers(), e.scopes(), e.modelVersion(), e.startRun(), e.startedAsOf(),
        e.startedAt(), e.plannedEnd(), e.seed(), e.endedAt(), e.endedAsOf(), e.endRun(), e.endCode(), e.endDetail(),
        cutoffs, enrolled);
  }

  private static Stored read(ResultSet rs) throws SQLException {
    return new Stored(rs.getString("id"), rs.getDouble("share"), split(rs.getString("tiers")),
        split(rs.getString("scopes")), rs.getInt("model_version"), rs.getLong("start_run"),
        rs.getObject("started_as_of", LocalDate.class), rs.getObject("started_at", OffsetDateTime.class),
        rs.getObject("planned_end", LocalDate.class), rs.getLong("seed"),
        rs.getObject("ended_at", OffsetDateTime.class), rs.getObject("ended_as_of", LocalDate.class),
        rs.getObject("end_run", Long.class), rs.getString("end_code"), rs.getString("end_detail"), Map.of(), Map.of());
  }

  private static List<String> split(String s) {
    return s.isEmpty() ? List.of() : Arrays.asList(s.split(","));
  }
}
