package strata.server.notify;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import strata.server.api.NotFound;
import strata.server.api.Page;
import strata.server.api.PagedQuery;

/** The notification table: written once per key, read and marked read by its user only. */
@Component
class NotificationStore {
  private final JdbcClient db;

  NotificationStore(JdbcClient db) {
    this.db = db;
  }

  /** @return the new notice's id, or null when a notice of that key exists (sent on an earlier plan) */
  Long add(String key, String username, String kind, Long taskId, String customerId, String zh, String en,
      OffsetDateTime now) {
    // Callers hold the plan's lock (task_plan row), so check-then-insert does not race; the unique key backs it up.
    if (db.sql("select count(*) from notification where notify_key = ?").param(key).query(Long.class).single() > 0) {
      return null;
    }
    var id = new org.springframework.jdbc.support.GeneratedKeyHolder();
    db.sql("insert into notification (notify_key, username, kind, task_id, customer_id, text_zh, text_en, created_at) "
            + "values (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(key, username, kind, taskId, customerId, zh, en, now).update(id, "id");
    return id.getKey().longValue();
  }

  Page<Notification> list(String username, boolean unreadOnly, int page, int size) {
    List<Object> params = new ArrayList<>(List.of(username));
    String where = " from notification where username = ?" + (unreadOnly ? " and read_at is null" : "");
    return PagedQuery.page(db, "select id, kind, task_id, customer_id, text_zh, text_en, created_at, read_at", where,
        " order by id desc", params, page, size, NotificationStore::notification);
  }

  long unread(String username) {
    return db.sql("select count(*) from notification where username = ? and read_at is null").param(username)
        .query(Long.class).single();
  }

  /** @throws NotFound when the notice is not the user's (others' ids cannot be probed) */
  Notification markRead(long id, String username, OffsetDateTime now) {
    db.sql("update notification set read_at = ? where id = ? and username = ? and read_at is null")
        .params(now, id, username).update();
    return db.sql("select id, kind, task_id, customer_id, text_zh, text_en, created_at, read_at from notification "
            + "where id = ? and username = ?").params(id, username).query(NotificationStore::notification).optional()
        .orElseThrow(() -> new NotFound("no notification " + id));
  }

  int markAllRead(String username, OffsetDateTime now) {
    return db.sql("update notification set read_at = ? where username = ? and read_at is null").params(now, username)
        .update();
  }

  private static Notification notification(ResultSet rs, int row) throws SQLException {
    long task = rs.getLong(3);
    Long taskId = rs.wasNull() ? null : task;
    OffsetDateTime read = rs.getObject(8, OffsetDateTime.class);
    return new Notification(rs.getLong(1), rs.getString(2), taskId, rs.getString(4),
        new Notification.Text(rs.getString(5), rs.getString(6)), rs.getObject(7, OffsetDateTime.class).toInstant(),
        read == null ? null : read.toInstant());
  }
}
