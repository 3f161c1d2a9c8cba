package strata.server.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The import_hidden table: file imports whose rows are stored but not shown ({@link Visible}). An import is hidden
 * from the transaction that creates its job to its switch ({@link #show}, in the switch's transaction); one that
 * never switches is {@link #discard}ed.
 */
@Component
public class HiddenImports {
  /** Rows deleted per transaction when an import is discarded: a killed 20M-row import must not need one. */
  static final int DELETE_CHUNK = 20_000;
  private static final int IN_LIST = 1_000;
  private static final List<String> TABLES = List.of("purchase", "interaction", "survey");
  private final JdbcClient db;
  private final TransactionTemplate own;
  private final LoadTables loads;

  HiddenImports(JdbcClient db, PlatformTransactionManager transactions, LoadTables loads) {
    this.db = db;
    this.loads = loads;
    this.own = new TransactionTemplate(transactions);
    own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** Call it in the transaction that creates the import's job. */
  public void hide(long importId) {
    db.sql("insert into import_hidden (import_id) values (?)").param(importId).update();
  }

  /** The switch: call it in the transaction that marks the job succeeded and applies what the import staged. */
  public void show(long importId) {
    db.sql("delete from import_hidden where import_id = ?").param(importId).update();
  }

  public List<Long> hidden() {
    return db.sql("select import_id from import_hidden order by import_id").query(Long.class).list();
  }

  /**
   * Up to {@link #DELETE_CHUNK} of the import's rows. Their keys are read first: H2 runs a {@code delete ... where
   * record_id in (select ... from the same table)} by re-reading the subquery for every row of the table.
   */
  private int deleteSome(String table, long importId) {
    List<String> keys = db.sql("select record_id from " + table + " where import_id = ? fetch first " + DELETE_CHUNK
        + " rows only").param(importId).query(String.class).list();
    for (int from = 0; from < keys.size(); from += IN_LIST) {
      List<String> some = keys.subList(from, Math.min(keys.size(), from + IN_LIST));
      db.sql("delete from " + table + " where record_id in (" + String.join(",", Collections.nCopies(some.size(), "?"))
          + ")").params(new ArrayList<Object>(some)).update();
    }
    return keys.size();
  }

  /**
   * Deletes an import that will never switch: its rows a chunk per transaction, then what it staged, and its
   * import_hidden row last, so a server killed meanwhile finds it still hidden and finishes the job. Its rows are
   * invisible throughout, so readers never see a part of it go.
   */
  public void discard(long importId) {
    own.executeWithoutResult(tx -> loads.discard(importId));
    for (String table : TABLES) {
      int deleted;
      do {
        deleted = own.execute(tx -> deleteSome(table, importId));
      } while (deleted > 0);
    }
    own.executeWithoutResult(tx -> {
      db.sql("delete from customer_staged where import_id = ?").param(importId).update();
      db.sql("delete from summary_staged where import_id = ?").param(importId).update();
      show(importId);
    });
  }
}
