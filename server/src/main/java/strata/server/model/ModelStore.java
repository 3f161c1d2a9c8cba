package strata.server.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import strata.server.api.NotFound;
import strata.tier.TierModel;

/** Tier model versions: every save is a new version, and each run records the version it used. */
@Service
public class ModelStore {
  public record Version(int version, String yaml, String note, String createdBy, Instant createdAt) {
    /** The compiled model, compiled once per version. */
    public TierModel model() {
      return CompiledModels.of(version, yaml);
    }

    /**
     * Whether this is Strata's default model as {@link #current()} stored it. Version 1 is only ever stored that way
     * (a save follows the current version), so its English note and the actor "system" can be shown translated.
     */
    public boolean builtIn() {
      return version == 1 && SYSTEM.equals(createdBy);
    }
  }

  /** The actor of the default model's version; a machine name, as in the audit log. */
  static final String SYSTEM = "system";

  private final JdbcClient db;

  public ModelStore(JdbcClient db) {
    this.db = db;
  }

  /** The latest version; the first call on an empty database stores Strata's default model as version 1. */
  @Transactional
  public Version current() {
    return latest().orElseGet(() -> {
      insert(1, defaultYaml(), "Strata default model", SYSTEM);
      return latest().orElseThrow();
    });
  }

  /** Tier ids of a version in the model's order (best first); the current version for null. */
  public List<String> tierIds(Integer version) {
    Version v = version == null ? current() : get(version);
    return v.model().tiers().stream().map(t -> t.id()).toList();
  }

  public List<Version> versions() {
    return db.sql(SELECT + " order by version desc").query((rs, n) -> version(rs)).list();
  }

  public Version get(int version) {
    return db.sql(SELECT + " where version = ?").param(version).query((rs, n) -> version(rs)).optional()
        .orElseThrow(() -> new NotFound("no tier model version " + version));
  }

  /** Saves a new version after the same validation as the command line; throws 422 with the errors otherwise. */
  @Transactional
  public Version save(String yaml, String note, String by) {
    ModelValidation.check(yaml);
    int next = current().version() + 1;
    insert(next, yaml, note == null ? "" : note, by);
    return get(next);
  }

  private Optional<Version> latest() {
    return db.sql(SELECT + " order by version desc limit 1").query((rs, n) -> version(rs)).optional();
  }

  private void insert(int version, String yaml, String note, String by) {
    db.sql("insert into tier_model (version, yaml, note, created_by, created_at) values (?, ?, ?, ?, ?)")
        .params(version, yaml, note.length() > 500 ? note.substring(0, 500) : note, by,
            OffsetDateTime.now(ZoneOffset.UTC))
        .update();
  }

  private static final String SELECT = "select version, yaml, note, created_by, created_at from tier_model";

  private static Version version(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Version(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
        rs.getObject(5, OffsetDateTime.class).toInstant());
  }

  static String defaultYaml() {
    try (InputStream in = TierModel.class.getResourceAsStream("/strata/tier/default-model.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("default tier model missing from the build", e);
    }
  }
}
