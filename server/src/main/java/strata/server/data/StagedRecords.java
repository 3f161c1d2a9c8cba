package strata.server.data;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A file import's rows of one table: new rows go in hidden under the import's id; changes to rows already visible
 * are kept here and made at the switch. File rows get ids from their content, so such changes are rare (a record id
 * of the batch API that looks like a file row's) and few.
 *
 * <p>With a {@link LoadTable} (PostgreSQL), rows are first copied into it, unindexed, and moved into the table
 * {@link LoadTables#MOVED} at a time in index order: the table's indexes then take them page by page instead of one
 * random page per row, and the database's own unique check finds the rows already stored instead of a lookup per
 * chunk. bench/README.md, "Imports into PostgreSQL", has the measurements; H2 stores rows straight in ("H2 imports:
 * what H2 itself takes").
 */
final class StagedRecords<T> implements ImportWrite<T> {
  /** An unindexed table like the target (same columns and import_id) and the target's index order to move rows in. */
  record LoadTable(String name, String order) {}

  private final RecordTable<T> table;
  private final long importId;
  private final LoadTable load;
  private final JdbcTemplate jdbc;
  private final int merged;
  private final List<T> loaded = new ArrayList<>();
  final List<T> changed = new ArrayList<>();
  final List<T> replaced = new ArrayList<>();

  StagedRecords(RecordTable<T> table, long importId) {
    this(table, importId, null, null);
  }

  /** @param load null to store rows straight into the table */
  StagedRecords(RecordTable<T> table, long importId, LoadTable load, JdbcTemplate jdbc) {
    this(table, importId, load, jdbc, LoadTables.MOVED);
  }

  /** @param merged rows moved from the load table at a time */
  StagedRecords(RecordTable<T> table, long importId, LoadTable load, JdbcTemplate jdbc, int merged) {
    this.table = table;
    this.importId = importId;
    this.load = load;
    this.jdbc = jdbc;
    this.merged = merged;
  }

  @Override
  public Written write(List<T> chunk) {
    return Written.of(stage(chunk));
  }

  /** What storing the chunk did; with a load table, what moving the rows loaded so far did, when it was their turn. */
  RecordTable.Changes<T> stage(List<T> chunk) {
    if (load == null) return kept(table.stage(chunk, importId));
    table.insertInto(load.name(), chunk, importId);
    loaded.addAll(chunk);
    return loaded.size() >= merged ? merge() : new RecordTable.Changes<>(List.of(), List.of(), List.of(), 0);
  }

  /** Moves what is still in the load table; call it after the last chunk, in a transaction of its own. */
  RecordTable.Changes<T> flushChanges() {
    RecordTable.Changes<T> none = new RecordTable.Changes<>(List.of(), List.of(), List.of(), 0);
    if (load == null) return none;
    return loaded.isEmpty() ? none : merge();
  }

  @Override
  public Written flush() {
    return Written.of(flushChanges());
  }

  private RecordTable.Changes<T> merge() {
    String t = table.table();
    String cols = String.join(", ", table.columns());
    String keyCol = table.columns().get(0);
    // The sort of a merge's rows must not spill to disk at the default 4 MB.
    jdbc.execute("set local work_mem = '128MB'");
    Set<String> inserted = new HashSet<>(jdbc.queryForList("insert into " + t + " (" + cols + ", import_id) select "
        + cols + ", import_id from " + load.name() + " where import_id = ? order by " + load.order()
        + " on conflict (" + keyCol + ") do nothing returning " + keyCol, String.class, importId));
    jdbc.update("delete from " + load.name() + " where import_id = ?", importId);
    List<T> in = new ArrayList<>(inserted.size());
    List<String> known = new ArrayList<>();
    for (T r : loaded) {
      if (inserted.contains(table.key(r))) in.add(r);
      else known.add(table.key(r));
    }
    Map<String, T> stored = table.load(known);
    List<T> updated = new ArrayList<>();
    List<T> before = new ArrayList<>();
    int unchanged = 0;
    for (T r : loaded) {
      T s = stored.get(table.key(r));
      if (s == null) continue;
      if (s.equals(r)) {
        unchanged++;
      } else {
        updated.add(r);
        before.add(s);
      }
    }
    loaded.clear();
    return kept(new RecordTable.Changes<>(in, updated, before, unchanged));
  }

  private RecordTable.Changes<T> kept(RecordTable.Changes<T> c) {
    changed.addAll(c.updated());
    replaced.addAll(c.replaced());
    return c;
  }

  @Override
  public void atSwitch() {
    table.update(changed);
  }
}
