package strata.server.pool;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import strata.server.api.Page;
import strata.server.api.PagedQuery;

/** The pool's rows: customers whose owner is "" and the pool_event history of moves in and out. */
@Component
class PoolStore {
  /** Each move records the customer's tier in the current snapshot and that snapshot's run (null before any). */
  static final String CURRENT_TIER = "(select r.tier from snapshot_row r join current_run k on k.run_id = r.run_id "
      + "where r.customer_id = ?)";
  static final String CURRENT_RUN = "(select run_id from current_run where id = 1)";

  private final JdbcClient db;
  private final strata.server.data.OwnerFollower snapshotOwners;

  PoolStore(JdbcClient db, strata.server.data.OwnerFollower snapshotOwners) {
    this.db = db;
    this.snapshotOwners = snapshotOwners;
  }

  /**
   * A page of pool customers by id, with their tier in the given snapshot and the latest move into the pool.
   *
   * @param runId the current snapshot, null before any run
   * @param after the id of the last customer shown ({@link #cursor}), or null for the offset's page
   */
  Page<Pooled> list(Long runId, String tier, String q, int page, int size, String after) {
    List<Object> params = new ArrayList<>();
    params.add(runId == null ? -1L : runId);
    StringBuilder where = new StringBuilder(" from customer c left join snapshot_row r on r.customer_id = c.id "
        + "and r.run_id = ? left join pool_event e on e.id = (select max(x.id) from pool_event x "
        + "where x.customer_id = c.id and x.to_owner = '') where c.owner = ''");
    if (tier != null && !tier.isBlank()) {
      where.append(" and r.tier = ?");
      params.add(tier);
    }
    if (q != null && !q.isBlank()) {
      // The search is literal: LIKE's wildcards and the escape character in it match themselves.
      where.append(" and (lower(c.id) like ? escape '\\' or lower(c.name) like ? escape '\\')");
      String literal = q.strip().toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
          .replace("_", "\\_");
      String like = "%" + literal + "%";
      params.add(like);
      params.add(like);
    }
    String columns = "select c.id, c.name, c.industry, c.region, r.tier, e.at, e.from_owner, e.rule";
    if (after == null) {
      Page<Pooled> offset = PagedQuery.page(db, columns, where.toString(), " order by c.id", params, page, size,
          PoolStore::pooled);
      boolean more = offset.items().size() == size && (long) (page + 1) * size < offset.total();
      return more ? offset.withNext(cursor(offset.items().get(size - 1).id())) : offset;
    }
    long total = db.sql("select count(*)" + where).params(params).query(Long.class).single();
    List<Object> afterParams = new ArrayList<>(params);
    afterParams.add(after);
    // One row more than the page says whether another follows.
    List<Pooled> items = PagedQuery.items(db, columns, where + " and c.id > ?", " order by c.id", afterParams, 0,
        size + 1, PoolStore::pooled);
    Page<Pooled> answer = new Page<>(items.subList(0, Math.min(size, items.size())), page, size, total);
    return items.size() > size ? answer.withNext(cursor(items.get(size - 1).id())) : answer;
  }

  /**
   * The pool's {@code after=} cursor: the last shown id, base64url so that it travels in a URL as it is. Not signed:
   * the pool is the same for everyone who may list it, so a forged one only picks a starting point.
   */
  static String cursor(String lastId) {
    return java.util.Base64.getUrlEncoder().withoutPadding()
        .encodeToString(lastId.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** The id in a {@link #cursor}; 400 {@code invalid_cursor} if it is not one. */
  static String afterId(String cursor) {
    try {
      byte[] bytes = java.util.Base64.getUrlDecoder().decode(cursor.strip());
      return java.nio.charset.StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (IllegalArgumentException | java.nio.charset.CharacterCodingException e) {
      throw strata.server.api.BadRequest.invalidCursor("not a cursor of the pool");
    }
  }

  /** The customer's owner now ("" for the pool), or null when there is no such customer. */
  String ownerOf(String customerId) {
    return db.sql("select owner from customer where id = ?").param(customerId).query(String.class).optional()
        .orElse(null);
  }

  /** The owners of the customers that exist ("" for the pool), read 1,000 ids a statement. */
  Map<String, String> ownersOf(List<String> customerIds) {
    Map<String, String> owners = new HashMap<>();
    for (int from = 0; from < customerIds.size(); from += 1_000) {
      List<String> chunk = customerIds.subList(from, Math.min(customerIds.size(), from + 1_000));
      db.sql("select id, owner from customer where id in (:ids)").param("ids", chunk)
          .query((ResultSet rs) -> {
            owners.put(rs.getString(1), rs.getString(2));
          });
    }
    return owners;
  }

  /** The customer's tier in a snapshot, or null. */
  String tierOf(String customerId, Long runId) {
    if (runId == null) return null;
    return db.sql("select tier from snapshot_row where run_id = ? and customer_id = ?").params(runId, customerId)
        .query(String.class).optional().orElse(null);
  }

  int book(String owner) {
    return db.sql("select count(*) from customer where owner = ?").param(owner).query(Integer.class).single();
  }

  /**
   * Moves a customer from one owner to another if it still has {@code from}: the condition makes two claims of one
   * customer at once safe, the second finds the owner changed and moves nothing.
   *
   * @return true when the customer moved
   */
  boolean move(String customerId, String from, String to, String kind, String rule, String by, OffsetDateTime now) {
    int moved = db.sql("update customer set owner = ?, updated_at = ? where id = ? and owner = ?")
        .params(to, now, customerId, from).update();
    if (moved == 0) return false;
    db.sql("insert into pool_event (customer_id, kind, from_owner, to_owner, rule, at, by_user, tier, run_id) "
            + "values (?, ?, ?, ?, ?, ?, ?, " + CURRENT_TIER + ", " + CURRENT_RUN + ")")
        .params(customerId, kind, from, to, rule, now, by, customerId).update();
    // Snapshot rows carry the owner for lists, counts and scoping: they move with the customer.
    snapshotOwners.follow(java.util.Map.of(customerId, to));
    return true;
  }

  /** Locks a user's row until the transaction ends: one rep's claims take turns, so the cap is counted after each. */
  void lockUser(String username) {
    db.sql("select username from app_user where username = ? for update").param(username).query(String.class).list();
  }

  private static Pooled pooled(ResultSet rs, int row) throws SQLException {
    OffsetDateTime since = rs.getObject(6, OffsetDateTime.class);
    return new Pooled(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
        since == null ? null : since.toInstant(), rs.getString(7), rs.getString(8));
  }
}
