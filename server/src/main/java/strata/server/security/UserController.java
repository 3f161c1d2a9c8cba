package strata.server.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
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
import strata.server.audit.AuditLog;

/** Users (admin only, by the security rules) and API tokens (everyone, their own). */
@RestController
@RequestMapping("/api/v1")
class UserController {
  record NewUser(@NotBlank @Size(max = 64) String username, @Size(max = 200) String displayName,
      @NotBlank String password, @NotBlank String role, @Size(max = 200) String owner) {}

  record UserChange(@Size(max = 200) String displayName, String password, String role, @Size(max = 200) String owner,
      Boolean enabled) {}

  record NewToken(@NotBlank @Size(max = 200) String name) {}

  private final Users users;
  private final TokenStore tokens;
  private final AuditLog audit;

  UserController(Users users, TokenStore tokens, AuditLog audit) {
    this.users = users;
    this.tokens = tokens;
    this.audit = audit;
  }

  @GetMapping("/users")
  List<AuthController.Me> list() {
    return users.list().stream().map(AuthController.Me::of).toList();
  }

  @PostMapping("/users")
  @ResponseStatus(HttpStatus.CREATED)
  AuthController.Me create(@Valid @RequestBody NewUser u) {
    Users.User created = users.create(u.username(), u.displayName(), u.password(), role(u.role()), u.owner());
    audit.record(Viewer.current().username(), "user_created", u.username() + " as " + created.role().id());
    return AuthController.Me.of(created);
  }

  @PatchMapping("/users/{username}")
  AuthController.Me update(@PathVariable String username, @Valid @RequestBody UserChange c) {
    Users.User updated = users.update(username, c.displayName(), c.password(),
        c.role() == null ? null : role(c.role()), c.owner(), c.enabled());
    audit.record(Viewer.current().username(), "user_updated", username + (c.password() != null ? " (password)" : "")
        + " role=" + updated.role().id() + " enabled=" + updated.enabled());
    return AuthController.Me.of(updated);
  }

  @GetMapping("/tokens")
  List<TokenStore.TokenInfo> tokens() {
    return tokens.list(Viewer.current());
  }

  @PostMapping("/tokens")
  @ResponseStatus(HttpStatus.CREATED)
  TokenStore.Issued newToken(@Valid @RequestBody NewToken t) {
    Viewer v = Viewer.current();
    TokenStore.Issued issued = tokens.issueApi(v.username(), t.name());
    audit.record(v.username(), "token_created", t.name());
    return issued;
  }

  @DeleteMapping("/tokens/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void revoke(@PathVariable long id) {
    tokens.revoke(id, Viewer.current());
    audit.record(Viewer.current().username(), "token_revoked", Long.toString(id));
  }

  private static Role role(String id) {
    try {
      return Role.of(id);
    } catch (IllegalArgumentException e) {
      throw new strata.server.api.BadRequest("role", e.getMessage());
    }
  }
}
