package strata.server.kpi;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import strata.kpi.KpiRow;
import strata.server.api.BadRequest;
import strata.server.api.Conflict;
import strata.server.api.NotFound;
import strata.server.customer.CustomerQueries;
import strata.server.run.Run;
import strata.server.run.RunStore;
import strata.server.security.Role;
import strata.server.security.Users;
import strata.server.security.Viewer;
import tools.jackson.databind.json.JsonMapper;

/**
 * KPIs by tier (README "KPIs by tier"): one snapshot's table and the trend over all snapshots with stored KPIs. A
 * sales user gets the rows of their own customers only (the owner group); a manager their team's totals (the team
 * group) and the owner groups of the team's reps; never the totals over everyone or other groups. While the start's
 * background task computes a snapshot's missing KPIs, its table answers 409 {@code kpis_computing}; the trend shows
 * the snapshots computed so far.
 */
@RestController
@RequestMapping("/api/v1")
class KpiController {
  /** The dimensions of the stored KPIs (core's KpiAccumulator). */
  static final List<String> DIMENSIONS = List.of("all", "owner", "team", "region", "industry");

  record Group(String dimension, String group, List<KpiRow> rows) {}

  record Table(long runId, LocalDate asOf, Long fromRun, LocalDate fromAsOf, boolean modelChanged,
      List<Group> groups) {}

  /** @param fromAsOf as-of day of the snapshot the period starts from; null when the period is the whole history */
  record Point(long runId, LocalDate asOf, LocalDate fromAsOf, boolean modelChanged, List<KpiRow> rows) {}

  private final JdbcClient db;
  private final JsonMapper json;
  private final CustomerQueries queries;
  private final RunStore runs;
  private final KpiTables tables;
  private final Users users;

  KpiController(JdbcClient db, JsonMapper json, CustomerQueries queries, RunStore runs, KpiTables tables,
      Users users) {
    this.tables = tables;
    this.users = users;
    this.db = db;
    this.json = json;
    this.queries = queries;
    this.runs = runs;
  }

  @GetMapping("/kpis")
  Table table(@RequestParam(required = false) Long snapshot) {
    Run run = queries.snapshot(snapshot);
    List<Stored> stored = rows(run.id(), Viewer.current());
    Long fromRun = db.sql("select max(from_run) from snapshot_kpi where run_id = ?").param(run.id())
        .query((rs, n) -> rs.getObject(1, Long.class)).optional().orElse(null);
    if (stored.isEmpty() && tables.computing(run.id())) {
      throw new Conflict("kpis_computing", "the KPIs of run " + run.id() + " are being computed; try again shortly");
    }
    if (stored.isEmpty() && !computed(run.id())) throw new NotFound("the KPIs of run " + run.id() + " are not computed");
    Map<String, Group> groups = new LinkedHashMap<>();
    boolean changed = false;
    for (Stored s : stored) {
      changed |= s.modelChanged();
      groups.computeIfAbsent(s.row().dimension() + "\u0000" + s.row().group(),
          k -> new Group(s.row().dimension(), s.row().group(), new ArrayList<>())).rows().add(s.row());
    }
    return new Table(run.id(), run.asOf(), fromRun, fromRun == null ? null : runs.get(fromRun).asOf(), changed,
        List.copyOf(groups.values()));
  }

  /**
   * The all-tiers and per-tier rows of one group in every snapshot with KPIs, oldest first, in one query: by default
   * the {@code all} group for those who see all, a manager's team group, a sales user's own owner group. A group the
   * viewer may not see has no points.
   *
   * @throws BadRequest for a dimension the KPIs do not have
   */
  @GetMapping("/kpis/trend")
  List<Point> trend(@RequestParam(required = false) String dimension, @RequestParam(required = false) String group) {
    if (dimension != null && !DIMENSIONS.contains(dimension)) {
      throw new BadRequest("dimension", "one of " + String.join(", ", DIMENSIONS) + ", got '" + dimension + "'");
    }
    Viewer v = Viewer.current();
    String dim;
    String grp;
    if (v.seesAll()) {
      dim = dimension == null ? "all" : dimension;
      grp = group == null ? "" : group;
    } else {
      String team = managedTeam(v);
      dim = dimension != null ? dimension : team != null ? "team" : "owner";
      grp = group != null ? group : dim.equals("team") ? team : v.owners().stream().findFirst().orElse(null);
      boolean mayView = dim.equals("team") ? team != null && team.equals(grp)
          : dim.equals("owner") && v.owners().contains(grp);
      if (!mayView) return List.of();
    }
    List<Point> out = new ArrayList<>();
    db.sql("select k.run_id, r.as_of, f.as_of, k.model_changed, k.figures from snapshot_kpi k "
        + "join tier_run r on r.id = k.run_id left join tier_run f on f.id = k.from_run where k.dimension = ? "
        + "and k.grp = ? order by k.run_id, k.position").params(dim, grp).query((java.sql.ResultSet rs) -> {
          long id = rs.getLong(1);
          if (out.isEmpty() || out.get(out.size() - 1).runId() != id) {
            out.add(new Point(id, rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class),
                rs.getBoolean(4), new ArrayList<>()));
          }
          out.get(out.size() - 1).rows().add(json.readValue(rs.getString(5), KpiRow.class));
        });
    return out;
  }

  /** The team whose totals a manager sees; null for other roles and a manager without a team. */
  private String managedTeam(Viewer v) {
    if (v.role() != Role.MANAGER) return null;
    return users.find(v.username()).map(Users.User::team).orElse(null);
  }

  private record Stored(boolean modelChanged, KpiRow row) {}

  /**
   * Everyone's groups for those who see all; otherwise the owner groups of the customers the viewer may see and, for
   * a manager, the team group of their team.
   */
  private List<Stored> rows(long runId, Viewer v) {
    List<Object> params = new ArrayList<>(List.of(runId));
    String where = "";
    if (!v.seesAll()) {
      where = " and ((dimension = 'owner' and " + v.ownerCondition("grp", params) + ")";
      String team = managedTeam(v);
      if (team != null) {
        where += " or (dimension = 'team' and grp = ?)";
        params.add(team);
      }
      where += ")";
    }
    return db.sql("select model_changed, figures from snapshot_kpi where run_id = ?" + where + " order by position")
        .params(params).query((rs, n) -> new Stored(rs.getBoolean(1), json.readValue(rs.getString(2), KpiRow.class)))
        .list();
  }

  private boolean computed(long runId) {
    return db.sql("select count(*) from snapshot_kpi where run_id = ?").param(runId).query(Long.class).single() > 0;
  }
}
