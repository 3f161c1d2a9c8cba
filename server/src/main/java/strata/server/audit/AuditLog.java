package strata.server.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import strata.server.api.Page;

/**
 * Who did what, when: logins, imports, runs, model changes, overrides, user and token changes. An entry is written
 * only in the transaction of the write it records ({@link Audited} runs both), so a write is never stored without its
 * entry, nor an entry without its write.
 */
@Service
public class AuditLog {
  public record Entry(long id, Instant at, String username, String action, String detail) {}

  private final JdbcClient db;

  public AuditLog(JdbcClient db) {
    this.db = db;
  }

  /**
   * Adds an entry in the caller's transaction.
   *
   * @throws IllegalTransactionStateException outside a transaction: the entry would commit on its own, and a kill
   *     between it and its write would leave one without the other
   * @throws IllegalArgumentException for an action not in {@link AuditActions}: the audit page could not name it
   */
  public void record(String username, String action, String detail) {
    if (!AuditActions.CODES.contains(action)) {
      throw new IllegalArgumentException("audit action '" + action + "' is not in AuditActions; add it there and its "
          + "label to web/src/i18n/messages-audit.ts");
    }
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalTransactionStateException("audit entry '" + action + "' written outside a transaction; "
          + "run it and its write through Audited");
    }
    db.sql("insert into audit_log (at, username, action, detail) values (?, ?, ?, ?)")
        .params(OffsetDateTime.now(ZoneOffset.UTC), username, action,
            detail == null ? null : detail.substring(0, Math.min(detail.length(), 4000)))
        .update();
  }

  public Page<Entry> list(String user, String action, int page, int size) {
    StringBuilder where = new StringBuilder(" where 1 = 1");
    List<Object> params = new ArrayList<>();
    if (user != null && !user.isBlank()) {
      where.append(" and username = ?");
      params.add(user);
    }
    if (action != null && !action.isBlank()) {
      where.append(" and action = ?");
      params.add(action);
    }
    return strata.server.api.PagedQuery.page(db, "select id, at, username, action, detail",
        " from audit_log" + where, " order by id desc", params, page, size,
        (rs, n) -> new Entry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3),
            rs.getString(4), rs.getString(5)));
  }
}
