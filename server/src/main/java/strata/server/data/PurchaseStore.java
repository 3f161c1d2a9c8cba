package strata.server.data;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import strata.intake.PurchaseRow;

/** Purchases by record id, with the customers' summaries kept in step. */
@Service
public class PurchaseStore {
  private final RecordTable<Purchase> table;
  private final SummaryStore summaries;

  public PurchaseStore(JdbcTemplate jdbc, DataSource dataSource, SummaryStore summaries) {
    this.summaries = summaries;
    this.table = new RecordTable<>(jdbc, dataSource, "purchase", List.of("record_id", "customer_id", "purchase_day",
        "amount_cents", "order_id", "product", "category", "quantity", "channel"), Purchase::recordId,
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
   * Purchases of one file import, stored chunk by chunk while their summaries are merged only every
   * {@link #MERGE_ROWS} new rows and at {@link FileWrite#finish}. Merging per 5,000-row chunk rewrote a customer's
   * summary once per chunk holding one of their purchases (about once per purchase: chunks of a file spread over
   * all customers); merging per million rows rewrites it once per million. Use it within the import's transaction,
   * holding the {@link WriteLock}, and call finish before it commits.
   */
  public FileWrite fileWrite() {
    return new FileWrite();
  }

  /** New rows whose summaries are merged together (about 100 MB of rows in memory). */
  static final int MERGE_ROWS = 1_000_000;

  public final class FileWrite {
    private final List<PurchaseRow> pending = new ArrayList<>();

    private FileWrite() {}

    public Written write(List<Purchase> purchases) {
      RecordTable.Changes<Purchase> c = table.write(purchases);
      c.inserted().forEach(p -> pending.add(row(p)));
      Set<String> rebuild = new TreeSet<>();
      c.updated().forEach(p -> rebuild.add(p.customerId()));
      c.replaced().forEach(p -> rebuild.add(p.customerId()));
      // A rebuild reads the stored purchases, pending ones included: merge those first, or they would count twice.
      if (!rebuild.isEmpty() || pending.size() >= MERGE_ROWS) finish();
      if (!rebuild.isEmpty()) summaries.rebuild(rebuild);
      return Written.of(c);
    }

    public void finish() {
      if (!pending.isEmpty()) summaries.mergeNew(pending);
      pending.clear();
    }
  }

  private static PurchaseRow row(Purchase p) {
    return new PurchaseRow(p.customerId(), (int) p.day().toEpochDay(), p.amountCents(), p.orderId(), p.category());
  }
}
