package strata.server.forecast;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import strata.forecast.ForecastException;
import strata.forecast.TierForecast;
import strata.forecast.TierSnapshot;
import strata.forecast.TransitionMatrix;
import strata.server.run.DowngradeRisks;
import strata.server.run.Run;
import strata.server.security.Role;
import strata.server.security.Viewer;

/**
 * downgrade_risk from the transition matrix of the current snapshot's model version over all customers (the same
 * matrix the forecast page shows an analyst), applied to each customer's rule tier in that snapshot.
 */
@Component
class StoredDowngradeRisks implements DowngradeRisks {
  private static final Viewer EVERYONE = new Viewer("strata-run", Role.ADMIN, null, null);

  private final ForecastHistory history;
  private final JdbcClient db;

  StoredDowngradeRisks(ForecastHistory history, JdbcClient db) {
    this.history = history;
    this.db = db;
  }

  @Override
  public Map<String, Double> of(Run current) {
    ForecastHistory.History h = history.read(current, EVERYONE);
    String version = Integer.toString(current.modelVersion());
    try {
      TransitionMatrix m = TransitionMatrix.of(version, current.asOf(), h.pairs(), h.modelChanges());
      return TierForecast.of(m, current.asOf(), h.current())
          .downgradeRisk(new TierSnapshot(current.asOf(), version, h.tiers(), tiers(current.id(), h.tiers())));
    } catch (ForecastException e) {
      return Map.of(); // fewer than two snapshots of this version: no history to estimate from
    }
  }

  /** Rule tiers, not overrides: the matrix is one of the rules' moves. */
  private Map<String, String> tiers(long run, List<String> known) {
    Map<String, String> tiers = new HashMap<>();
    db.sql("select customer_id, model_tier from snapshot_row where run_id = ?").param(run)
        .query((java.sql.ResultSet rs) -> {
          if (known.contains(rs.getString(2))) tiers.put(rs.getString(1), rs.getString(2));
        });
    return tiers;
  }
}
