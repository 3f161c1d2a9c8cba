package strata.server.testing;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import strata.intake.PurchaseRow;
import strata.server.data.SummaryStore;

/** Writes customers and purchases straight into the stores, for tests of what reads them. */
public final class TestData {
  private final JdbcClient db;
  private final SummaryStore summaries;
  private final List<PurchaseRow> pending = new ArrayList<>();
  private int records;

  public TestData(JdbcClient db, SummaryStore summaries) {
    this.db = db;
    this.summaries = summaries;
  }

  public TestData customer(String id, String name, String owner) {
    return customer(id, name, owner, null);
  }

  /** @param created the customer's created day (yyyy-mm-dd), or null when unknown */
  public TestData customer(String id, String name, String owner, String created) {
    db.sql("insert into customer (id, name, industry, size, region, owner, phone, email, created, updated_at) "
            + "values (?, ?, '', '', '', ?, '', '', ?, ?)")
        .params(id, name, owner, created == null ? null : LocalDate.parse(created),
            OffsetDateTime.now(ZoneOffset.UTC)).update();
    return this;
  }

  /** A purchase of {@code yuan} on a day; flushed into the summaries by {@link #commit}. */
  public TestData purchase(String customer, String day, long yuan) {
    LocalDate d = LocalDate.parse(day);
    String recordId = "t" + (++records) + "-" + System.nanoTime();
    db.sql("insert into purchase (record_id, customer_id, purchase_day, amount_cents, order_id, product, category, "
            + "quantity, channel) values (?, ?, ?, ?, '', '', '', '', '')")
        .params(recordId, customer, d, yuan * 100).update();
    pending.add(new PurchaseRow(customer, (int) d.toEpochDay(), yuan * 100, "", ""));
    return this;
  }

  /** A purchase of {@code yuan} (negative: a refund) naming a category and a product, either of which may be "". */
  public TestData purchase(String customer, String day, long yuan, String category, String product) {
    LocalDate d = LocalDate.parse(day);
    String recordId = "t" + (++records) + "-" + System.nanoTime();
    db.sql("insert into purchase (record_id, customer_id, purchase_day, amount_cents, order_id, product, category, "
            + "quantity, channel) values (?, ?, ?, ?, '', ?, ?, '', '')")
        .params(recordId, customer, d, yuan * 100, product, category).update();
    pending.add(new PurchaseRow(customer, (int) d.toEpochDay(), yuan * 100, "", category));
    return this;
  }

  public void commit() {
    summaries.mergeNew(pending);
    pending.clear();
  }
}
