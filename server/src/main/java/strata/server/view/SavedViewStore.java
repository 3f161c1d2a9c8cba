package strata.server.view;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The saved views (V19); each write is one statement, so all-or-nothing by itself. */
@Component
class SavedViewStore {
  record Stored(long id, String ownerUser, String name, boolean shared, String definition, Instant createdAt,
      Instant updatedAt) {}

  private static final String COLUMNS = "select id, owner_user, name, shared, definition, created_at, updated_at "
      + "from saved_view";

  private final JdbcClient db;

  SavedViewStore(JdbcClient db) {
    this.db = db;
  }

  /** The user's own views and everyone's shared ones, by name. */
  List<Stored> visibleTo(String username) {
    return db.sql(COLUMNS + " where owner_user = ? or shared order by lower(name), id").param(username)
        .query((rs, n) -> read(rs)).list();
  }

  /** The view when the user may see it (their own, or shared); empty otherwise, as if it did not exist. */
  Optional<Stored> visible(long id, String username) {
    return db.sql(COLUMNS + " where id = ? and (owner_user = ? or shared)").params(id, username)
        .query((rs, n) -> read(rs)).optional();
  }

  Optional<Stored> get(long id) {
    return db.sql(COLUMNS + " where id = ?").param(id).query((rs, n) -> read(rs)).optional();
  }

  long countOwnedBy(String username) {
    return db.sql("select count(*) from saved_view where owner_user = ?").param(username).query(Long.class).single();
  }

  long insert(String owner, String name, boolean shared, String definition, Instant at) {
    OffsetDateTime time = at.atOffset(ZoneOffset.UTC);
    var id = new org.springframework.jdbc.support.GeneratedKeyHolder();
    db.sql("insert into saved_view (owner_user, name, shared, definition, created_at, updated_at) "
        + "values (?, ?, ?, ?, ?, ?)").params(owner, name, shared, definition, time, time).update(id, "id");
    return id.getKey().longValue();
  }

  void update(long id, String name, boolean shared, String definition, Instant at) {
    db.sql("update saved_view set name = ?, shared = ?, definition = ?, updated_at = ? where id = ?")
        .params(name, shared, definition, at.atOffset(ZoneOffset.UTC), id).update();
  }

  void delete(long id) {
    db.sql("delete from saved_view where id = ?").param(id).update();
  }

  private static Stored read(ResultSet rs) throws SQLException {
    return new Stored(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getString(5),
        rs.getObject(6, OffsetDateTime.class).toInstant(), rs.getObject(7, OffsetDateTime.class).toInstant());
  }
}
