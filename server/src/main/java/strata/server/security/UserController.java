package strata.server.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import strata.server.api.BadRequest;
import strata.server.audit.AuditDetail;
import strata.server.audit.Audited;

/**
 * Users (admin only, by the security rules) and API tokens (everyone, their own). Each change, the sessions it ends
 * and its audit entries are one transaction: a server killed between them must not keep a new password while the
 * sessions of whoever knew the old one live on (issue 14 §1, KilledPasswordChangeTest).
 */
@RestController
@RequestMapping("/api/v1")
class UserController {
  record NewUser(@NotBlank @Size(max = 64) String username, @Size(max = 200) String displayName,
      @NotBlank String password, @NotBlank String role, @Size(max = 200) String owner, @Size(max = 64) String team,
      @Size(max = 320) String email) {}

  /** @param revokeApiTokens with a new password, revoke the user's API tokens too (sessions always are) */
  /** @param team, email "" for none, null to keep */
  record UserChange(@Size(max = 200) String displayName, String password, String role, @Size(max = 200) String owner,
      Boolean enabled, Boolean revokeApiTokens, @Size(max = 64) String team, @Size(max = 320) String email) {}

  /**
   * @param scope {@code all} (default), {@code read} or {@code import}
   * @param expiresInDays null for until revoked
   */
  record NewToken(@NotBlank @Size(max = 200) String name, String scope,
      @Min(1) @Max(3650) Integer expiresInDays) {}

  private final Users users;
  private final TokenStore tokens;
  private final Audited audited;

  UserController(Users users, TokenStore tokens, Audited audited) {
    this.users = users;
    this.tokens = tokens;
    this.audited = audited;
  }

  @GetMapping("/users")
  List<AuthController.Me> list() {
    return users.list().stream().map(AuthController.Me::of).toList();
  }

  @PostMapping("/users")
  @ResponseStatus(HttpStatus.CREATED)
  AuthController.Me create(@Valid @RequestBody NewUser u) {
    return audited.write(audit -> {
      Users.User created = users.create(u.username(), u.displayName(), u.password(), role(u.role()), u.owner(),
          u.team(), u.email());
      audit.record(Viewer.current().username(), "user_created", AuditDetail.of("user_created",
          "user", u.username(), "role", created.role().id(), "team", created.team()));
      return AuthController.Me.of(created);
    });
  }

  @PatchMapping("/users/{username}")
  AuthController.Me update(@PathVariable String username, @Valid @RequestBody UserChange c,
      HttpServletRequest request) {
    return audited.write(audit -> {
      Users.User updated = users.update(username, c.displayName(), c.password(),
          c.role() == null ? null : role(c.role()), c.owner(), c.enabled(), c.team(), c.email());
      if (c.password() != null || Boolean.FALSE.equals(c.enabled())) {
        // A new password must shut out whoever knew the old one: their sessions end (except this request's own).
        int revoked = tokens.revokeAllOf(username, Boolean.TRUE.equals(c.revokeApiTokens()), bearer(request));
        audit.record(Viewer.current().username(), "tokens_revoked",
            AuditDetail.of("tokens_revoked", "user", username, "count", revoked));
      }
      audit.record(Viewer.current().username(), "user_updated", AuditDetail.of("user_updated", "user", username,
          "role", updated.role().id(), "team", updated.team(), "password", c.password() != null ? true : null,
          "disabled", updated.enabled() ? null : true));
      return AuthController.Me.of(updated);
    });
  }

  @DeleteMapping("/users/{username}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(@PathVariable String username) {
    audited.run(audit -> {
      users.delete(username);
      audit.record(Viewer.current().username(), "user_deleted", AuditDetail.of("user_deleted", "user", username));
    });
  }

  @GetMapping("/tokens")
  List<TokenStore.TokenInfo> tokens() {
    return tokens.list(Viewer.current());
  }

  @PostMapping("/tokens")
  @ResponseStatus(HttpStatus.CREATED)
  TokenStore.Issued newToken(@Valid @RequestBody NewToken t) {
    Viewer v = Viewer.current();
    TokenScope scope = scope(t.scope());
    if (!v.seesAll() && scope == TokenScope.ALL && t.expiresInDays() == null) {
      throw new BadRequest(400, "token_unbounded",
          "a sales user's API token needs a scope (read or import) or an expiry (expiresInDays)",
          List.of(new BadRequest.FieldError("scope", "read or import, or give expiresInDays")));
    }
    return audited.write(audit -> {
      TokenStore.Issued issued = tokens.issueApi(v.username(), t.name(), scope,
          t.expiresInDays() == null ? null : Duration.ofDays(t.expiresInDays()));
      audit.record(v.username(), "token_created", AuditDetail.of("token_created",
          "name", t.name(), "scope", scope.id(), "days", t.expiresInDays()));
      return issued;
    });
  }

  @DeleteMapping("/tokens/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void revoke(@PathVariable long id) {
    audited.run(audit -> {
      tokens.revoke(id, Viewer.current());
      audit.record(Viewer.current().username(), "token_revoked", AuditDetail.of("token_revoked", "token", id));
    });
  }

  private static String bearer(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    return header == null || header.length() < 7 ? null : header.substring(7).trim();
  }

  private static TokenScope scope(String id) {
    try {
      return id == null || id.isBlank() ? TokenScope.ALL : TokenScope.of(id);
    } catch (IllegalArgumentException e) {
      throw new BadRequest("scope", e.getMessage());
    }
  }

  private static Role role(String id) {
    try {
      return Role.of(id);
    } catch (IllegalArgumentException e) {
      throw new BadRequest("role", e.getMessage());
    }
  }
}
