package strata.server.run;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import strata.i18n.Note;
import strata.server.api.Conflict;
import strata.server.api.NotFound;
import strata.server.api.Page;
import strata.server.cluster.Instance;
import strata.server.security.Viewer;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The run table and the one-row pointer to the published snapshot. */
@Service
public class RunStore {
  private final JdbcClient db;
  private final JsonMapper json;

  public RunStore(JdbcClient db, JsonMapper json) {
    this.db = db;
    this.json = json;
  }

  /**
   * Inserts a running run if none is running on any instance: the one-row run lock is claimed by a conditional
   * update, which the database serialises (a second claimer waits for the first to commit, then finds it taken).
   *
   * @param instance the server that runs it
   * @throws Conflict when a run is going
   */
  @Transactional
  long claim(String trigger, String by, Integer modelVersion, String instance) {
    if (db.sql("update run_lock set run_id = -1 where id = 1 and run_id is null").update() == 0) {
      throw new Conflict("a run is in progress; wait for it to finish");
    }
    var key = new org.springframework.jdbc.support.GeneratedKeyHolder();
    db.sql("insert into tier_run (status, trigger_kind, model_version, started_by, started_at, phase, progress, "
            + "instance_id) values ('running', ?, ?, ?, ?, 'phase_starting', 0, ?)")
        .params(trigger, modelVersion, by, now(), instance).update(key, "id");
    long id = key.getKey().longValue();
    db.sql("update run_lock set run_id = ? where id = 1").param(id).update();
    return id;
  }

  void progress(long id, String phase, double progress) {
    db.sql("update tier_run set phase = ?, progress = ? where id = ?").params(phase, progress, id).update();
  }

  void asOf(long id, LocalDate asOf) {
    db.sql("update tier_run set as_of = ? where id = ?").params(asOf, id).update();
  }

  /**
   * Marks the run succeeded and makes its snapshot current, in one transaction: readers see old or new, never half.
   *
   * @param at the publication time, stored as the run's finish
   * @param clusters the run's behavioural clusters as codes and figures (core PredictionsDocument), null for none
   * @param lastStep runs first, inside the transaction, while the replaced snapshot is still current
   */
  @Transactional
  void publish(long id, int customers, Map<String, Long> tierCounts, List<Note> notes, OffsetDateTime at,
      List<Map<String, Object>> clusters, Runnable lastStep) {
    lockCurrent();
    lastStep.run();
    int n = db.sql("update tier_run set status = 'succeeded', finished_at = ?, phase = 'phase_done', progress = 1, "
            + "customers = ?, tier_counts = ?, notes = ?, clusters = ? where id = ? and status = 'running'")
        .params(at, customers, json.writeValueAsString(tierCounts), json.writeValueAsString(notes),
            clusters == null ? null : json.writeValueAsString(clusters), id).update();
    if (n == 0) {
      // Another instance took this server for dead (a pause longer than strata.instance.stale-after) and failed it.
      throw new IllegalStateException("run " + id + " was marked failed while it ran; nothing was published");
    }
    db.sql("update current_run set run_id = ? where id = 1").param(id).update();
    release(id);
  }

  /**
   * Locks the pointer to the current snapshot until the transaction ends and returns the run it points to: a
   * publication and a refresh of the current snapshot's overrides then take turns, across instances too.
   */
  public Optional<Long> lockCurrent() {
    return db.sql("select run_id from current_run where id = 1 for update")
        .query((rs, n) -> rs.getObject(1, Long.class)).optional();
  }

  /** Marks the run failed, keeping why as data ({@link RunFailure}) for each reader's language. */
  @Transactional
  void fail(long id, RunFailure why) {
    db.sql("update tier_run set status = 'failed', finished_at = ?, error = ? where id = ? and status = 'running'")
        .params(now(), why.stored(json), id).update();
    release(id);
  }

  private void release(long id) {
    db.sql("update run_lock set run_id = null where id = 1 and run_id = ?").param(id).update();
  }

  /**
   * Runs whose server stopped or died (see {@link Instance#orphaned}): they never published, so they failed, and the
   * run lock is free again.
   *
   * @return their ids
   */
  @Transactional
  List<Long> failOrphans(Instance instance) {
    List<Long> ids = db.sql("select id from tier_run where status = 'running' and "
            + Instance.orphaned("instance_id", "started_at") + " order by id")
        .params(instance.orphanParams()).query(Long.class).list();
    for (long id : ids) {
      fail(id, RunFailure.of(Note.of(RunFailure.INTERRUPTED)));
    }
    // A claim whose run row is gone or no longer running (it cannot be, but a stuck lock would stop all runs).
    db.sql("update run_lock set run_id = null where id = 1 and run_id is not null and run_id not in "
        + "(select id from tier_run where status = 'running')").update();
    return ids;
  }

  /** The newest run's id, 0 before any. */
  long lastId() {
    return db.sql("select coalesce(max(id), 0) from tier_run").query(Long.class).single();
  }

  /** Whether a run inserted after run {@code id} is going or succeeded: it reads what was stored before it started. */
  boolean startedAfter(long id) {
    return db.sql("select count(*) from tier_run where id > ? and status in ('running', 'succeeded')").param(id)
        .query(Long.class).single() > 0;
  }

  public Optional<Long> currentId() {
    return db.sql("select run_id from current_run where id = 1").query((rs, n) -> rs.getObject(1, Long.class))
        .optional();
  }

  public Optional<Run> current() {
    return currentId().map(this::get);
  }

  public Run get(long id) {
    Long current = currentId().orElse(null);
    return db.sql(SELECT + " where id = ?").param(id).query((rs, n) -> run(rs, current)).optional()
        .orElseThrow(() -> new NotFound("no run " + id));
  }

  public Page<Run> list(int page, int size) {
    Long current = currentId().orElse(null);
    return strata.server.api.PagedQuery.page(db, SELECT_COLUMNS, " from tier_run", " order by id desc", List.of(),
        page, size, (rs, n) -> run(rs, current));
  }

  /** {@link #scoped(List, Viewer)} of one run. */
  public Run scoped(Run run, Viewer viewer) {
    return scoped(List.of(run), viewer).get(0);
  }

  /**
   * The runs as a viewer may see them. Admins and analysts get them as stored. For a sales viewer, {@code customers}
   * and {@code tierCounts} are counted over the run's snapshot rows of their own customers (by the customer's current
   * owner, which every kept snapshot row carries, as every customer list is scoped), so they add up to what the lists
   * show them; a run without a snapshot (running, failed, expired) has no count. Notes and the error's text are withheld ({@link Run#scopedTo}).
   */
  public List<Run> scoped(List<Run> list, Viewer viewer) {
    if (viewer.seesAll()) return list;
    Map<Long, Map<String, Long>> own = ownTierCounts(list.stream().filter(Run::succeeded).map(Run::id).toList(),
        viewer);
    return list.stream().map(run -> {
      if (!run.succeeded()) return run.scopedTo(null, Map.of());
      Map<String, Long> counted = own.getOrDefault(run.id(), Map.of());
      // The stored counts' tiers in model order, with zeros, then any tier the stored counts lack.
      Map<String, Long> tiers = new LinkedHashMap<>();
      run.tierCounts().keySet().forEach(t -> tiers.put(t, counted.getOrDefault(t, 0L)));
      counted.forEach(tiers::putIfAbsent);
      return run.scopedTo((int) tiers.values().stream().mapToLong(Long::longValue).sum(), tiers);
    }).toList();
  }

  /** Customers the viewer may see per run and tier, in one query over the snapshots asked for. */
  private Map<Long, Map<String, Long>> ownTierCounts(List<Long> runIds, Viewer viewer) {
    Map<Long, Map<String, Long>> out = new HashMap<>();
    if (runIds.isEmpty()) return out;
    List<Object> params = new ArrayList<>();
    String scope = viewer.ownerCondition("r.owner", params);
    params.addAll(runIds);
    db.sql("select r.run_id, r.tier, count(*) from snapshot_row r "
            + "where " + scope + " and r.run_id in (" + String.join(", ", Collections.nCopies(runIds.size(), "?"))
            + ") group by r.run_id, r.tier")
        .params(params)
        .query((ResultSet rs) -> {
          out.computeIfAbsent(rs.getLong(1), id -> new HashMap<>()).put(rs.getString(2), rs.getLong(3));
        });
    return out;
  }

  /** Succeeded runs, newest first. */
  public List<Run> succeeded(int limit) {
    Long current = currentId().orElse(null);
    return db.sql(SELECT + " where status = 'succeeded' order by id desc limit ?").param(limit)
        .query((rs, n) -> run(rs, current)).list();
  }

  /**
   * Deletes the snapshot rows of succeeded runs beyond the newest {@code keep} (never the current one, nor the start
   * snapshot of an experiment: its customers' tiers there decide their groups and strata for good).
   *
   * @param removeRows removes a run's snapshot rows ({@link SnapshotTables#remove})
   * @return the runs expired
   */
  int applyRetention(int keep, java.util.function.LongConsumer removeRows) {
    List<Long> old = db.sql("select id from tier_run where status = 'succeeded' and id not in "
        + "(select start_run from experiment) order by id desc").query(Long.class).list().stream().skip(keep).toList();
    Long current = currentId().orElse(null);
    int expired = 0;
    for (Long id : old) {
      if (id.equals(current)) continue;
      removeRows.accept(id);
      expired += db.sql("update tier_run set status = 'expired' where id = ?").param(id).update();
    }
    return expired;
  }

  /**
   * The behavioural clusters a run formed, by id: codes ({@code frequency}, {@code order_size}, {@code recency}: low,
   * mid or high) and figures (size, revenue, centre); empty when it formed none.
   */
  public Map<Integer, Map<String, Object>> clusters(long runId) {
    String stored = db.sql("select clusters from tier_run where id = ?").param(runId).query(String.class).optional()
        .orElse(null);
    Map<Integer, Map<String, Object>> byId = new LinkedHashMap<>();
    if (stored == null) return byId;
    for (Map<String, Object> c : json.readValue(stored, new TypeReference<List<LinkedHashMap<String, Object>>>() {})) {
      byId.put(((Number) c.get("id")).intValue(), c);
    }
    return byId;
  }

  private static final String SELECT_COLUMNS = "select id, status, trigger_kind, as_of, model_version, started_at, "
      + "finished_at, started_by, phase, progress, customers, error, tier_counts, notes";
  private static final String SELECT = SELECT_COLUMNS + " from tier_run";

  private Run run(ResultSet rs, Long current) throws SQLException {
    OffsetDateTime finished = rs.getObject(7, OffsetDateTime.class);
    String counts = rs.getString(13);
    String notes = rs.getString(14);
    return new Run(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class),
        rs.getObject(5, Integer.class), rs.getObject(6, OffsetDateTime.class).toInstant(),
        finished == null ? null : finished.toInstant(), rs.getString(8), RunNote.phase(rs.getString(9)), rs.getDouble(10),
        rs.getObject(11, Integer.class), RunFailure.read(rs.getString(12), json),
        counts == null ? Map.of() : json.readValue(counts, new TypeReference<LinkedHashMap<String, Long>>() {}),
        notes == null ? List.of() : json.readTree(notes).valueStream().map(RunNote::read).toList(),
        current != null && current == rs.getLong(1));
  }

  private static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC);
  }
}
