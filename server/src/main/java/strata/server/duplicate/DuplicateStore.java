package strata.server.duplicate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import strata.identity.IdMerges;
import strata.server.api.Page;
import strata.server.api.PagedQuery;
import strata.server.run.RunMerges;
import strata.server.security.Viewer;

/** The stored review queue: pairs with both customers' contact data, decisions, and the accepted merges for runs. */
@Service
class DuplicateStore implements RunMerges {
  /** A customer of a pair as the reviewer sees it; null fields when the customer was deleted since. */
  record Side(String id, String name, String phone, String email, String owner) {}

  record Pair(long id, Side a, Side b, List<String> reasons, double score, String status, String decidedBy,
      OffsetDateTime decidedAt, String note) {}

  private static final String COLUMNS = "select d.id, d.id_a, a.name, a.phone, a.email, a.owner, d.id_b, b.name, "
      + "b.phone, b.email, b.owner, d.reasons, d.score, d.status, d.decided_by, d.decided_at, d.note";
  private static final String FROM = " from duplicate_pair d left join customer a on a.id = d.id_a "
      + "left join customer b on b.id = d.id_b";

  private final JdbcClient db;

  DuplicateStore(JdbcClient db) {
    this.db = db;
  }

  /**
   * Best first. A viewer limited to some owners sees a pair only when both customers are theirs: the other record's
   * phone and e-mail belong to someone else's customer.
   *
   * @param status pending, accepted or rejected; null for all
   */
  Page<Pair> list(Viewer viewer, String status, int page, int size) {
    List<Object> params = new ArrayList<>();
    StringBuilder where = new StringBuilder(" where ").append(viewer.ownerCondition("a.owner", params))
        .append(" and ").append(viewer.ownerCondition("b.owner", params));
    if (status != null) {
      where.append(" and d.status = ?");
      params.add(status);
    }
    return PagedQuery.page(db, COLUMNS, FROM + where, " order by d.score desc, d.id", params, page, size,
        (rs, n) -> pair(rs));
  }

  Optional<Pair> get(long id) {
    return db.sql(COLUMNS + FROM + " where d.id = ?").param(id).query((rs, n) -> pair(rs)).optional();
  }

  /**
   * Moves a pair from one status to another, if it is still in {@code from} (two reviewers at once: one wins).
   *
   * @return whether it moved
   */
  boolean move(long id, String from, String to, String by, OffsetDateTime at, String note) {
    return db.sql("update duplicate_pair set status = ?, decided_by = ?, decided_at = ?, note = ? "
        + "where id = ? and status = ?").params(to, by, at, note, id, from).update() == 1;
  }

  /**
   * The accepted pairs as merges. Sorted by id here, not by the database (whose collation differs between H2 and
   * PostgreSQL), so the smallest id of a group survives (a=b and b=c: a), on every database.
   */
  @Override
  public IdMerges current() {
    List<String[]> pairs = new ArrayList<>(db.sql("select id_a, id_b from duplicate_pair where status = 'accepted'")
        .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list());
    if (pairs.isEmpty()) return IdMerges.NONE;
    pairs.sort(java.util.Comparator.<String[], String>comparing(p -> p[0]).thenComparing(p -> p[1]));
    return IdMerges.of(pairs, List.of());
  }

  private static Pair pair(ResultSet rs) throws SQLException {
    return new Pair(rs.getLong(1), side(rs, 2), side(rs, 7), List.of(rs.getString(12).split("\\|")),
        rs.getDouble(13), rs.getString(14), rs.getString(15), rs.getObject(16, OffsetDateTime.class),
        rs.getString(17));
  }

  private static Side side(ResultSet rs, int from) throws SQLException {
    return new Side(rs.getString(from), rs.getString(from + 1), rs.getString(from + 2), rs.getString(from + 3),
        rs.getString(from + 4));
  }
}
