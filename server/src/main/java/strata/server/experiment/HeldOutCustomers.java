package strata.server.experiment;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import strata.server.api.InList;

/**
 * Which running experiments hold customers out, for work done by hand: a task made for a held-out customer is allowed,
 * but the caller is warned and it is audited with the experiment, so nobody "fixes" a control group silently (README
 * "Experiments").
 */
@Component
public class HeldOutCustomers {
  /** A customer in the control group of a running experiment. */
  public record HeldOut(String customerId, String experiment) {}

  private final ExperimentStore store;
  private final JdbcClient db;

  HeldOutCustomers(ExperimentStore store, JdbcClient db) {
    this.store = store;
    this.db = db;
  }

  /** @return the held-out ones among {@code customerIds}, in their order, each with the experiments in id order */
  public List<HeldOut> of(List<String> customerIds) {
    List<ExperimentStore.Stored> running = new ArrayList<>(store.running());
    if (running.isEmpty() || customerIds.isEmpty()) return List.of();
    running.sort((a, b) -> a.id().compareTo(b.id()));
    Map<String, String> current = tiers(customerIds, "select r.customer_id, r.tier from snapshot_row r join current_run c "
        + "on c.run_id = r.run_id where c.id = 1 and r.customer_id in (%s)", null);
    Map<String, Map<String, String>> atStart = new HashMap<>();
    for (ExperimentStore.Stored e : running) {
      atStart.put(e.id(), tiers(customerIds, "select customer_id, tier from snapshot_row where customer_id in (%s) and "
          + "run_id = ?", e.startRun()));
    }
    List<HeldOut> out = new ArrayList<>();
    for (String id : customerIds) {
      for (ExperimentStore.Stored e : running) {
        String stratum = stratum(e, atStart.get(e.id()).get(id), current.get(id));
        if (stratum != null && e.design().assign(id, stratum).heldOut()) out.add(new HeldOut(id, e.id()));
      }
    }
    return out;
  }

  /**
   * A customer's stratum in an experiment: its tier in the start snapshot, or its current tier if it joined one of
   * the experiment's tiers later; null when it is in none of them.
   */
  static String stratum(ExperimentStore.Stored e, String tierAtStart, String currentTier) {
    if (tierAtStart != null && e.tiers().contains(tierAtStart)) return tierAtStart;
    return currentTier != null && e.tiers().contains(currentTier) ? currentTier : null;
  }

  private Map<String, String> tiers(List<String> ids, String sql, Long run) {
    Map<String, String> out = new HashMap<>();
    InList.query(ids, chunk -> db.sql(String.format(sql, chunk.marks()))
        .params(run == null ? chunk.params() : chunk.params(run))
        .query((ResultSet rs, int n) -> new String[] {rs.getString(1), rs.getString(2)}).list())
        .forEach(r -> out.put(r[0], r[1]));
    return out;
  }
}
