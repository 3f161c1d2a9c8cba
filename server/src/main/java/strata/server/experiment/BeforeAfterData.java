package strata.server.experiment;

import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import strata.experiment.BeforeAfter;
import strata.server.model.ModelStore;
import strata.server.security.Viewer;

/**
 * The customers of a model change as core's {@link BeforeAfter.Customer}s: the snapshot of the run that first used
 * the new version, each customer touched when its tier there is one the change touched, with its revenue and whether
 * it bought in equal windows before and after the run's as-of day.
 */
@Component
class BeforeAfterData {
  /** A run that published a new model version, and the run before it. */
  record Change(long run, LocalDate asOf, int fromVersion, int toVersion, Set<String> touchedTiers) {}

  /** before: [beforeFrom, asOf]; after: [asOf + 1, afterTo], afterTo capped at the day the result is read. */
  record Window(LocalDate beforeFrom, LocalDate beforeTo, LocalDate afterFrom, LocalDate afterTo, LocalDate plannedEnd) {
    static Window of(LocalDate asOf, int days, LocalDate readOn) {
      LocalDate planned = asOf.plusDays(days);
      LocalDate to = readOn.isBefore(planned) ? readOn : planned;
      return new Window(asOf.minusDays(days - 1), asOf, asOf.plusDays(1), to.isAfter(asOf) ? to : asOf, planned);
    }

    boolean complete() {
      return !afterTo.isBefore(plannedEnd);
    }
  }

  private record RunRow(long id, LocalDate asOf, int version) {}

  private final JdbcClient db;
  private final ModelStore models;

  BeforeAfterData(JdbcClient db, ModelStore models) {
    this.db = db;
    this.models = models;
  }

  /** The given run's change, or the latest run that changed the version when run is null; empty when none did. */
  Optional<Change> change(Long run) {
    List<RunRow> runs = db.sql("select id, as_of, model_version from tier_run where status = 'succeeded' "
        + "and model_version is not null and as_of is not null order by id")
        .query((rs, n) -> new RunRow(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getInt(3))).list();
    for (int i = runs.size() - 1; i > 0; i--) {
      RunRow r = runs.get(i);
      RunRow before = runs.get(i - 1);
      if (run != null && r.id() != run) continue;
      if (r.version() == before.version()) {
        if (run != null) return Optional.empty();
        continue;
      }
      return Optional.of(new Change(r.id(), r.asOf(), before.version(), r.version(), BeforeAfter.touchedTiers(
          models.get(before.version()).model(), models.get(r.version()).model())));
    }
    return Optional.empty();
  }

  /** False when snapshot retention has removed the change's snapshot. */
  boolean kept(Change change) {
    return !db.sql("select 1 from snapshot_row where run_id = ? fetch first 1 rows only").param(change.run())
        .query(Integer.class).list().isEmpty();
  }

  /** The viewer's customers of the change's snapshot, in customer id order. */
  List<BeforeAfter.Customer> customers(Change change, Window w, Viewer viewer) {
    Map<String, double[]> money = WindowSums.of(db, change.run(), null, w.beforeFrom(), w.afterFrom(), w.afterTo());
    List<Object> scopeParams = new ArrayList<>(List.of(change.run()));
    String scope = viewer.seesAll() ? "1 = 1" : viewer.ownerCondition("c.owner", scopeParams);
    List<BeforeAfter.Customer> out = new ArrayList<>();
    db.sql("select r.customer_id, r.tier from snapshot_row r left join customer c on c.id = r.customer_id "
        + "where r.run_id = ? and " + scope + " order by r.customer_id").params(scopeParams).query((ResultSet rs) -> {
          double[] m = money.getOrDefault(rs.getString(1), new double[4]);
          out.add(new BeforeAfter.Customer(rs.getString(1), change.touchedTiers().contains(rs.getString(2)), m[2],
              m[0], m[3] > 0, m[1] > 0));
        });
    return out;
  }
}
