package strata.server.data;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The unindexed tables a file import's rows wait in before they move into their table in index order
 * ({@link StagedRecords}): inserts into a large indexed table cost one random index page per row and index.
 * PostgreSQL has one for purchase (db/postgresql/V30), moved in customer order, the unique check finding stored rows;
 * H2 has one too (db/h2/V32), checked per chunk before it is loaded (H2 has no {@code on conflict ... returning}) and
 * moved in record_id order, the order of its costliest index.
 */
@Component
public class LoadTables {
  /**
   * Rows moved from a load table into their table per transaction: their memory in the server, against index
   * locality in the database. Public for the kill test that stops an import between two moves.
   */
  public static final int MOVED = 200_000;

  private final JdbcClient db;
  private final List<String> present;
  private final boolean h2;

  LoadTables(JdbcClient db, Dialect dialect) {
    this.db = db;
    this.h2 = !dialect.postgres();
    this.present = db.sql("select lower(table_name) from information_schema.tables "
        + "where lower(table_name) like '%\\_load' escape '\\'").query(String.class).list();
  }

  /**
   * The load table of {@code table}, or null where there is none.
   *
   * @param order the order its rows move in where the move finds stored rows itself (PostgreSQL)
   */
  StagedRecords.LoadTable of(String table, String order) {
    String name = table + "_load";
    if (!present.contains(name)) return null;
    return h2 ? StagedRecords.LoadTable.checked(name) : new StagedRecords.LoadTable(name, order);
  }

  /** Deletes what an import that will never switch left in the load tables. */
  void discard(long importId) {
    for (String name : present) db.sql("delete from " + name + " where import_id = ?").param(importId).update();
  }
}
