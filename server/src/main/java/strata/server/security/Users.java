package strata.server.security;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import strata.server.api.BadRequest;
import strata.server.api.Conflict;
import strata.server.api.NotFound;

/** The user table. Passwords are kept only as bcrypt hashes (Spring Security's delegating encoder). */
@Service
public class Users {
  public record User(String username, String displayName, Role role, String owner, boolean enabled) {
    public Viewer viewer() {
      return new Viewer(username, role, role == Role.SALES ? owner : null);
    }
  }

  private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[A-Za-z0-9._@-]{2,64}");
  private final JdbcClient db;
  private final PasswordEncoder encoder;

  private final String dummyHash;

  public Users(JdbcClient db, PasswordEncoder encoder) {
    this.db = db;
    this.encoder = encoder;
    this.dummyHash = encoder.encode("not a password of anyone");
  }

  public boolean none() {
    return db.sql("select count(*) from app_user").query(Long.class).single() == 0;
  }

  public List<User> list() {
    return db.sql("select username, display_name, role, owner, enabled from app_user order by username")
        .query((rs, n) -> user(rs)).list();
  }

  public Optional<User> find(String username) {
    return db.sql("select username, display_name, role, owner, enabled from app_user where username = ?")
        .param(username).query((rs, n) -> user(rs)).optional();
  }

  /** The user if the password matches and the account is enabled. */
  public Optional<User> authenticate(String username, String password) {
    Optional<String> hash = db.sql("select password_hash from app_user where username = ? and enabled = true")
        .param(username).query(String.class).optional();
    // Compare against a dummy hash for unknown users too, so timing does not reveal which usernames exist.
    boolean ok = encoder.matches(password, hash.orElse(dummyHash)) && hash.isPresent();
    return ok ? find(username) : Optional.empty();
  }

  public User create(String username, String displayName, String password, Role role, String owner) {
    if (username == null || !NAME.matcher(username).matches()) {
      throw new BadRequest("username", "2-64 characters: letters, digits, . _ @ -");
    }
    checkPassword(password);
    if (role == Role.SALES && (owner == null || owner.isBlank())) {
      throw new BadRequest("owner", "a sales user needs the owner name their customers carry");
    }
    if (find(username).isPresent()) throw new Conflict("user " + username + " exists");
    db.sql("insert into app_user (username, display_name, password_hash, role, owner, enabled, created_at) "
            + "values (?, ?, ?, ?, ?, true, ?)")
        .params(username, displayName == null || displayName.isBlank() ? username : displayName,
            encoder.encode(password), role.id(), owner == null || owner.isBlank() ? null : owner,
            OffsetDateTime.now(ZoneOffset.UTC))
        .update();
    return find(username).orElseThrow();
  }

  public User update(String username, String displayName, String password, Role role, String owner,
      Boolean enabled) {
    User u = find(username).orElseThrow(() -> new NotFound("no user " + username));
    Role newRole = role == null ? u.role() : role;
    String newOwner = owner == null ? u.owner() : (owner.isBlank() ? null : owner);
    if (newRole == Role.SALES && newOwner == null) {
      throw new BadRequest("owner", "a sales user needs the owner name their customers carry");
    }
    if (password != null) {
      checkPassword(password);
      db.sql("update app_user set password_hash = ? where username = ?").params(encoder.encode(password), username)
          .update();
    }
    db.sql("update app_user set display_name = ?, role = ?, owner = ?, enabled = ? where username = ?")
        .params(displayName == null ? u.displayName() : displayName, newRole.id(), newOwner,
            enabled == null ? u.enabled() : enabled, username)
        .update();
    return find(username).orElseThrow();
  }

  private static void checkPassword(String password) {
    if (password == null || password.length() < 10 || password.length() > 200) {
      throw new BadRequest("password", "10 to 200 characters");
    }
  }

  /** A user from the first five columns: username, display_name, role, owner, enabled. */
  static User user(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new User(rs.getString(1), rs.getString(2), Role.of(rs.getString(3)), rs.getString(4), rs.getBoolean(5));
  }

}
