package strata.server.run;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import strata.server.data.Dialect;

/**
 * Where a run's snapshot rows live and how they go. On PostgreSQL each run's rows are a partition of snapshot_row
 * (db/postgresql/V48): copied bare into a table of their own, given the parent's key and indexes by sorting, and
 * attached when the run publishes. Keeping the seven indexes row by row was four fifths of PostgreSQL's work on a
 * 1M-row snapshot, building them afterwards half of it (bench/README.md "A full run at 1M customers"). A run that
 * fails, is cut off or expires loses its table whole. On H2 the rows go into snapshot_row itself and go by run.
 */
@Component
public class SnapshotTables {
  private static final Logger log = LoggerFactory.getLogger(SnapshotTables.class);
  /** An index of the parent as pg_indexes states it, up to its method. */
  private static final Pattern INDEX = Pattern.compile("^CREATE (UNIQUE )?INDEX \\S+ ON ONLY \\S+ USING ");

  private final DataSource dataSource;
  private final Dialect dialect;
  private final JdbcClient db;

  SnapshotTables(DataSource dataSource, Dialect dialect, JdbcClient db) {
    this.dataSource = dataSource;
    this.dialect = dialect;
    this.db = db;
  }

  /** The table a run's rows are copied into on PostgreSQL. */
  public static String of(long runId) {
    return "snapshot_run_" + runId;
  }

  /** PostgreSQL: the run's bare table, without key or index; a leftover of the same run is dropped first. */
  static void create(Connection c, long runId) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("drop table if exists " + of(runId));
      s.execute("create table " + of(runId) + " (like snapshot_row including defaults)");
    }
  }

  /**
   * PostgreSQL: gives the run's written rows the parent's key and indexes, as the migrations made them, the check that
   * lets the attach skip its scan, and statistics; the attach then adopts them instead of building its own.
   */
  static void index(Connection c, long runId) throws SQLException {
    String table = of(runId);
    List<String> statements = new ArrayList<>();
    statements.add("alter table " + table + " add constraint " + table + "_run check (run_id = " + runId + ")");
    try (Statement s = c.createStatement()) {
      try (ResultSet key = s.executeQuery("select pg_get_constraintdef(oid) from pg_constraint "
          + "where conrelid = 'snapshot_row'::regclass and contype = 'p'")) {
        key.next();
        statements.add("alter table " + table + " add constraint " + table + "_pkey " + key.getString(1));
      }
      try (ResultSet indexes = s.executeQuery("select indexdef from pg_indexes where schemaname = current_schema() "
          + "and tablename = 'snapshot_row' and indexname <> 'snapshot_row_pkey' order by indexname")) {
        int k = 0;
        while (indexes.next()) {
          Matcher m = INDEX.matcher(indexes.getString(1));
          if (!m.find()) throw new IllegalStateException("unexpected index of snapshot_row: " + indexes.getString(1));
          String unique = m.group(1) == null ? "" : m.group(1);
          String name = table + "_i" + k++;
          statements.add(m.replaceFirst("CREATE " + unique + "INDEX " + name + " ON " + table + " USING "));
        }
      }
      for (String sql : statements) s.execute(sql);
      s.execute("analyze " + table);
    }
  }

  /** In the publishing transaction: the run's rows become part of snapshot_row. */
  void attach(long runId) {
    if (!dialect.postgres()) return;
    db.sql("alter table snapshot_row attach partition " + of(runId) + " for values in (" + runId + ")").update();
  }

  /**
   * Removes a run's rows: on PostgreSQL its table, detached first when attached (concurrently: lists of other runs go
   * on meanwhile), on H2 its rows.
   */
  void remove(long runId) {
    if (!dialect.postgres()) {
      db.sql("delete from snapshot_row where run_id = ?").param(runId).update();
      return;
    }
    String table = of(runId);
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      c.setAutoCommit(true); // a concurrent detach runs outside any transaction
      Boolean pending = null;
      try (ResultSet r = s.executeQuery("select i.inhdetachpending from pg_inherits i join pg_class t on t.oid = "
          + "i.inhrelid where t.relname = '" + table + "' and t.relnamespace = current_schema()::regnamespace")) {
        if (r.next()) pending = r.getBoolean(1);
      }
      if (pending != null) {
        // A detach cut off half-way is finished, not started again.
        s.execute("alter table snapshot_row detach partition " + table + (pending ? " finalize" : " concurrently"));
      }
      s.execute("drop table if exists " + table);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot remove the rows of run " + runId + ": " + e.getMessage(), e);
    }
  }

  /**
   * Removes the rows no run needs, whatever left them (a kill during a write or a drop). On PostgreSQL the tables of runs
   * that are not running and not attached, and attached ones of runs not succeeded (failed or expired); runs of live
   * servers, this one's or others', are left alone. On H2 the rows of failed runs.
   */
  void sweep() {
    if (!dialect.postgres()) {
      db.sql("delete from snapshot_row where run_id in (select id from tier_run where status = 'failed')").update();
      return;
    }
    List<Long> left = db.sql("select cast(substring(t.relname from 14) as bigint) from pg_class t "
        + "left join tier_run r on t.relname = 'snapshot_run_' || r.id "
        + "where t.relkind = 'r' and t.relname ~ '^snapshot_run_[0-9]+$' "
        + "and t.relnamespace = current_schema()::regnamespace "
        + "and coalesce(r.status, '') <> case when t.relispartition then 'succeeded' else 'running' end")
        .query(Long.class).list();
    for (long id : left) {
      try {
        remove(id);
      } catch (RuntimeException e) {
        log.warn("the rows of run {} stay until the next sweep: {}", id, e.getMessage());
      }
    }
  }
}
