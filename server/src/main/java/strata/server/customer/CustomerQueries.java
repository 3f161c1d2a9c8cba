package strata.server.customer;

import strata.server.data.Visible;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import strata.server.api.NotFound;
import strata.server.api.Page;
import strata.server.api.PagedQuery;
import strata.server.data.SerialReads;
import strata.server.data.SummaryStore;
import strata.server.override.OverrideStore;
import strata.server.run.Run;
import strata.server.run.RunStore;
import strata.server.run.SnapshotExplanations;
import strata.server.run.SnapshotMetrics;
import strata.server.run.SnapshotStats;
import strata.server.security.Viewer;
import strata.server.security.VisibleCustomers;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads customers of a snapshot; every method takes the viewer, and a sales viewer sees only their own customers. */
@Service
public class CustomerQueries {
  record Profile(String name, String industry, String size, String region, String owner, String phone, String email,
      LocalDate birthday, LocalDate created) {}

  record Snapshot(long runId, LocalDate asOf) {}

  record Summary(LocalDate firstPurchase, LocalDate lastPurchase, long orders, long purchaseDays, double net,
      double refunds) {}

  /**
   * @param mergedInto null unless an accepted duplicate pair merged this customer into another
   * @param mergedFrom null unless accepted duplicate pairs merged other ids into this customer
   */
  record Detail(String id, Profile profile, Snapshot snapshot, String tier, String modelTier,
      OverrideStore.Override override, Map<String, String> explanation, Object reason, Map<String, Object> metrics,
      Summary summary, MergedCustomers.MergedInto mergedInto, MergedCustomers.MergedFrom mergedFrom) {
    Detail with(MergedCustomers.Merges m) {
      return new Detail(id, profile, snapshot, tier, modelTier, override, explanation, reason, metrics, summary,
          m.into(), m.from());
    }
  }

  /** The metrics' key of the customer's cluster described as codes and its centre (see {@link #withClusterProfile}). */
  static final String CLUSTER_PROFILE = "cluster_profile";

  /** What describes a cluster to any reader: where its centre lies (codes) and the centre itself. */
  private static final List<String> PROFILE_KEYS = List.of("id", "frequency", "order_size", "recency",
      "recency_days", "purchase_days", "avg_order_value");

  /**
   * The metrics with the description of the customer's cluster beside its number, as codes the page renders in its
   * reader's language. Not the cluster's size or revenue: those are over every customer, and a sales rep sees only
   * their own.
   */
  private Map<String, Object> withClusterProfile(long runId, Map<String, Object> metrics) {
    if (!(metrics.get("cluster") instanceof Number n) || n.intValue() <= 0) return metrics;
    Map<String, Object> cluster = runs.clusters(runId).get(n.intValue());
    if (cluster == null) return metrics;
    Map<String, Object> profile = new LinkedHashMap<>();
    for (String key : PROFILE_KEYS) profile.put(key, cluster.get(key));
    metrics.put(CLUSTER_PROFILE, profile);
    return metrics;
  }

  record HistoryItem(long runId, LocalDate asOf, Instant finishedAt, String tier, String modelTier,
      boolean overridden) {}

  record Transaction(String recordId, LocalDate date, double amount, String orderId, String product,
      String category, String quantity, String channel) {}

  record Interaction(String recordId, LocalDateTime time, String type, String channel, String outcome) {}

  record Survey(String recordId, LocalDateTime time, Integer nps, Integer csat, String comment) {}

  private final JdbcClient db;
  private final RunStore runs;
  private final OverrideStore overrides;
  private final JsonMapper json;
  private final SummaryStore summaries;
  private final VisibleCustomers visible;
  private final MergedCustomers merged;
  private final SearchGrams grams;
  private final SerialReads serial;
  private final SnapshotStats stats;

  CustomerQueries(JdbcClient db, RunStore runs, OverrideStore overrides, JsonMapper json,
      SummaryStore summaries, VisibleCustomers visible, MergedCustomers merged, SearchGrams grams,
      SerialReads serial, SnapshotStats stats) {
    this.stats = stats;
    this.grams = grams;
    this.serial = serial;
    this.merged = merged;
    this.summaries = summaries;
    this.visible = visible;
    this.db = db;
    this.runs = runs;
    this.overrides = overrides;
    this.json = json;
  }

  /**
   * Where a search's capped count stops ("1,000+"), and past which its page walks the order's index. Counting every
   * match of a common word (华信, in 1 name of 24) read ~41,500 customers and sorted them for the page: 5 requests/s at
   * 1M customers (bench/README.md, "Search at 1M on PostgreSQL").
   */
  static final int SEARCH_COUNT_CAP = 1_000;

  /** The fields of a list row, which are the columns a saved view may show. */
  public static List<String> rowFields() {
    return java.util.Arrays.stream(CustomerRow.class.getRecordComponents())
        .map(java.lang.reflect.RecordComponent::getName).toList();
  }

  /** The snapshot a request is about: the given run (which must have succeeded) or the current one. */
  public Run snapshot(Long runId) {
    Run run = runId == null ? runs.current().orElseThrow(() -> new NotFound("no run has succeeded yet"))
        : runs.get(runId);
    if (!run.succeeded()) throw new NotFound("run " + run.id() + " has no snapshot (" + run.status() + ")");
    return run;
  }

  /**
   * A page of the list, by offset ({@code after} null) or after a cursor, with the cursor of the next page.
   *
   * @param page with a cursor, only echoed (the client's own count of pages; the cursor decides the rows)
   * @param after a {@link Page#next()} of this list in this sort; 400 {@code invalid_cursor} if it is not one
   * @param exactTotal count every match; otherwise counting stops at {@link PagedQuery#COUNT_CAP}
   */
  public Page<CustomerRow> list(CustomerFilter f, Viewer v, String sort, int page, int size, boolean exactTotal,
      String after) {
    // Only a search walks an index for an unknown distance; the other lists read index ranges PostgreSQL estimates
    // well, and a transaction around them cost 629 → 491 requests/s (bench/README.md, "Search by grams").
    return f.searching() ? serial.of(() -> listed(f, v, sort, page, size, exactTotal, after))
        : listed(f, v, sort, page, size, exactTotal, after);
  }

  private Page<CustomerRow> listed(CustomerFilter f, Viewer v, String sort, int page, int size, boolean exactTotal,
      String after) {
    CustomerFilter.Sort order = CustomerFilter.sortOf(sort);
    if (after == null) {
      Page<CustomerRow> offset = list(f, v, sort, page, size, exactTotal);
      // Past the count's cap the total does not say whether rows follow a full page: one may, at worst, be empty.
      boolean more = offset.items().size() == size
          && (!offset.totalExact() || (long) (page + 1) * size < offset.total());
      return more ? offset.withNext(next(f, order, offset.items())) : offset;
    }
    ListCursor cursor = ListCursor.decode(after, order);
    Long stored = storedCount(f, v);
    boolean exact = exactTotal || stored != null;
    long counted = stored != null ? stored : counted(keys(f, v), exactTotal, countCap(f));
    CustomerFilter.Sql rows = CursorPages.rows(f, v, grams.pick(f.q()), cursor, size + 1);
    List<CustomerRow> items =
        db.sql(rows.text()).params(rows.params()).query((rs, n) -> CustomerRow.read(rs)).list();
    Page<CustomerRow> answer = exact ? new Page<>(items.subList(0, Math.min(size, items.size())), page, size,
        counted) : PagedQuery.capped(items.subList(0, Math.min(size, items.size())), page, size, counted, countCap(f));
    return items.size() > size ? answer.withNext(next(f, order, answer.items())) : answer;
  }

  /** Every row of {@code count} counted, or up to {@code cap} + 1. */
  private long counted(CustomerFilter.Sql count, boolean exactTotal, int cap) {
    return exactTotal ? db.sql("select count(*)" + count.text()).params(count.params()).query(Long.class).single()
        : PagedQuery.countCapped(db, count.text(), count.params(), cap);
  }

  private String next(CustomerFilter f, CustomerFilter.Sort order, List<CustomerRow> items) {
    return CursorPages.after(db, f.runId(), order, items.get(items.size() - 1).id()).encode();
  }

  /** @param exactTotal count every match; otherwise counting stops at {@link PagedQuery#COUNT_CAP} */
  public Page<CustomerRow> list(CustomerFilter f, Viewer v, String sort, int page, int size, boolean exactTotal) {
    SearchGrams.Gram gram = grams.pick(f.q());
    CustomerFilter.Sql rows = f.from(v, true, gram);
    String order = CustomerFilter.orderBy(sort);
    Long stored = storedCount(f, v);
    if ((stored != null || !exactTotal) && f.pageBeforeCustomer(order)) {
      CustomerFilter.Sql pageSql = keyedPage(f, v, order, page, size);
      List<CustomerRow> items =
          db.sql(pageSql.text()).params(pageSql.params()).query((rs, n) -> CustomerRow.read(rs)).list();
      if (stored != null) return new Page<>(items, page, size, stored);
      CustomerFilter.Sql count = f.from(v, false);
      return PagedQuery.capped(items, page, size, PagedQuery.countCapped(db, count.text(), count.params()));
    }
    if (stored != null) {
      return new Page<>(PagedQuery.items(db, CustomerRow.COLUMNS, rows.text(), order, rows.params(), page, size,
          (rs, n) -> CustomerRow.read(rs)), page, size, stored);
    }
    if (!exactTotal && f.searching()) return searched(f, v, order, gram, rows, page, size);
    if (!exactTotal) {
      return PagedQuery.pageCounted(db, CustomerRow.COLUMNS, f.from(v, false).text(), rows.text(),
          CustomerFilter.orderBy(sort), rows.params(), page, size, (rs, n) -> CustomerRow.read(rs));
    }
    return PagedQuery.page(db, CustomerRow.COLUMNS, f.from(v, false, gram).text(), rows.text(),
        CustomerFilter.orderBy(sort), rows.params(), page, size, (rs, n) -> CustomerRow.read(rs));
  }

  /**
   * A search's page. The capped count reads matches until 1,001 among the customers the grams narrow it to (null: a
   * single character on PostgreSQL, where customers are read until the cap). Fewer matches are read and sorted
   * whole; more, and the page walks the order's index instead, checking each row's id and name, which finds a page of
   * a match that common within 50,000 rows of 1M (a common word within a few thousand), where sorting every match
   * would read them all (bench/README.md, "H2 lists: the name sort and the search", "Search at 1M on PostgreSQL").
   * The name sort has no such walk with a search and sorts the matches.
   */
  private Page<CustomerRow> searched(CustomerFilter f, Viewer v, String order, SearchGrams.Gram gram,
      CustomerFilter.Sql rows, int page, int size) {
    CustomerFilter.Sql count = f.from(v, false, gram);
    long counted = PagedQuery.countCapped(db, count.text(), count.params(), SEARCH_COUNT_CAP);
    List<CustomerRow> items;
    if (counted > SEARCH_COUNT_CAP && !CustomerFilter.byName(order)) {
      CustomerFilter.Sql walk = keyedPage(f, v, order, page, size);
      items = db.sql(walk.text()).params(walk.params()).query((rs, n) -> CustomerRow.read(rs)).list();
    } else {
      items = PagedQuery.items(db, CustomerRow.COLUMNS, rows.text(), order, rows.params(), page, size,
          (rs, n) -> CustomerRow.read(rs));
    }
    return PagedQuery.capped(items, page, size, counted, SEARCH_COUNT_CAP);
  }

  /**
   * The exact count of a list filtered by tier and owner alone, from the snapshot's stored aggregates: a tier of 250k
   * customers counted its rows up to the cap on every page (bench/README.md "Lists counted from the stored
   * aggregates"). Null for other filters, or a snapshot whose aggregates were not computed.
   */
  private Long storedCount(CustomerFilter f, Viewer v) {
    return f.tierAndOwnerOnly() ? stats.customers(f.runId(), v, f.tier(), f.owner()) : null;
  }

  /** Where a list's capped count stops: {@link #SEARCH_COUNT_CAP} for a search, {@link PagedQuery#COUNT_CAP} else. */
  private static int countCap(CustomerFilter f) {
    return f.searching() ? SEARCH_COUNT_CAP : PagedQuery.COUNT_CAP;
  }

  /**
   * A page whose keys are chosen first, then its 50 rows and customers are read. Joining before the limit looked up
   * the customer of every row the offset skipped (550 primary-key probes for page 10; bench/server-explain.sql), and
   * asked for the wide rows, H2 read and sorted the whole snapshot: selecting only keys lets it walk an index that
   * holds them (bench/README.md, "H2 lists").
   */
  static CustomerFilter.Sql keyedPage(CustomerFilter f, Viewer v, String order, int page, int size) {
    boolean byName = CustomerFilter.byName(order);
    CustomerFilter.Sql keys = byName ? f.nameKeys(v, order, (page + 1) * size) : f.from(v, false);
    List<Object> params = new java.util.ArrayList<>(keys.params());
    params.add(size);
    params.add((long) page * size);
    String keyOrder = byName ? "" : f.indexOrder(v, order); // the name's keys come in their order
    String keyColumns = byName ? "k.run_id, k.customer_id" : "r.run_id, r.customer_id";
    return new CustomerFilter.Sql(CustomerRow.COLUMNS + " from (select " + keyColumns + keys.text() + keyOrder
        + " limit ? offset ?) k join snapshot_row r on r.run_id = k.run_id and "
        + "r.customer_id = k.customer_id left join customer c on c.id = r.customer_id" + order, params);
  }

  /** The filter's {@code from … where …} without the customer columns, its search narrowed by the grams (H2). */
  CustomerFilter.Sql keys(CustomerFilter f, Viewer v) {
    return f.from(v, false, grams.pick(f.q()));
  }

  /** Streams the whole filtered list (exports), in the list's order. */
  public void each(CustomerFilter f, Viewer v, String sort, Consumer<CustomerRow> action) {
    CustomerFilter.Sql from = f.from(v, true, grams.pick(f.q()));
    db.sql(CustomerRow.EXPORT_COLUMNS + from.text() + CustomerFilter.orderBy(sort)).params(from.params())
        .query((ResultSet rs) -> action.accept(CustomerRow.readExported(rs)));
  }

  /** 404 unless the customer exists and the viewer may see them (so ids of others cannot be probed). */
  public void checkVisible(String id, Viewer v) {
    visible.check(id, v);
  }

  public Detail detail(String id, Viewer v) {
    checkVisible(id, v);
    Profile profile = db.sql("select name, industry, size, region, owner, phone, email, birthday, created "
            + "from customer where id = ?").param(id)
        .query((rs, n) -> new Profile(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getString(6), rs.getString(7), rs.getObject(8, LocalDate.class),
            rs.getObject(9, LocalDate.class)))
        .optional().orElse(null);
    // The stored summary, which the run scored: the same orders, days and amounts, without reading the purchases.
    Summary summary = summaries.load(List.of(id)).values().stream().findFirst()
        .map(c -> new Summary(LocalDate.ofEpochDay(c.firstDay()), LocalDate.ofEpochDay(c.lastDay()), c.orders(),
            c.purchaseDays().length, c.netCents() / 100.0, c.refundCents() / 100.0))
        .orElse(null);
    OverrideStore.Override override = overrides.activeFor(id).orElse(null);
    Run run = runs.current().orElse(null);
    if (run == null) {
      return new Detail(id, profile, null, null, null, override, null, null, null, summary, null, null)
          .with(merged.of(id, v, false));
    }
    // The row's columns first, the explanation and the cluster after: a query inside the row mapper would hold this
    // query's connection while it waits for a second one, and enough lookups at once took every connection of the
    // pool and waited for each other (a fixed-rate load of lookups, bench/README.md "Fixed rate at 1M").
    SnapshotRow row = db.sql("select r.model_tier, r.metrics, r.explanation, r.tier, t.metric_keys from snapshot_row r "
            + "join tier_run t on t.id = r.run_id where r.run_id = ? and r.customer_id = ?")
        .params(run.id(), id)
        .query((rs, n) -> new SnapshotRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5)))
        .optional().orElse(null);
    if (row == null) {
      return new Detail(id, profile, new Snapshot(run.id(), run.asOf()), null, null, override, null, null, null,
          summary, null, null).with(merged.of(id, v, false));
    }
    Map<String, Object> stored = json.readValue(SnapshotExplanations.read(db, run.id(), row.explanation()),
        new TypeReference<LinkedHashMap<String, Object>>() {});
    // The model's reason as data (absent from snapshots written before it was stored); the texts beside it.
    Object reason = stored.remove("reason");
    // Rows written before overrides were added on reading carry the note of the override then in force, flagged
    // (V40): it comes off, and the note of the override in force now, if any, goes in front.
    boolean noted = Boolean.TRUE.equals(stored.remove("overridden"));
    Map<String, String> explanation = new LinkedHashMap<>();
    stored.forEach((lang, text) -> explanation.put(lang, String.valueOf(text)));
    if (noted) {
      explanation.replaceAll((lang, text) -> OverrideStore.Override.modelReason(text, Locale.forLanguageTag(lang)));
    }
    if (override != null) {
      explanation.replaceAll((lang, text) -> override.explanation(Locale.forLanguageTag(lang), text));
    }
    // The stored tier, which follows the override only when the snapshot's model has the override's tier.
    return new Detail(id, profile, new Snapshot(run.id(), run.asOf()),
        override != null ? row.tier() : row.modelTier(), row.modelTier(), override, explanation, reason,
        withClusterProfile(run.id(), SnapshotMetrics.of(json, row.metricKeys()).map(json, row.metrics())),
        summary, null, null).with(merged.of(id, v, true));
  }

  /** A snapshot row's columns as {@link #detail} reads them. */
  private record SnapshotRow(String modelTier, String metrics, String explanation, String tier, String metricKeys) {}

  public List<HistoryItem> history(String id, Viewer v) {
    checkVisible(id, v);
    return db.sql("select r.run_id, t.as_of, t.finished_at, r.tier, r.model_tier from snapshot_row r "
            + "join tier_run t on t.id = r.run_id where r.customer_id = ? and t.status = 'succeeded' "
            + "order by r.run_id desc").param(id)
        .query((rs, n) -> new HistoryItem(rs.getLong(1), rs.getObject(2, LocalDate.class),
            rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getString(4), rs.getString(5),
            !rs.getString(4).equals(rs.getString(5))))
        .list();
  }

  public HistoryItem tierAt(String id, long runId, Viewer v) {
    return history(id, v).stream().filter(h -> h.runId() == runId).findFirst()
        .orElseThrow(() -> new NotFound("customer " + id + " is not in snapshot " + runId));
  }

  public Page<Transaction> transactions(String id, Viewer v, int page, int size) {
    checkVisible(id, v);
    return page("purchase", id, "purchase_day desc, record_id", page, size,
        "record_id, purchase_day, amount_cents, order_id, product, category, quantity, channel",
        rs -> new Transaction(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getLong(3) / 100.0,
            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)));
  }

  public Page<Interaction> interactions(String id, Viewer v, int page, int size) {
    checkVisible(id, v);
    return page("interaction", id, "at desc, record_id", page, size, "record_id, at, type, channel, outcome",
        rs -> new Interaction(rs.getString(1), rs.getObject(2, LocalDateTime.class), rs.getString(3),
            rs.getString(4), rs.getString(5)));
  }

  public Page<Survey> surveys(String id, Viewer v, int page, int size) {
    checkVisible(id, v);
    return page("survey", id, "at desc, record_id", page, size, "record_id, at, nps, csat, comment",
        rs -> new Survey(rs.getString(1), rs.getObject(2, LocalDateTime.class), rs.getObject(3, Integer.class),
            rs.getObject(4, Integer.class), rs.getString(5)));
  }

  private interface RowReader<T> {
    T read(ResultSet rs) throws java.sql.SQLException;
  }

  private <T> Page<T> page(String table, String id, String order, int page, int size, String columns,
      RowReader<T> reader) {
    return PagedQuery.page(db, "select " + columns,
        " from " + table + " where customer_id = ? and " + Visible.rows(table), " order by " + order,
        List.of(id), page, size, (rs, n) -> reader.read(rs));
  }
}
