package strata.server.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import strata.server.api.BadRequest;
import strata.server.api.TooManyRequests;
import strata.server.audit.AuditDetail;
import strata.server.audit.Audited;

@RestController
@RequestMapping("/api/v1")
class AuthController {
  record Login(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 200) String password) {}

  record Me(String username, String displayName, String role, String owner, String team, String email) {
    static Me of(Users.User u) {
      return new Me(u.username(), u.displayName(), u.role().id(), u.owner(), u.team(), u.email());
    }
  }

  record Session(String token, Instant expiresAt, Me user) {}

  private final Users users;
  private final TokenStore tokens;
  private final Audited audited;
  private final SigninThrottle throttle;

  AuthController(Users users, TokenStore tokens, Audited audited, SigninThrottle throttle) {
    this.users = users;
    this.tokens = tokens;
    this.audited = audited;
    this.throttle = throttle;
  }

  /**
   * Signs in, or answers 401 {@code signin_failed}, or 429 {@code signin_throttled} with {@code Retry-After} when this
   * client has failed too often ({@link SigninThrottle}); a refused attempt does not evaluate the password.
   */
  @PostMapping("/auth/login")
  Session login(@Valid @RequestBody Login login, HttpServletRequest request) {
    // The peer address; behind a reverse proxy set server.forward-headers-strategy so that this is the client's.
    String client = request.getRemoteAddr();
    Optional<Duration> wait = throttle.attempt(login.username(), client);
    if (wait.isPresent()) {
      throw new TooManyRequests("signin_throttled",
          "too many failed sign-ins from this client; try again later", wait.get());
    }
    Users.User user = users.authenticate(login.username(), login.password()).orElse(null);
    if (user == null) {
      throttle.failed(login.username());
      audited.record(login.username(), "login_failed", AuditDetail.of("login_failed", "client", client));
      throw new BadCredentials();
    }
    throttle.succeeded(login.username(), client);
    // A session is never issued without its login entry.
    TokenStore.Issued t = audited.write(audit -> {
      TokenStore.Issued issued = tokens.issueSession(user.username());
      audit.record(user.username(), "login", null);
      return issued;
    });
    return new Session(t.token(), t.expiresAt(), Me.of(user));
  }

  @PostMapping("/auth/logout")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void logout(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    audited.run(audit -> {
      tokens.revokeToken(header.substring(7).trim());
      audit.record(Viewer.current().username(), "logout", null);
    });
  }

  @GetMapping("/me")
  Me me() {
    return Me.of(users.find(Viewer.current().username()).orElseThrow());
  }

  record Language(String language) {}

  /** The UI tells the server the language its user reads, so mails reach them in it (Mails). */
  @PutMapping("/me/language")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void language(@RequestBody Language l) {
    users.setLanguage(Viewer.current().username(), l.language());
  }

  @ResponseStatus(value = HttpStatus.UNAUTHORIZED)
  static final class BadCredentials extends BadRequest {
    BadCredentials() {
      super(401, "signin_failed", "wrong user name or password", java.util.List.of());
    }
  }
}
