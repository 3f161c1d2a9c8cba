package strata.server.security;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import strata.server.api.NotFound;

/** Session tokens (sign-in, sliding expiry) and API tokens (until revoked or their optional expiry, scoped). */
@Service
public class TokenStore {
  public record Issued(long id, String name, String token, Instant expiresAt, String scope) {}

  public record TokenInfo(long id, String username, String name, Instant createdAt, Instant lastUsedAt,
      boolean revoked, Instant expiresAt, String scope) {}

  /** The user behind a bearer token and what the token lets them do. */
  public record Bearer(Users.User user, TokenScope scope) {}

  private final JdbcClient db;
  private final Duration sessionIdle;

  public TokenStore(JdbcClient db, @Value("${strata.session.hours:12}") long sessionHours) {
    this.db = db;
    this.sessionIdle = Duration.ofHours(sessionHours);
  }

  public Issued issueSession(String username) {
    return issue(username, "session", "session", now().plus(sessionIdle), TokenScope.ALL);
  }

  /**
   * An API token for a machine client.
   *
   * @param validFor how long it works; null for until revoked
   */
  public Issued issueApi(String username, String name, TokenScope scope, Duration validFor) {
    return issue(username, name, "api", validFor == null ? null : now().plus(validFor), scope);
  }

  private Issued issue(String username, String name, String kind, OffsetDateTime expires, TokenScope scope) {
    String token = Tokens.newToken(kind.equals("api") ? "sta_" : "sts_");
    var key = new org.springframework.jdbc.support.GeneratedKeyHolder();
    db.sql("insert into api_token (username, name, kind, token_hash, created_at, expires_at, revoked, scope) "
            + "values (?, ?, ?, ?, ?, ?, false, ?)")
        .params(username, name, kind, Tokens.hash(token), now(), expires, scope.id())
        .update(key, "id");
    long id = key.getKey().longValue();
    return new Issued(id, name, token, expires == null ? null : expires.toInstant(), scope.id());
  }

  /** The user behind a bearer token, sliding a session's expiry forward; empty for unknown or expired tokens. */
  public Optional<Bearer> resolve(String token) {
    // One query per request (this runs on every API call): the token and its user together.
    record Row(Users.User user, long id, String kind, OffsetDateTime expires, String scope) {}
    Optional<Row> row = db.sql("select u.username, u.display_name, u.role, u.owner, u.enabled, u.team, u.email, "
            + "t.id, t.kind, t.expires_at, t.scope from api_token t join app_user u on u.username = t.username "
            + "where t.token_hash = ? and t.revoked = false")
        .param(Tokens.hash(token))
        .query((rs, n) -> new Row(Users.user(rs), rs.getLong(8), rs.getString(9),
            rs.getObject(10, OffsetDateTime.class), rs.getString(11)))
        .optional();
    if (row.isEmpty()) return Optional.empty();
    Row r = row.get();
    OffsetDateTime now = now();
    if (r.expires() != null && r.expires().isBefore(now)) return Optional.empty();
    // Write the sliding expiry at most once a minute, not on every request of a busy client.
    if (r.kind().equals("session") && r.expires().isBefore(now.plus(sessionIdle).minusMinutes(1))) {
      db.sql("update api_token set expires_at = ?, last_used_at = ? where id = ?")
          .params(now.plus(sessionIdle), now, r.id()).update();
    }
    return Optional.of(r.user()).filter(Users.User::enabled).map(u -> new Bearer(u, TokenScope.of(r.scope())));
  }

  public void revokeToken(String token) {
    db.sql("update api_token set revoked = true where token_hash = ?").param(Tokens.hash(token)).update();
  }

  /**
   * Revokes a user's sessions, except the one making the request (an admin changing their own password stays
   * signed in), and with {@code apiTokens} their API tokens too.
   *
   * @param keep the bearer token of the request, or null
   * @return how many tokens were revoked
   */
  public int revokeAllOf(String username, boolean apiTokens, String keep) {
    return db.sql("update api_token set revoked = true where username = ? and revoked = false and token_hash <> ?"
            + (apiTokens ? "" : " and kind = 'session'"))
        .params(username, keep == null ? "" : Tokens.hash(keep)).update();
  }

  /** Revokes an API token; non-admins only their own. */
  public void revoke(long id, Viewer by) {
    int n = db.sql("update api_token set revoked = true where id = ? and kind = 'api'"
            + (by.role() == Role.ADMIN ? "" : " and username = ?"))
        .params(by.role() == Role.ADMIN ? List.of(id) : List.of(id, by.username()))
        .update();
    if (n == 0) throw new NotFound("no token " + id);
  }

  public List<TokenInfo> list(Viewer by) {
    return db.sql("select id, username, name, created_at, last_used_at, revoked, expires_at, scope from api_token "
            + "where kind = 'api'"
            + (by.role() == Role.ADMIN ? "" : " and username = ?") + " order by id desc")
        .params(by.role() == Role.ADMIN ? List.of() : List.of(by.username()))
        .query((rs, n) -> new TokenInfo(rs.getLong(1), rs.getString(2), rs.getString(3),
            rs.getObject(4, OffsetDateTime.class).toInstant(),
            Optional.ofNullable(rs.getObject(5, OffsetDateTime.class)).map(OffsetDateTime::toInstant).orElse(null),
            rs.getBoolean(6),
            Optional.ofNullable(rs.getObject(7, OffsetDateTime.class)).map(OffsetDateTime::toInstant).orElse(null),
            rs.getString(8)))
        .list();
  }

  private static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC);
  }
}
