package strata.server.override;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import strata.i18n.Labels;
import strata.i18n.Note;
import strata.server.api.NotFound;
import strata.server.api.Page;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Human overrides of a customer's tier. At most one is active per customer (setting a new one ends the old); an
 * override applies until it expires or is removed, both to the current view and to later runs, or until a run of a
 * model without its tier is published, which ends it with a note. Ended overrides are kept, so the overrides in force
 * at any past moment can be told.
 */
@Service
public class OverrideStore {
  /**
   * @param removedAt when it was removed or ended; null while it has not been
   * @param removedBy who removed it, {@code system} when a run ended it
   * @param endNote why the system ended it, else null
   */
  public record Override(long id, String customerId, String tier, String reason, Instant expiresAt,
      String createdBy, Instant createdAt, Instant removedAt, String removedBy, EndNote endNote) {
    /**
     * The customer's explanation in {@code locale}: who set the tier and why, until when, then the model's own reason,
     * e.g. "overridden by ann: key account; model: high_value: …".
     */
    public String explanation(Locale locale, String modelReason) {
      String until = expiresAt == null ? ""
          : Labels.text("override.explanation.until", locale, "date", expiresAt.toString().substring(0, 10));
      return Labels.text("override.explanation", locale, "by", createdBy, "reason", reason) + until
          + Labels.get("override.explanation.model", locale) + modelReason;
    }

    /** The model's reason in an explanation {@link #explanation} wrote in {@code locale}. */
    public static String modelReason(String explanation, Locale locale) {
      String separator = Labels.get("override.explanation.model", locale);
      return explanation.substring(explanation.indexOf(separator) + separator.length());
    }
  }

  /**
   * Why the system ended an override, as the API shows it: a stable code and the sentence in both languages. Stored in
   * {@code tier_override.end_note} as the core {@link Note} (code and arguments), so it reads in the language of
   * whoever looks later; overrides ended before end notes had codes kept English text, shown as it is under both
   * languages, without a code.
   */
  public record EndNote(String code, String zh, String en) {
    static EndNote of(Note note) {
      return new EndNote(note.code(), note.text(Locale.SIMPLIFIED_CHINESE), note.text(Locale.ENGLISH));
    }
  }

  /** The end note's code: the override's tier {0} is not in model version {1}. */
  static final String TIER_REMOVED = "override_tier_removed";

  /** The SQL condition for "active now" on an alias, used by the customer queries as well. */
  public static String activeOn(String alias) {
    return alias + ".removed_at is null and (" + alias + ".expires_at is null or " + alias + ".expires_at > ?)";
  }

  private final JdbcClient db;
  private final JsonMapper json;

  public OverrideStore(JdbcClient db, JsonMapper json) {
    this.db = db;
    this.json = json;
  }

  /**
   * The condition "the snapshot row carries an override" on {@code column}, as a range the (run_id, override_id)
   * indexes serve on both databases: H2 reads {@code is not null} as a filter on every row of the run (250,001 at
   * 250,000 customers, 0.9 s a dashboard view after any write to the database), while an upper bound stops its index
   * walk before the nulls; PostgreSQL's partial index (V29) still applies, as the bound implies not null.
   */
  public static String overridden(String column) {
    return column + " is not null and " + column + " <= " + Long.MAX_VALUE;
  }

  /**
   * Makes a snapshot's stored tiers follow the overrides in force at a moment: overridden rows take the override's
   * tier, rows whose override was not in force go back to the model's tier. Lists and aggregates then read the stored
   * tier with an index, never a join. Called for the current snapshot with now after every change and by a minute's
   * timer for expiries; on a snapshot as it is published, with its publication time; and on the snapshot it replaces,
   * with that one's publication time, so a past snapshot shows what was in force when it was published, not
   * overrides set or removed while it was current.
   *
   * @param tiers the tiers of the snapshot's model; overrides to other tiers are left out
   */
  @Transactional
  public void applyTo(long runId, java.util.Set<String> tiers, OffsetDateTime at) {
    Map<String, Override> active = inForceAt(at);
    active.values().removeIf(o -> !tiers.contains(o.tier()));
    java.util.Set<Long> keep = new java.util.HashSet<>();
    active.values().forEach(o -> keep.add(o.id()));
    List<Long> applied = db.sql("select override_id from snapshot_row where run_id = ? and "
        + overridden("override_id"))
        .param(runId).query(Long.class).list();
    for (Long id : applied) {
      if (keep.contains(id)) continue;
      db.sql("update snapshot_row set tier = model_tier, override_id = null where run_id = ? and override_id = ?")
          .params(runId, id).update();
    }
    for (Override o : active.values()) {
      db.sql("update snapshot_row set tier = ?, override_id = ? where run_id = ? and customer_id = ? "
              + "and (override_id is null or override_id <> ?)")
          .params(o.tier(), o.id(), runId, o.customerId(), o.id()).update();
    }
  }

  @Transactional
  public Override set(String customerId, String tier, String reason, Instant expiresAt, String by) {
    OffsetDateTime now = now();
    db.sql("update tier_override set removed_at = ?, removed_by = ? where customer_id = ? and removed_at is null")
        .params(now, by, customerId).update();
    db.sql("insert into tier_override (customer_id, tier, reason, expires_at, created_by, created_at) "
            + "values (?, ?, ?, ?, ?, ?)")
        .params(customerId, tier, reason, expiresAt == null ? null : expiresAt.atOffset(ZoneOffset.UTC), by, now)
        .update();
    return activeFor(customerId).orElseThrow();
  }

  public void remove(String customerId, String by) {
    int n = db.sql("update tier_override set removed_at = ?, removed_by = ? where customer_id = ? and "
            + activeOn("tier_override"))
        .params(now(), by, customerId, now()).update();
    if (n == 0) throw new NotFound("customer " + customerId + " has no active override");
  }

  public Optional<Override> activeFor(String customerId) {
    return db.sql(SELECT + " where o.customer_id = ? and " + activeOn("o")).params(customerId, now())
        .query((rs, n) -> override(rs)).optional();
  }

  public Map<String, Override> active() {
    return inForceAt(now());
  }

  /**
   * The overrides in force at a moment, by customer: set by then, not yet removed, ended or expired. Setting a new
   * override ends the old one at the instant the new one starts, so there is at most one per customer.
   */
  public Map<String, Override> inForceAt(OffsetDateTime at) {
    Map<String, Override> out = new HashMap<>();
    db.sql(SELECT + " where o.created_at <= ? and (o.removed_at is null or o.removed_at > ?) and (o.expires_at is null "
            + "or o.expires_at > ?)").params(at, at, at).query((rs, n) -> override(rs)).list()
        .forEach(o -> out.put(o.customerId(), o));
    return out;
  }

  /**
   * Ends the active overrides to tiers a model version does not have, as {@code system} with a note saying so:
   * called as a run of that version publishes, so the customers' effective tiers are the model's again.
   *
   * @return the overrides ended, as they are now (removed at {@code at}, with their end note)
   */
  @Transactional
  public List<Override> endOutside(java.util.Set<String> tiers, int modelVersion, OffsetDateTime at) {
    List<Override> ended = inForceAt(at).values().stream().filter(o -> !tiers.contains(o.tier()))
        .sorted(java.util.Comparator.comparing(Override::customerId)).toList();
    List<Override> out = new java.util.ArrayList<>(ended.size());
    for (Override o : ended) {
      Note note = Note.of(TIER_REMOVED, o.tier(), modelVersion);
      db.sql("update tier_override set removed_at = ?, removed_by = ?, end_note = ? where id = ?")
          .params(at, SYSTEM, json.writeValueAsString(note), o.id()).update();
      out.add(new Override(o.id(), o.customerId(), o.tier(), o.reason(), o.expiresAt(), o.createdBy(),
          o.createdAt(), at.toInstant(), SYSTEM, EndNote.of(note)));
    }
    return out;
  }

  /** Who ends overrides that nobody removed by hand. */
  public static final String SYSTEM = "system";

  public Page<Override> list(boolean activeOnly, int page, int size) {
    String where = activeOnly ? " where " + activeOn("o") : "";
    List<Object> params = activeOnly ? List.of(now()) : List.of();
    return strata.server.api.PagedQuery.page(db, SELECT_COLUMNS, " from tier_override o" + where,
        " order by o.id desc", params, page, size, (rs, n) -> override(rs));
  }

  /** Every override a customer has had, ended ones too, newest first. */
  public List<Override> of(String customerId) {
    return db.sql(SELECT + " where o.customer_id = ? order by o.id desc").param(customerId)
        .query((rs, n) -> override(rs)).list();
  }

  private static final String SELECT_COLUMNS = "select o.id, o.customer_id, o.tier, o.reason, o.expires_at, "
      + "o.created_by, o.created_at, o.removed_at, o.removed_by, o.end_note";
  private static final String SELECT = SELECT_COLUMNS + " from tier_override o";

  private Override override(java.sql.ResultSet rs) throws java.sql.SQLException {
    OffsetDateTime expires = rs.getObject(5, OffsetDateTime.class);
    OffsetDateTime removed = rs.getObject(8, OffsetDateTime.class);
    return new Override(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
        expires == null ? null : expires.toInstant(), rs.getString(6),
        rs.getObject(7, OffsetDateTime.class).toInstant(), removed == null ? null : removed.toInstant(),
        rs.getString(9), endNote(rs.getString(10)));
  }

  /** A stored end note: a note ({@code {code, args}}) or, from before codes, English text. */
  private EndNote endNote(String stored) {
    if (stored == null) return null;
    if (!stored.startsWith("{")) return new EndNote(null, stored, stored);
    JsonNode note = json.readTree(stored);
    List<String> args = new java.util.ArrayList<>();
    note.path("args").forEach(a -> args.add(a.asString()));
    return EndNote.of(new Note(note.get("code").asString(), args));
  }

  private static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC);
  }
}
