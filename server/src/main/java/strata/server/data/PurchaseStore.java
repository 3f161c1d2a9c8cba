package strata.server.data;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import strata.intake.PurchaseRow;
import strata.summary.CustomerSummary;

/** Purchases by record id, with the customers' summaries kept in step. */
@Service
public class PurchaseStore {
  private final RecordTable<Purchase> table;
  private final SummaryStore summaries;
  private final JdbcTemplate jdbc;
  private final StagedRecords.LoadTable load;

  public PurchaseStore(JdbcTemplate jdbc, DataSource dataSource, Dialect dialect, SummaryStore summaries,
      LoadTables loads) {
    this.summaries = summaries;
    this.jdbc = jdbc;
    this.load = loads.of("purchase", "customer_id, purchase_day");
    this.table = new RecordTable<>(jdbc, dataSource, dialect, "purchase", List.of("record_id", "customer_id",
        "purchase_day", "amount_cents", "order_id", "product", "category", "quantity", "channel"), Purchase::recordId,
        p -> new Object[] {p.recordId(), p.customerId(), p.day(), p.amountCents(), p.orderId(), p.product(),
            p.category(), p.quantity(), p.channel()},
        (rs, n) -> new Purchase(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getLong(4),
            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)));
  }

  /**
   * Stores purchases: new record ids are inserted and merged into their customers' summaries; a record id stored
   * with other content is updated and the summaries of its customers (before and after) rebuilt, since a merge
   * cannot take a purchase back out. Callers hold the {@link WriteLock}.
   *
   * @param purchases distinct record ids, at most a few thousand
   */
  @Transactional
  public Written write(List<Purchase> purchases) {
    RecordTable.Changes<Purchase> c = table.write(purchases);
    if (!c.inserted().isEmpty()) summaries.mergeNew(c.inserted().stream().map(PurchaseStore::row).toList());
    Set<String> rebuild = new TreeSet<>();
    c.updated().forEach(p -> rebuild.add(p.customerId()));
    c.replaced().forEach(p -> rebuild.add(p.customerId()));
    if (!rebuild.isEmpty()) summaries.rebuild(rebuild);
    return Written.of(c);
  }

  /**
   * Purchases of one file import, hidden until its switch ({@link ImportWrite}). Their customers' summaries are
   * staged before the switch and replace the stored ones at it, so no summary ever counts a purchase nobody can see.
   * New rows are summarised in memory every {@link #MERGE_ROWS} rows (summaries merge), so memory holds at most that
   * many rows and one summary per customer of the file (a run holds one per customer of the store).
   */
  public ImportWrite<Purchase> fileWrite(long importId) {
    return new FileWrite(importId);
  }

  /** New rows summarised together (about 100 MB of rows in memory). */
  static final int MERGE_ROWS = 1_000_000;

  private final class FileWrite implements ImportWrite<Purchase> {
    private final StagedRecords<Purchase> rows;
    private final long importId;
    private final List<PurchaseRow> pending = new ArrayList<>();
    private final Map<String, CustomerSummary> fresh = new HashMap<>();

    private FileWrite(long importId) {
      this.importId = importId;
      this.rows = new StagedRecords<>(table, importId, load, jdbc);
    }

    @Override
    public Written write(List<Purchase> purchases) {
      return summarised(rows.stage(purchases));
    }

    @Override
    public Written flush() {
      return summarised(rows.flushChanges());
    }

    private Written summarised(RecordTable.Changes<Purchase> c) {
      c.inserted().forEach(p -> pending.add(row(p)));
      if (pending.size() >= MERGE_ROWS) fold();
      return Written.of(c);
    }

    @Override
    public void beforeSwitch() {
      fold();
      summaries.stage(importId, fresh);
      fresh.clear();
    }

    @Override
    public void atSwitch() {
      summaries.applyStaged(importId);
      rows.atSwitch();
      Set<String> rebuild = new TreeSet<>();
      rows.changed.forEach(p -> rebuild.add(p.customerId()));
      rows.replaced.forEach(p -> rebuild.add(p.customerId()));
      // After the staged summaries and with the import's rows visible: a rebuild reads what readers will see.
      if (!rebuild.isEmpty()) summaries.rebuild(rebuild);
    }

    private void fold() {
      if (pending.isEmpty()) return;
      PurchaseRow.summarise(pending).forEach((id, s) -> fresh.merge(id, s, CustomerSummary::merge));
      pending.clear();
    }
  }

  private static PurchaseRow row(Purchase p) {
    return new PurchaseRow(p.customerId(), (int) p.day().toEpochDay(), p.amountCents(), p.orderId(), p.category());
  }
}
