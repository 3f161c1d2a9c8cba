package strata.server.notify;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import strata.server.api.Page;
import strata.server.api.PagedQuery;

/**
 * The notification_delivery log shared by the email and webhook senders: what is due, and each attempt's result. A
 * failed attempt is retried after the back-off, doubled each time, until the attempts run out.
 */
@Component
class Deliveries {
  /** A delivery as the log shows it: no body, no secret. */
  record Delivery(long id, long notificationId, String channel, String target, String status, int attempts,
      OffsetDateTime nextAttemptAt, Integer lastStatus, String lastError, OffsetDateTime createdAt,
      OffsetDateTime deliveredAt) {}

  /** A delivery to attempt. */
  /** @param subject a mail's, in its reader's language; null for webhooks and for mails queued before it was kept */
  record Due(long id, String target, String subject, String body, int attempts) {}

  private final JdbcClient db;

  Deliveries(JdbcClient db) {
    this.db = db;
  }

  void enqueue(long notificationId, String channel, String target, String body, OffsetDateTime now) {
    enqueue(notificationId, channel, target, null, body, now);
  }

  void enqueue(long notificationId, String channel, String target, String subject, String body, OffsetDateTime now) {
    db.sql("insert into notification_delivery (notification_id, channel, target, subject, body, status, attempts, "
            + "next_attempt_at, created_at) values (?, ?, ?, ?, ?, 'pending', 0, ?, ?)")
        .params(notificationId, channel, target, subject, body, now, now).update();
  }

  /** Due deliveries of a channel, locked with {@code skip locked} so servers sharing the database never send twice. */
  List<Due> due(String channel, OffsetDateTime now) {
    return db.sql("select id, target, subject, body, attempts from notification_delivery where channel = ? and "
            + "status = 'pending' and next_attempt_at <= ? order by id limit 100 for update skip locked")
        .params(channel, now).query((rs, n) -> new Due(rs.getLong(1), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getInt(5))).list();
  }

  void delivered(Due d, Integer status, OffsetDateTime now) {
    db.sql("update notification_delivery set status = 'delivered', attempts = ?, last_status = ?, last_error = null, "
        + "next_attempt_at = null, delivered_at = ? where id = ?").params(d.attempts() + 1, status, now, d.id())
        .update();
  }

  /** @param backoffSeconds the wait after the first failure, doubled after each further one */
  void failed(Due d, Integer status, String error, OffsetDateTime now, int maxAttempts, long backoffSeconds) {
    int attempts = d.attempts() + 1;
    boolean last = attempts >= maxAttempts;
    db.sql("update notification_delivery set status = ?, attempts = ?, last_status = ?, last_error = ?, "
            + "next_attempt_at = ? where id = ?")
        .params(last ? "failed" : "pending", attempts, status, error.substring(0, Math.min(500, error.length())),
            last ? null : now.plusSeconds(backoffSeconds << Math.min(attempts - 1, 20)), d.id()).update();
  }

  Page<Delivery> list(String channel, String status, int page, int size) {
    List<Object> params = new ArrayList<>();
    StringBuilder where = new StringBuilder(" from notification_delivery where 1 = 1");
    if (channel != null && !channel.isBlank()) {
      where.append(" and channel = ?");
      params.add(channel);
    }
    if (status != null && !status.isBlank()) {
      where.append(" and status = ?");
      params.add(status);
    }
    return PagedQuery.page(db, "select id, notification_id, channel, target, status, attempts, next_attempt_at, "
        + "last_status, last_error, created_at, delivered_at", where.toString(), " order by id desc", params, page,
        size, (rs, n) -> {
          Integer last = rs.getObject(8) == null ? null : rs.getInt(8);
          return new Delivery(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
              rs.getInt(6), rs.getObject(7, OffsetDateTime.class), last, rs.getString(9),
              rs.getObject(10, OffsetDateTime.class), rs.getObject(11, OffsetDateTime.class));
        });
  }
}
