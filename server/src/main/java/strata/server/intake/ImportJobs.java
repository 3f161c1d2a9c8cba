package strata.server.intake;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import strata.i18n.Note;
import strata.server.api.Page;
import strata.server.cluster.Instance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The import_job table: one row per upload, its status, progress and quality (as JSON). */
@Repository
class ImportJobs {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String SELECT = "select id, kind, file_name, status, progress, created_by, created_at, "
      + "finished_at, error, quality, run_id from import_job";
  private final JdbcClient db;

  ImportJobs(JdbcClient db) {
    this.db = db;
  }

  /** @param instance the server whose import thread applies it */
  long create(String kind, String fileName, String username, String instance) {
    var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
    db.sql("insert into import_job (kind, file_name, status, progress, created_by, created_at, instance_id) "
            + "values (?, ?, 'queued', 0, ?, ?, ?)")
        .params(kind, cut(fileName, 500), username, now(), instance)
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  void running(long id) {
    db.sql("update import_job set status = 'running' where id = ?").param(id).update();
  }

  void progress(long id, double progress) {
    db.sql("update import_job set progress = ? where id = ?").params(progress, id).update();
  }

  void succeeded(long id, FileImport.Staged staged) {
    db.sql("update import_job set status = 'succeeded', progress = 1, finished_at = ?, quality = ? where id = ?")
        .params(now(), stored(staged), id).update();
  }

  /**
   * @param why its code and arguments ({@link ImportFailure})
   * @param staged what the file gave, null when it was not read
   */
  void failed(long id, Note why, FileImport.Staged staged) {
    db.sql("update import_job set status = 'failed', finished_at = ?, error = ?, quality = ? where id = ?")
        .params(now(), ImportFailure.stored(why), staged == null ? null : stored(staged), id).update();
  }

  /** The quality as JSON with its warnings as codes and values, so that they read in any language later. */
  private static String stored(FileImport.Staged staged) {
    ObjectNode quality = JSON.valueToTree(staged.quality());
    quality.set("warnings", JSON.valueToTree(staged.warnings()));
    return JSON.writeValueAsString(quality);
  }

  /** A stored quality as the API shows it; warnings stored before they had codes are English text. */
  private static ImportQuality quality(String stored) {
    ObjectNode quality = (ObjectNode) JSON.readTree(stored);
    JsonNode warnings = quality.remove("warnings");
    List<ImportWarning> shown = warnings == null ? List.of()
        : warnings.valueStream().map(ImportWarning::read).toList();
    return JSON.treeToValue(quality, ImportQuality.class).withWarnings(shown);
  }

  /**
   * Jobs left queued or running by a server that stopped or died ({@link Instance#orphaned}) can never finish: they
   * are marked failed. Their rows, if any, are still hidden (they never switched) and are deleted next.
   */
  int failOrphans(Instance instance) {
    java.util.List<Object> params = new java.util.ArrayList<>(List.of(now(),
        ImportFailure.stored(Note.of(ImportFailure.CUT_OFF))));
    params.addAll(List.of(instance.orphanParams()));
    return db.sql("update import_job set status = 'failed', finished_at = ?, error = ? "
            + "where status in ('queued', 'running') and " + Instance.orphaned("instance_id", "created_at"))
        .params(params).update();
  }

  /** Of these import ids, those whose job failed or is gone: they will never switch on. */
  List<Long> failedAmong(List<Long> ids) {
    if (ids.isEmpty()) return ids;
    String marks = String.join(",", java.util.Collections.nCopies(ids.size(), "?"));
    List<Long> live = db.sql("select id from import_job where status <> 'failed' and id in (" + marks + ")")
        .params(new java.util.ArrayList<Object>(ids)).query(Long.class).list();
    return ids.stream().filter(id -> !live.contains(id)).toList();
  }

  void linkRun(long id, long runId) {
    db.sql("update import_job set run_id = ? where id = ?").params(runId, id).update();
  }

  Optional<ImportJob> find(long id) {
    return db.sql(SELECT + " where id = ?").param(id).query((rs, n) -> job(rs)).optional();
  }

  Page<ImportJob> list(int page, int size) {
    long total = db.sql("select count(*) from import_job").query(Long.class).single();
    List<ImportJob> items = db.sql(SELECT + " order by id desc limit ? offset ?").params(size, (long) page * size)
        .query((rs, n) -> job(rs)).list();
    return new Page<>(items, page, size, total);
  }

  private static ImportJob job(ResultSet rs) throws SQLException {
    OffsetDateTime finished = rs.getObject(8, OffsetDateTime.class);
    String quality = rs.getString(10);
    // Not getLong and wasNull: wasNull answers for the column read last, which the constructor's arguments change.
    Long runId = rs.getObject(11, Long.class);
    return new ImportJob(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getDouble(5),
        rs.getString(6), rs.getObject(7, OffsetDateTime.class).toInstant(),
        finished == null ? null : finished.toInstant(), ImportFailure.read(rs.getString(9)),
        quality == null ? null : quality(quality), runId);
  }

  private static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC);
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
