package strata.server.pool;

import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import strata.server.data.Dialect;
import strata.server.data.OwnerMoveTable;
import strata.server.run.SnapshotOwners;

/**
 * Moves many customers to new owners in the caller's transaction with the same few statements whatever their number:
 * the moves are staged ({@link OwnerMoveTable}), then one statement each locks the customers, drops the moves whose
 * customer changed owner meanwhile, moves the rest (their tasks follow: db/postgresql/V31's statement trigger, H2's
 * row trigger), writes a pool_event per customer moved and moves their snapshot rows ({@link SnapshotOwners}). A plan
 * that pools 60,000 customers spent minutes in statements per customer or per chunk of 500 (bench/README.md, "Owner
 * moves in one set").
 */
@Component
class OwnerMoves {
  private final JdbcClient db;
  private final Dialect dialect;
  private final OwnerMoveTable staged;
  private final SnapshotOwners snapshotOwners;

  OwnerMoves(JdbcClient db, Dialect dialect, OwnerMoveTable staged, SnapshotOwners snapshotOwners) {
    this.db = db;
    this.dialect = dialect;
    this.staged = staged;
    this.snapshotOwners = snapshotOwners;
  }

  /**
   * Locks the staged customers, read from the staged moves into the customers by key. Written as {@code id in (select
   * customer_id from owner_move)}, H2 ran the subquery again for each customer when the staged rows were the
   * transaction's own (not yet committed): 20,000 moves among 250,000 customers took 507 s, against 0.4 s this way
   * (bench/README.md, "H2 at 250k customers").
   */
  static final String LOCK = "select c.id from owner_move m join customer c on c.id = m.customer_id for update";

  /**
   * Moves each customer whose owner is still the move's {@code from}; a customer moved otherwise since the caller
   * read it (a claim) stays as it is. One move per customer.
   *
   * @param by the user the pool_events name
   * @return the customers moved
   */
  Set<String> apply(List<OwnerMoveTable.Move> moves, String by, OffsetDateTime now) {
    if (moves.isEmpty()) return Set.of();
    staged.stage(moves);
    // Locked first: no claim can then change an owner between the check below and the move.
    db.sql(LOCK).query(String.class).list();
    db.sql("delete from owner_move where not exists (select 1 from customer c where c.id = owner_move.customer_id "
        + "and c.owner = owner_move.from_owner)").update();
    Set<String> moved = new HashSet<>(db.sql("select customer_id from owner_move").query(String.class).list());
    if (!moved.isEmpty()) {
      db.sql(dialect.postgres()
              ? "update customer c set owner = m.to_owner, updated_at = ? from owner_move m where m.customer_id = c.id"
              // H2 has no UPDATE … FROM; its MERGE walks owner_move and finds each customer by the primary key.
              : "merge into customer c using owner_move m on c.id = m.customer_id when matched then update set "
                  + "owner = m.to_owner, updated_at = ?")
          .param(now).update();
      // A move staged without its tier and run takes the customer's in the current snapshot (PoolStore's claims do).
      db.sql("insert into pool_event (customer_id, kind, from_owner, to_owner, rule, at, by_user, tier, run_id) "
              + "select m.customer_id, m.kind, m.from_owner, m.to_owner, m.rule, ?, ?, coalesce(m.tier, (select r.tier "
              + "from snapshot_row r join current_run k on k.run_id = r.run_id where r.customer_id = m.customer_id)), "
              + "coalesce(m.run_id, (select run_id from current_run where id = 1)) from owner_move m order by m.seq")
          .params(now, by).update();
      snapshotOwners.followStaged();
    }
    staged.clear();
    return moved;
  }
}
