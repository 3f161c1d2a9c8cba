package strata.server.data;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The unindexed tables a file import's rows wait in before they move into their table in index order
 * ({@link StagedRecords}): inserts into a large indexed table cost one random index page per row and index.
 * PostgreSQL has one for purchase (db/postgresql/V30), moved in customer order, the unique check finding stored rows.
 * H2 had one (db/h2/V32) until its raised write budget made storing rows straight into purchase faster (db/h2/V52).
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

  LoadTables(JdbcClient db) {
    this.db = db;
    this.present = db.sql("select lower(table_name) from information_schema.tables "
        + "where lower(table_name) like '%\\_load' escape '\\'").query(String.class).list();
  }

  /**
   * The load table of {@code table}, or null where there is none.
   *
   * @param order the order its rows move in
   */
  StagedRecords.LoadTable of(String table, String order) {
    String name = table + "_load";
    return present.contains(name) ? new StagedRecords.LoadTable(name, order) : null;
  }

  /** Deletes what an import that will never switch left in the load tables. */
  void discard(long importId) {
    for (String name : present) db.sql("delete from " + name + " where import_id = ?").param(importId).update();
  }
}
