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
import strata.server.data.Dialect;
import strata.server.data.OwnerMoveTable;

/**
 * Keeps the owner stored in snapshot rows (and their KPI inputs) equal to the customer's current owner, in every kept snapshot, so lists,
 * counts, dashboards and a sales user's scope read snapshot_row alone and never disagree with the customer table.
 */
@Service
public class SnapshotOwners implements strata.server.data.OwnerFollower {
  private static final int CHUNK = 1000;

  private final JdbcClient db;
  private final SnapshotStats stats;
  private final OwnerMoveTable staged;
  private final Dialect dialect;

  SnapshotOwners(JdbcClient db, SnapshotStats stats, OwnerMoveTable staged, Dialect dialect) {
    this.db = db;
    this.stats = stats;
    this.staged = staged;
    this.dialect = dialect;
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
    List<Long> kept = kept();
    if (kept.isEmpty()) return;
    // Only the customers whose rows differ are staged: an import's new customers have no rows yet.
    List<String> ids = new ArrayList<>(owners.keySet());
    Set<String> differ = new LinkedHashSet<>();
    for (int from = 0; from < ids.size(); from += CHUNK) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
      List<Object> params = new ArrayList<>(kept);
      params.addAll(chunk);
      db.sql("select customer_id, owner from snapshot_row where run_id in (" + marks(kept.size())
              + ") and customer_id in (" + marks(chunk.size()) + ")")
          .params(params)
          .query((rs, n) -> {
            if (!Objects.equals(owners.get(rs.getString(1)), rs.getString(2))) differ.add(rs.getString(1));
            return null;
          })
          .list();
    }
    if (differ.isEmpty()) return;
    staged.stage(differ.stream().map(id -> new OwnerMoveTable.Move(id, null, owners.get(id), null, null, null, null))
        .toList());
    followStaged();
    staged.clear();
  }

  /**
   * Moves the snapshot rows of the customers staged in owner_move ({@link OwnerMoveTable}) to their staged new owner,
   * in every kept snapshot, with the aggregates of the owners concerned: one join per table, whatever the number of
   * customers. Call it in the transaction that moved the customers, before it clears the table.
   */
  public void followStaged() {
    List<Long> kept = kept();
    if (kept.isEmpty()) return;
    String runs = "r.run_id in (" + marks(kept.size()) + ")";
    Set<Key> touched = new LinkedHashSet<>();
    db.sql("select distinct r.run_id, r.owner, m.to_owner from snapshot_row r join owner_move m on m.customer_id = "
            + "r.customer_id where " + runs + " and r.owner is distinct from m.to_owner")
        .params(kept)
        .query((rs, n) -> {
          touched.add(new Key(rs.getLong(1), rs.getString(2)));
          touched.add(new Key(rs.getLong(1), rs.getString(3)));
          return null;
        })
        .list();
    if (touched.isEmpty()) return;
    for (String table : List.of("snapshot_row", "snapshot_kpi_input")) {
      db.sql(dialect.postgres()
              ? "update " + table + " r set owner = m.to_owner from owner_move m where m.customer_id = r.customer_id "
                  + "and " + runs + " and r.owner is distinct from m.to_owner"
              // H2 has no UPDATE … FROM; its MERGE walks owner_move and finds each row by the primary key.
              : "merge into " + table + " r using (select k.id as run_id, m.customer_id, m.to_owner from owner_move m "
                  + "cross join tier_run k where k.id in (" + marks(kept.size()) + ")) s on r.run_id = s.run_id and "
                  + "r.customer_id = s.customer_id when matched and r.owner is distinct from s.to_owner then "
                  + "update set owner = s.to_owner")
          .params(kept)
          .update();
    }
    touched.forEach(k -> stats.recompute(k.runId(), k.owner()));
  }

  private List<Long> kept() {
    return db.sql("select id from tier_run where status = 'succeeded'").query(Long.class).list();
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
