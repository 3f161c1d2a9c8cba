package strata.server.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import strata.server.api.Page;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who did what, when: logins, imports, runs, model changes, overrides, user and token changes. An entry is written
 * only in the transaction of the write it records ({@link Audited} runs both), so a write is never stored without its
 * entry, nor an entry without its write.
 */
@Service
public class AuditLog {
  /**
   * @param detail the detail in English as written by versions before details were kept as data only; null for later
   *     entries, which the reader's UI words from the code and values
   * @param detailCode the detail's {@link AuditDetail} code, null for those older entries and for entries without one
   * @param detailParams the values the code's sentence names (empty without a code)
   */
  public record Entry(long id, Instant at, String username, String action, String detail, String detailCode,
      Map<String, Object> detailParams) {}

  private static final int BATCH = 1000;

  private final JdbcTemplate jdbc;
  private final JdbcClient db;
  private final JsonMapper json;

  public AuditLog(JdbcTemplate jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.db = JdbcClient.create(jdbc);
    this.json = json;
  }

  /**
   * Adds an entry in the caller's transaction.
   *
   * @throws IllegalTransactionStateException outside a transaction: the entry would commit on its own, and a kill
   *     between it and its write would leave one without the other
   * @param detail what the entry did as code and values, worded in the reader's language when read (the audit page);
   *     null when the action says it all (a sign-in). No sentence is stored: one in English would reach a Chinese
   *     admin as it is.
   * @throws IllegalArgumentException for an action not in {@link AuditActions} or a detail code not in
   *     {@link AuditDetail#CODES}: the audit page could not name it
   */
  public void record(String username, String action, AuditDetail detail) {
    recordAll(username, action, java.util.Collections.singletonList(detail));
  }

  /**
   * {@link #record} of many entries of one action, as one JDBC batch: a plan returning 30,000 customers to the pool
   * writes an entry for each.
   */
  public void recordAll(String username, String action, List<AuditDetail> details) {
    if (!AuditActions.CODES.contains(action)) {
      throw new IllegalArgumentException("audit action '" + action + "' is not in AuditActions; add it there and its "
          + "label to web/src/i18n/messages-audit.ts");
    }
    for (AuditDetail detail : details) {
      if (detail != null && !AuditDetail.CODES.contains(detail.code())) {
        throw new IllegalArgumentException("audit detail '" + detail.code() + "' is not in AuditDetail.CODES; add "
            + "it there and its sentence to web/src/i18n/messages-audit.ts");
      }
    }
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalTransactionStateException("audit entry '" + action + "' written outside a transaction; "
          + "run it and its write through Audited");
    }
    OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC);
    jdbc.batchUpdate("insert into audit_log (at, username, action, detail_code, detail_params) values (?, ?, ?, ?, ?)",
        details, BATCH, (ps, detail) -> {
          ps.setObject(1, at);
          ps.setString(2, username);
          ps.setString(3, action);
          ps.setString(4, detail == null ? null : detail.code());
          ps.setString(5, detail == null ? null : json.writeValueAsString(detail.params()));
        });
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
    return strata.server.api.PagedQuery.page(db, "select id, at, username, action, detail, detail_code, detail_params",
        " from audit_log" + where, " order by id desc", params, page, size,
        (rs, n) -> new Entry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3),
            rs.getString(4), rs.getString(5), rs.getString(6), read(rs.getString(7))));
  }

  private Map<String, Object> read(String params) {
    return params == null ? Map.of() : json.readValue(params, new TypeReference<LinkedHashMap<String, Object>>() {});
  }
}
