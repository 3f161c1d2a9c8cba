package strata.server.security;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
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

  /**
   * Changes a user; null arguments keep what is there.
   *
   * @throws Conflict {@code last_admin} if this would leave no enabled admin
   */
  @Transactional
  public User update(String username, String displayName, String password, Role role, String owner,
      Boolean enabled) {
    boolean mayDropAnAdmin = (role != null && role != Role.ADMIN) || Boolean.FALSE.equals(enabled);
    if (mayDropAnAdmin) lockAll();
    User u = find(username).orElseThrow(() -> new NotFound("no user " + username));
    boolean adminAfter = (role == null ? u.role() : role) == Role.ADMIN && (enabled == null ? u.enabled() : enabled);
    if (u.role() == Role.ADMIN && u.enabled() && !adminAfter) requireAnotherAdmin(username, "demoted or disabled");
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

  /**
   * Deletes a user and their tokens (the audit log keeps their name).
   *
   * @throws Conflict {@code last_admin} if they are the last enabled admin
   */
  @Transactional
  public void delete(String username) {
    lockAll();
    User u = find(username).orElseThrow(() -> new NotFound("no user " + username));
    if (u.role() == Role.ADMIN && u.enabled()) requireAnotherAdmin(username, "deleted");
    db.sql("delete from api_token where username = ?").param(username).update();
    db.sql("delete from app_user where username = ?").param(username).update();
  }

  /**
   * Locks every user row until the transaction ends. Two admins demoting each other at the same moment would each
   * still see the other as admin in a plain count; with the rows locked first, the second waits and then counts what
   * the first committed. All rows, not just the admins', so that no WHERE is evaluated against a stale version.
   */
  private void lockAll() {
    db.sql("select username from app_user for update").query(String.class).list();
  }

  private void requireAnotherAdmin(String username, String change) {
    long others = db.sql("select count(*) from app_user where role = 'admin' and enabled = true and username <> ?")
        .param(username).query(Long.class).single();
    if (others == 0) {
      throw new Conflict("last_admin", username + " is the last enabled admin and cannot be " + change
          + "; make another user admin first");
    }
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
