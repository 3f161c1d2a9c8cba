package strata.server.data;

import java.nio.ByteBuffer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import strata.intake.PurchaseRow;
import strata.summary.CustomerSummary;

/**
 * The stored per-customer purchase summaries. New purchases are merged in as they arrive (summaries are mergeable),
 * so a tiering run reads one row per customer, never the purchase history.
 */
@Service
public class SummaryStore {
  private static final int CHUNK = 1000;
  private final JdbcClient db;
  private final JdbcTemplate jdbc;
  private final StreamedReads streamed;

  private final TransactionTemplate transaction;

  public SummaryStore(JdbcClient db, JdbcTemplate jdbc, PlatformTransactionManager transactions,
      StreamedReads streamed) {
    this.db = db;
    this.streamed = streamed;
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(transactions);
  }

  /** Folds newly stored purchases into their customers' summaries. Callers hold the write lock of the data. */
  @Transactional
  public void mergeNew(List<PurchaseRow> inserted) {
    Map<String, CustomerSummary> fresh = PurchaseRow.summarise(inserted);
    List<String> ids = new ArrayList<>(fresh.keySet());
    for (int from = 0; from < ids.size(); from += CHUNK) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
      Map<String, CustomerSummary> old = load(chunk);
      List<CustomerSummary> inserts = new ArrayList<>();
      List<CustomerSummary> updates = new ArrayList<>();
      for (String id : chunk) {
        CustomerSummary now = fresh.get(id);
        CustomerSummary before = old.get(id);
        if (before == null) inserts.add(now);
        else updates.add(before.merge(now));
      }
      // One JDBC batch each instead of a statement per customer: the bench (bench/run-server.sh, 20M purchases of
      // 1M customers on PostgreSQL) found the import spending most of its time in these round trips.
      if (!inserts.isEmpty()) jdbc.batchUpdate(INSERT, inserts.stream().map(SummaryStore::insertArgs).toList());
      if (!updates.isEmpty()) jdbc.batchUpdate(UPDATE, updates.stream().map(SummaryStore::updateArgs).toList());
    }
  }

  /**
   * Stages a file import's customers' summaries with its new purchases ({@code fresh}) merged in, for
   * {@link #applyStaged} at its switch: a chunk of customers per transaction, so no transaction grows with the file.
   * The stored summaries cannot change meanwhile (the import holds the write lock), so the merge stays true. Call it
   * outside any transaction.
   */
  public void stage(long importId, Map<String, CustomerSummary> fresh) {
    List<String> ids = new ArrayList<>(fresh.keySet());
    for (int from = 0; from < ids.size(); from += CHUNK) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
      Map<String, CustomerSummary> old = load(chunk);
      List<Object[]> rows = new ArrayList<>();
      for (String id : chunk) {
        CustomerSummary before = old.get(id);
        Object[] args = insertArgs(before == null ? fresh.get(id) : before.merge(fresh.get(id)));
        Object[] tagged = new Object[args.length + 1];
        tagged[0] = importId;
        System.arraycopy(args, 0, tagged, 1, args.length);
        rows.add(tagged);
      }
      transaction.executeWithoutResult(tx -> jdbc.batchUpdate("insert into summary_staged (import_id, "
          + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows));
    }
  }

  /**
   * Customers an import adds purchases for who have no customer record, while any customer has one (as the CLI notes
   * purchasers missing from a customers file): read from its staged summaries, before its switch.
   *
   * @param examples how many of their ids to give, the smallest first
   * @return none when every such customer has a record, or when no customer has one
   */
  public Unrecorded stagedWithoutRecord(long importId, int examples) {
    boolean anyRecord = db.sql("select count(*) from (select 1 from customer limit 1) c")
        .query(Long.class).single() > 0;
    if (!anyRecord) return new Unrecorded(0, List.of());
    String without = " from summary_staged s where s.import_id = ? and not exists "
        + "(select 1 from customer c where c.id = s.customer_id)";
    long count = db.sql("select count(*)" + without).param(importId).query(Long.class).single();
    List<String> ids = count == 0 ? List.of() : db.sql("select s.customer_id" + without
        + " order by s.customer_id limit " + examples).param(importId).query(String.class).list();
    return new Unrecorded(count, ids);
  }

  /** Purchasers without a customer record: how many, and a few of their ids. */
  public record Unrecorded(long count, List<String> examples) {}

  /** In an import's switch: its staged summaries replace its customers' stored ones. */
  public void applyStaged(long importId) {
    db.sql("delete from customer_summary where customer_id in "
        + "(select customer_id from summary_staged where import_id = ?)").param(importId).update();
    db.sql("insert into customer_summary (" + COLUMNS + ") select " + COLUMNS
        + " from summary_staged where import_id = ?").param(importId).update();
    db.sql("delete from summary_staged where import_id = ?").param(importId).update();
  }

  /** Rebuilds customers' summaries from their stored purchases: after a purchase was changed, merging cannot undo it. */
  @Transactional
  public void rebuild(Collection<String> customerIds) {
    for (String id : customerIds) {
      List<PurchaseRow> rows = db.sql("select customer_id, purchase_day, amount_cents, order_id, category from purchase "
              + "where customer_id = ? and " + Visible.rows("purchase"))
          .param(id)
          .query((rs, n) -> new PurchaseRow(rs.getString(1), (int) rs.getObject(2, LocalDate.class).toEpochDay(),
              rs.getLong(3), rs.getString(4), rs.getString(5)))
          .list();
      db.sql("delete from customer_summary where customer_id = ?").param(id).update();
      if (!rows.isEmpty()) insert(PurchaseRow.summarise(rows).get(id));
    }
  }

  /** What the purchases of some customers sum to up to a day, and how many of their purchases come later. */
  public record Truncated(Map<String, CustomerSummary> summaries, long rowsAfter) {}

  /**
   * The customers' summaries over their purchases on or before {@code lastDay}, rebuilt from the stored purchases
   * (a summary cannot drop a day's purchases); customers with none by then are left out.
   */
  public Truncated upTo(Collection<String> customerIds, int lastDay) {
    return upTo(customerIds, lastDay, Long.MAX_VALUE);
  }

  /** As {@link #upTo(Collection, int)}, leaving out purchases whose amount is at least {@code belowCents} in size. */
  public Truncated upTo(Collection<String> customerIds, int lastDay, long belowCents) {
    List<String> ids = new ArrayList<>(customerIds);
    List<PurchaseRow> rows = new ArrayList<>();
    long after = 0;
    LocalDate last = LocalDate.ofEpochDay(lastDay);
    for (int from = 0; from < ids.size(); from += CHUNK) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
      String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
      List<Object> params = new ArrayList<>(chunk);
      params.add(last);
      List<Object> within = new ArrayList<>(params);
      within.add(belowCents);
      rows.addAll(db.sql("select customer_id, purchase_day, amount_cents, order_id, category from purchase "
              + "where customer_id in (" + marks + ") and purchase_day <= ? and abs(amount_cents) < ? and "
              + Visible.rows("purchase"))
          .params(within)
          .query((rs, n) -> new PurchaseRow(rs.getString(1), (int) rs.getObject(2, LocalDate.class).toEpochDay(),
              rs.getLong(3), rs.getString(4), rs.getString(5)))
          .list());
      after += db.sql("select count(*) from purchase where customer_id in (" + marks + ") and purchase_day > ? and "
          + Visible.rows("purchase"))
          .params(params).query(Long.class).single();
    }
    return new Truncated(rows.isEmpty() ? Map.of() : PurchaseRow.summarise(rows), after);
  }

  /** Every summary, in customer id order, handed over one at a time (a million customers fit; their rows need not). */
  public void forEach(Consumer<CustomerSummary> action) {
    streamed.query(SELECT + " order by customer_id", List.of(), rs -> action.accept(summary(rs)));
  }

  public Map<String, CustomerSummary> load(Collection<String> ids) {
    Map<String, CustomerSummary> out = new TreeMap<>();
    if (ids.isEmpty()) return out;
    String marks = String.join(",", java.util.Collections.nCopies(ids.size(), "?"));
    db.sql(SELECT + " where customer_id in (" + marks + ")").params(new ArrayList<>(ids))
        .query((rs, n) -> summary(rs)).list().forEach(s -> out.put(s.customerId(), s));
    return out;
  }

  private static final String COLUMNS = "customer_id, purchase_days, order_keys, lines_without_order, lines, "
      + "net_cents, refund_cents, first_day_net_cents, categories";
  private static final String INSERT = "insert into customer_summary (" + COLUMNS + ") "
      + "values (?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String UPDATE = "update customer_summary set purchase_days = ?, order_keys = ?, "
      + "lines_without_order = ?, lines = ?, net_cents = ?, refund_cents = ?, first_day_net_cents = ?, "
      + "categories = ? where customer_id = ?";

  private void insert(CustomerSummary s) {
    jdbc.update(INSERT, insertArgs(s));
  }

  private static Object[] insertArgs(CustomerSummary s) {
    return new Object[] {s.customerId(), days(s.purchaseDays()), keys(s.orderKeys()), s.linesWithoutOrderId(),
        s.lines(), s.netCents(), s.refundCents(), s.firstDayNetCents(), Categories.format(s.categoryLines())};
  }

  private static Object[] updateArgs(CustomerSummary s) {
    return new Object[] {days(s.purchaseDays()), keys(s.orderKeys()), s.linesWithoutOrderId(), s.lines(),
        s.netCents(), s.refundCents(), s.firstDayNetCents(), Categories.format(s.categoryLines()), s.customerId()};
  }

  private static final String SELECT = "select customer_id, purchase_days, order_keys, lines_without_order, lines, "
      + "net_cents, refund_cents, first_day_net_cents, categories from customer_summary";

  private static CustomerSummary summary(ResultSet rs) throws SQLException {
    ByteBuffer d = ByteBuffer.wrap(rs.getBytes(2));
    int[] days = new int[d.remaining() / 4];
    d.asIntBuffer().get(days);
    ByteBuffer k = ByteBuffer.wrap(rs.getBytes(3));
    long[] keys = new long[k.remaining() / 8];
    k.asLongBuffer().get(keys);
    return new CustomerSummary(rs.getString(1), days, keys, rs.getLong(4), rs.getLong(5), rs.getLong(6),
        rs.getLong(7), rs.getLong(8), Categories.parse(rs.getString(9)));
  }

  private static byte[] days(int[] days) {
    ByteBuffer b = ByteBuffer.allocate(days.length * 4);
    b.asIntBuffer().put(days);
    return b.array();
  }

  private static byte[] keys(long[] keys) {
    ByteBuffer b = ByteBuffer.allocate(keys.length * 8);
    b.asLongBuffer().put(keys);
    return b.array();
  }
}
