package strata.server.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import strata.server.api.BadRequest;
import strata.server.audit.AuditLog;

@RestController
@RequestMapping("/api/v1")
class AuthController {
  record Login(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 200) String password) {}

  record Me(String username, String displayName, String role, String owner) {
    static Me of(Users.User u) {
      return new Me(u.username(), u.displayName(), u.role().id(), u.owner());
    }
  }

  record Session(String token, Instant expiresAt, Me user) {}

  /** Failed sign-ins per user name within 15 minutes before further attempts are refused. */
  private static final int MAX_FAILURES = 10;

  private final Users users;
  private final TokenStore tokens;
  private final AuditLog audit;
  private final JdbcClient db;

  AuthController(Users users, TokenStore tokens, AuditLog audit, JdbcClient db) {
    this.users = users;
    this.tokens = tokens;
    this.audit = audit;
    this.db = db;
  }

  @PostMapping("/auth/login")
  Session login(@Valid @RequestBody Login login) {
    long failures = db.sql("select count(*) from audit_log where action = 'login_failed' and username = ? and at > ?")
        .params(login.username(), OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(15)).query(Long.class).single();
    if (failures >= MAX_FAILURES) {
      throw new BadRequest(429, "too many failed sign-ins for this user; try again in 15 minutes",
          java.util.List.of());
    }
    Users.User user = users.authenticate(login.username(), login.password()).orElse(null);
    if (user == null) {
      audit.record(login.username(), "login_failed", null);
      throw new BadCredentials();
    }
    TokenStore.Issued t = tokens.issueSession(user.username());
    audit.record(user.username(), "login", null);
    return new Session(t.token(), t.expiresAt(), Me.of(user));
  }

  @PostMapping("/auth/logout")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void logout(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    tokens.revokeToken(header.substring(7).trim());
    audit.record(Viewer.current().username(), "logout", null);
  }

  @GetMapping("/me")
  Me me() {
    return Me.of(users.find(Viewer.current().username()).orElseThrow());
  }

  @ResponseStatus(value = HttpStatus.UNAUTHORIZED)
  static final class BadCredentials extends BadRequest {
    BadCredentials() {
      super(401, "wrong user name or password", java.util.List.of());
    }
  }
}
