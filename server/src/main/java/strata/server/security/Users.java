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
  /**
   * @param team the team a sales user or manager belongs to, or null
   * @param email where their notifications are mailed, or null
   */
  public record User(String username, String displayName, Role role, String owner, boolean enabled, String team,
      String email) {}

  private static final String COLUMNS = "username, display_name, role, owner, enabled, team, email";
  private static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,255}");

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
    return db.sql("select " + COLUMNS + " from app_user order by username")
        .query((rs, n) -> user(rs)).list();
  }

  public Optional<User> find(String username) {
    return db.sql("select " + COLUMNS + " from app_user where username = ?")
        .param(username).query((rs, n) -> user(rs)).optional();
  }

  /**
   * The viewer a user signs in as. A sales user sees the customers of their owner name; a manager those of every
   * enabled sales user of their team, and their own; admins and analysts see all.
   */
  public Viewer viewer(User u) {
    return switch (u.role()) {
      case ADMIN, ANALYST -> new Viewer(u.username(), u.role(), u.owner(), null);
      case SALES -> new Viewer(u.username(), u.role(), u.owner(), List.of(u.owner()));
      case MANAGER -> {
        java.util.TreeSet<String> owners = new java.util.TreeSet<>();
        if (u.owner() != null) owners.add(u.owner());
        if (u.team() != null) {
          owners.addAll(db.sql("select owner from app_user where team = ? and role = 'sales' and enabled = true "
              + "and owner is not null").param(u.team()).query(String.class).list());
        }
        yield new Viewer(u.username(), u.role(), u.owner(), List.copyOf(owners));
      }
    };
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
    return create(username, displayName, password, role, owner, null, null);
  }

  /**
   * @param team the team of a sales user or manager; null for none
   * @param email where notifications are mailed; null for none
   */
  public User create(String username, String displayName, String password, Role role, String owner, String team,
      String email) {
    checkEmail(email);
    if (username == null || !NAME.matcher(username).matches()) {
      throw new BadRequest("username", "2-64 characters: letters, digits, . _ @ -");
    }
    checkPassword(password);
    if (role == Role.SALES && (owner == null || owner.isBlank())) {
      throw new BadRequest("owner", "a sales user needs the owner name their customers carry");
    }
    checkTeam(team);
    if (find(username).isPresent()) throw new Conflict("user " + username + " exists");
    db.sql("insert into app_user (username, display_name, password_hash, role, owner, enabled, created_at, team, "
            + "email) values (?, ?, ?, ?, ?, true, ?, ?, ?)")
        .params(username, displayName == null || displayName.isBlank() ? username : displayName,
            encoder.encode(password), role.id(), owner == null || owner.isBlank() ? null : owner,
            OffsetDateTime.now(ZoneOffset.UTC), team == null || team.isBlank() ? null : team.strip(),
            email == null || email.isBlank() ? null : email.strip())
        .update();
    return find(username).orElseThrow();
  }

  /**
   * Changes a user; null arguments keep what is there.
   *
   * @throws Conflict {@code last_admin} if this would leave no enabled admin
   */
  public User update(String username, String displayName, String password, Role role, String owner,
      Boolean enabled) {
    return update(username, displayName, password, role, owner, enabled, null, null);
  }

  /** @param team, email the new team and email address, "" for none, null to keep */
  @Transactional
  public User update(String username, String displayName, String password, Role role, String owner,
      Boolean enabled, String team, String email) {
    checkTeam(team);
    checkEmail(email);
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
    String newTeam = team == null ? u.team() : (team.isBlank() ? null : team.strip());
    String newEmail = email == null ? u.email() : (email.isBlank() ? null : email.strip());
    db.sql("update app_user set display_name = ?, role = ?, owner = ?, enabled = ?, team = ?, email = ? "
            + "where username = ?")
        .params(displayName == null ? u.displayName() : displayName, newRole.id(), newOwner,
            enabled == null ? u.enabled() : enabled, newTeam, newEmail, username)
        .update();
    return find(username).orElseThrow();
  }

  /**
   * Keeps the language a user reads Strata in (zh or en), for what reaches them outside the UI (mails).
   *
   * @throws BadRequest for another language
   */
  public void setLanguage(String username, String language) {
    if (strata.server.api.ServerLanguage.parse(language) == null) throw new BadRequest("language", "zh or en");
    db.sql("update app_user set language = ? where username = ?").params(language, username).update();
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

  private static void checkTeam(String team) {
    if (team != null && team.strip().length() > 64) throw new BadRequest("team", "at most 64 characters");
  }

  private static void checkEmail(String email) {
    if (email != null && !email.isBlank() && !EMAIL.matcher(email.strip()).matches()) {
      throw new BadRequest("email", "expected an address like name@example.com, got '" + email + "'");
    }
  }

  private static void checkPassword(String password) {
    if (password == null || password.length() < 10 || password.length() > 200) {
      throw new BadRequest("password", "10 to 200 characters");
    }
  }

  /** A user from the first seven columns: username, display_name, role, owner, enabled, team, email. */
  static User user(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new User(rs.getString(1), rs.getString(2), Role.of(rs.getString(3)), rs.getString(4), rs.getBoolean(5),
        rs.getString(6), rs.getString(7));
  }

}
