package strata.server.run;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Keeps the owner stored in snapshot rows (and their KPI inputs) equal to the customer's current owner, in every kept snapshot, so lists,
 * counts, dashboards and a sales user's scope read snapshot_row alone and never disagree with the customer table.
 */
@Service
public class SnapshotOwners implements strata.server.data.OwnerFollower {
  private static final int CHUNK = 1000;

  private final JdbcClient db;
  private final SnapshotStats stats;

  SnapshotOwners(JdbcClient db, SnapshotStats stats) {
    this.db = db;
    this.stats = stats;
  }

  private record Key(long runId, String owner) {}

  /**
   * Moves customers' snapshot rows to their new owner, with the aggregates of the owners concerned. Call it in the
   * transaction that writes the customers.
   *
   * @param owners customer id to current owner, for customers inserted or whose owner changed
   */
  @Override
  public void follow(Map<String, String> owners) {
    if (owners.isEmpty()) return;
    List<Long> kept = db.sql("select id from tier_run where status = 'succeeded'").query(Long.class).list();
    if (kept.isEmpty()) return;
    List<String> ids = new ArrayList<>(owners.keySet());
    Set<Key> touched = new LinkedHashSet<>();
    List<Object[]> moves = new ArrayList<>();
    for (int from = 0; from < ids.size(); from += CHUNK) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
      List<Object> params = new ArrayList<>(kept);
      params.addAll(chunk);
      db.sql("select run_id, customer_id, owner from snapshot_row where run_id in (" + marks(kept.size())
              + ") and customer_id in (" + marks(chunk.size()) + ")")
          .params(params)
          .query((rs, n) -> {
            String now = owners.get(rs.getString(2));
            String before = rs.getString(3);
            if (!Objects.equals(now, before)) {
              moves.add(new Object[] {now, rs.getLong(1), rs.getString(2)});
              touched.add(new Key(rs.getLong(1), before));
              touched.add(new Key(rs.getLong(1), now));
            }
            return null;
          })
          .list();
    }
    if (moves.isEmpty()) return;
    for (Object[] m : moves) {
      db.sql("update snapshot_row set owner = ? where run_id = ? and customer_id = ?").params(m).update();
      db.sql("update snapshot_kpi_input set owner = ? where run_id = ? and customer_id = ?").params(m).update();
    }
    touched.forEach(k -> stats.recompute(k.runId(), k.owner()));
  }

  /**
   * Owners changed while a run scored (it read the profiles at its start): sets them on the run's rows. Runs in the
   * publishing transaction, under the data's write lock, so no customer write slips between this and publication.
   */
  void catchUp(long runId, OffsetDateTime since) {
    // Usually nobody changed a customer meanwhile: one look at the customers spares two joins with the run's million
    // rows (1.5 s of a 1M-customer run's publication on PostgreSQL, bench/README.md "A full run at 1M customers").
    long changed = db.sql("select count(*) from (select id from customer where updated_at >= ? fetch first 1 rows "
        + "only) x").param(since).query(Long.class).single();
    if (changed == 0) return;
    db.sql("update snapshot_row set owner = (select c.owner from customer c where c.id = snapshot_row.customer_id) "
            + "where run_id = ? and customer_id in (select id from customer where updated_at >= ?)")
        .params(runId, since).update();
    db.sql("update snapshot_kpi_input set owner = (select c.owner from customer c where c.id = "
            + "snapshot_kpi_input.customer_id) where run_id = ? and customer_id in "
            + "(select id from customer where updated_at >= ?)")
        .params(runId, since).update();
  }

  private static String marks(int n) {
    return String.join(", ", Collections.nCopies(n, "?"));
  }
}
