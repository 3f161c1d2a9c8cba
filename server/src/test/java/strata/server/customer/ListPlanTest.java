package strata.server.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import strata.server.security.Role;
import strata.server.security.Viewer;
import strata.server.testing.ServerTest;

/**
 * A list page on the embedded H2 reads about a page of index entries, not the snapshot: H2's own {@code EXPLAIN
 * ANALYZE} counts the rows the page's key query scanned. Before the keyed page it read and sorted every row of the
 * snapshot (or of the tier) for each page, seconds at 50k customers (bench/README.md, "H2 lists").
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS) // one snapshot for every case
class ListPlanTest extends ServerTest {
  private static final long RUN = 900_001;
  private static final int ROWS = 10_000;

  @Autowired
  JdbcClient db;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry r) {
    h2(r);
  }

  @BeforeAll
  void snapshot() {
    // Wide rows as a run writes them: the metrics and explanation texts are what made H2 prefer sorting the table.
    // Every tenth customer has no recency, CLV nor P(alive) (never bought, or no model fitted), so missing values
    // are placed by the same index walk.
    db.sql("insert into snapshot_row (run_id, customer_id, tier, model_tier, lifecycle, frequency, monetary_cents, "
        + "composite_score, recency_days, clv, p_alive, metrics, explanation, owner) select " + RUN + ", 'P' || x, "
        + "'t' || mod(x, 4), 't' || mod(x, 4), 'active', mod(x, 20), mod(x * 31, 1000000), "
        + "mod(x * 17, 1000) / 1000.0, nullif(mod(x * 7, 400), 0), case when mod(x, 10) > 0 then mod(x * 13, 5000) end, "
        + "case when mod(x, 10) > 0 then mod(x * 11, 100) / 100.0 end, repeat('m', 800), repeat('e', 1200), "
        + "case when mod(x, 10) > 0 then 'owner' || mod(x, 8) end from system_range(1, " + ROWS + ") t(x)")
        .update();
    // Every tenth customer only bought: no profile, so no name and no owner (as a run writes them). The others' names
    // repeat, so the name sort has ties.
    db.sql("insert into customer (id, name, industry, size, region, owner, phone, email, updated_at) select 'P' || x, "
        + "'客户' || mod(x * 7, 1000), '', '', '', 'owner' || mod(x, 8), '', '', current_timestamp from "
        + "system_range(1, " + ROWS + ") t(x) where mod(x, 10) > 0").update();
    db.sql("analyze").update();
  }

  @AfterAll
  void remove() {
    db.sql("delete from snapshot_row where run_id = ?").param(RUN).update();
    db.sql("delete from customer where id like 'P%'").update();
  }

  @ParameterizedTest
  @CsvSource(nullValues = "-", value = {
      "-,  -,      -,        -,    admin",   // the default list: composite score, best first
      "t1, -,      -,        -,    admin",   // one tier
      "-,  owner3, -,        -,    admin",   // one owner
      "t3, owner3, -,        -,    admin",
      "t1, -,      -,        -,    sales",   // a sales user's tier: their owner is the filter's constant
      "-,  -,      monetary, desc, admin",
      "-,  -,      id,       -,    admin",
      "t3, -,      id,       -,    admin"})
  void aPageScansAboutAPageOfTheIndex(String tier, String owner, String sort, String sortDir, String who) {
    CustomerFilter f = new CustomerFilter(RUN, tier, null, null, null, null, null, owner, null, null);
    String sortParam = sort == null ? null : sortDir == null ? sort : sort + "," + sortDir;
    // A tier in another order than the default has no index of its own: H2 reads the tier's entries of the narrow
    // (run, tier, score, id) index, a quarter of the snapshot here, and sorts those, never the wide rows.
    long bound = tier == null || sort == null ? 201 : ROWS / 4 + 1;
    assertThat(scanned(f, viewer(who), sortParam)).isLessThanOrEqualTo(bound);
  }

  /**
   * Every sort the list offers, both ways, for everybody and for a sales user: page 4 reads its 200 entries. A sales
   * user's metric sorts read their own entries of the one index holding every metric (V50) and sort those: the
   * owner's 1,250 entries, never the rows and never another owner's.
   */
  @ParameterizedTest
  @CsvSource({"compositeScore", "monetary", "frequency", "recencyDays", "clv", "pAlive", "tier", "id"})
  void everySortBothWaysScansAboutAPage(String field) {
    for (String who : List.of("admin", "sales")) {
      for (String dir : List.of("asc", "desc")) {
        Matcher scan = keyScan(keyPlan(CustomerFilter.all(RUN), viewer(who), field + "," + dir));
        String what = who + " " + dir + " " + scan.group();
        if (who.equals("sales") && OWNER_METRIC_SORTS.contains(field)) {
          assertThat(scan.group(1)).as(what).isEqualTo("snapshot_row_owner_sorts");
          assertThat(Long.parseLong(scan.group(2))).as(what).isLessThanOrEqualTo(OWNER_ROWS + 1);
        } else {
          assertThat(Long.parseLong(scan.group(2))).as(what).isLessThanOrEqualTo(201);
        }
      }
    }
  }

  /** The sorts a sales user's page takes from the owner's metrics index. */
  private static final List<String> OWNER_METRIC_SORTS = List.of("monetary", "frequency", "recencyDays", "clv", "pAlive");
  /** owner5's customers: every tenth of the snapshot has no owner, the rest are spread over eight. */
  private static final long OWNER_ROWS = ROWS / 8;

  /**
   * Read from the index forwards or backwards, one direction is the other reversed, missing values included; a page
   * from the end is the reverse of the other direction's first page.
   */
  @ParameterizedTest
  @CsvSource({"compositeScore", "monetary", "frequency", "recencyDays", "clv", "pAlive", "tier", "id", "name"})
  void theOtherDirectionIsTheExactReverse(String field) {
    for (String who : List.of("admin", "sales")) { // owner5 has 1,250 customers
      int all = who.equals("admin") ? ROWS : ROWS / 8;
      List<String> asc = ids(field + ",asc", viewer(who), 0, all);
      List<String> desc = ids(field + ",desc", viewer(who), 0, all);
      assertThat(asc).as(who).hasSize(all).isEqualTo(reversed(desc));
      assertThat(ids(field + ",desc", viewer(who), all / 50 - 1, 50)).as(who).isEqualTo(reversed(asc.subList(0, 50)));
    }
  }

  /**
   * The name sort, both ways, for everybody and for a sales user: page 4 reads about its 200 entries of the customers'
   * name index (each probed in the snapshot by key), and of the snapshot's customers without a profile (the end of
   * the (run, owner, id) index). Sorting the joined rows by name read the whole snapshot (scanCount 10,001).
   */
  @org.junit.jupiter.api.Test
  void theNameSortBothWaysScansAboutAPage() {
    for (String who : List.of("admin", "sales")) {
      for (String dir : List.of("asc", "desc")) {
        CustomerFilter.Sql page = CustomerQueries.keyedPage(CustomerFilter.all(RUN), viewer(who),
            CustomerFilter.orderBy("name," + dir), 3, 50);
        String plan = db.sql("explain analyze " + page.text()).params(page.params()).query(String.class).single();
        // Quotes dropped: H2 quotes identifiers in some plans and not in others.
        Matcher walked = Pattern.compile("FROM public\\.(customer c|snapshot_row r)\\s+/\\* ("
            + "[^*]*) \\*/\\s+(/\\*[^*]*\\*/\\s+)?/\\* scanCount: (\\d+)").matcher(plan.replace("\"", ""));
        int walks = 0;
        while (walked.find()) {
          walks++;
          assertThat(Long.parseLong(walked.group(4))).as(who + " " + dir + " " + walked.group(2) + "\n" + plan)
              .isLessThanOrEqualTo(201);
        }
        assertThat(walks).as(plan).isGreaterThan(0);
        assertThat(db.sql(page.text()).params(page.params()).query((rs, n) -> rs.getString(1)).list()).hasSize(50);
      }
    }
  }

  /**
   * A cursor page deep in the list, every sort both ways: each of the cursor's branches reads a page of its index
   * range, plus at most the rows that share the cursor's value (H2 starts a {@code >} or {@code <} range at the value
   * itself and steps over its ties), never the rows before it (an offset to page 100 reads 5,000 entries); and the
   * page is the offset's.
   */
  @ParameterizedTest
  @CsvSource({"compositeScore", "monetary", "frequency", "recencyDays", "clv", "pAlive", "tier", "id"})
  void aCursorPageScansAboutAPagePerBranch(String field) {
    for (String who : List.of("admin", "sales")) {
      for (String dir : List.of("asc", "desc")) {
        String sort = field + "," + dir;
        int page = who.equals("admin") ? 100 : 20; // owner5 has 1,250 customers
        String last = ids(sort, viewer(who), page - 1, 50).get(49);
        ListCursor cursor = CursorPages.after(db, RUN, CustomerFilter.sortOf(sort), last);
        CustomerFilter.Sql rows = CursorPages.rows(CustomerFilter.all(RUN), viewer(who), null, cursor, 50);
        String plan = db.sql("explain analyze " + rows.text()).params(rows.params()).query(String.class).single();
        Matcher branch = Pattern.compile("FROM public\\.snapshot_row r\\s+/\\*[^*]*\\*/\\s+/\\* scanCount: (\\d+)")
            .matcher(plan);
        long ties = field.equals("id") ? 0 : largestTie(CustomerFilter.SORTS.get(field).get(0).column(), who);
        // A sales user's metric sort reads and sorts their entries of the owner's metrics index (V50).
        long bound = who.equals("sales") && OWNER_METRIC_SORTS.contains(field) ? OWNER_ROWS + 1 : 51 + ties;
        int branches = 0;
        while (branch.find()) {
          branches++;
          assertThat(Long.parseLong(branch.group(1))).as(who + " " + sort + "\n" + plan)
              .isLessThanOrEqualTo(bound);
        }
        assertThat(branches).as(plan).isEqualTo(cursor.branches().size());
        assertThat(db.sql(rows.text()).params(rows.params()).query((rs, n) -> rs.getString(1)).list())
            .as(who + " " + sort).isEqualTo(ids(sort, viewer(who), page, 50));
      }
    }
  }

  /** The most customers of the viewer's that share one value of {@code column} (nulls counted as one value). */
  private long largestTie(String column, String who) {
    String owner = who.equals("sales") ? " and r.owner = 'owner5'" : "";
    return db.sql("select max(n) from (select count(*) n from snapshot_row r where r.run_id = ?" + owner + " group by "
        + column + ") t").param(RUN).query(Long.class).single();
  }

  /** Best first, customers without a value come last: no CLV is not the highest CLV, no purchase not the latest. */
  @org.junit.jupiter.api.Test
  void missingValuesComeLastBestFirst() {
    Viewer admin = viewer("admin");
    // x = 0 mod 10 has no CLV (1,000 customers); x = 0 mod 400 no recency (25).
    List<String> byClv = ids("clv,desc", admin, 0, ROWS);
    assertThat(byClv.subList(ROWS - 1000, ROWS)).allMatch(id -> number(id) % 10 == 0);
    assertThat(byClv.subList(0, ROWS - 1000)).noneMatch(id -> number(id) % 10 == 0);
    List<String> byRecency = ids("recencyDays,asc", admin, 0, ROWS);
    assertThat(byRecency.subList(ROWS - 25, ROWS)).allMatch(id -> number(id) % 400 == 0);
  }

  private static List<String> reversed(List<String> ids) {
    List<String> copy = new java.util.ArrayList<>(ids);
    java.util.Collections.reverse(copy);
    return copy;
  }

  private static int number(String id) {
    return Integer.parseInt(id.substring(1));
  }

  private List<String> ids(String sort, Viewer v, int page, int size) {
    CustomerFilter.Sql sql = CustomerQueries.keyedPage(CustomerFilter.all(RUN), v, CustomerFilter.orderBy(sort), page,
        size);
    return db.sql(sql.text()).params(sql.params()).query((rs, n) -> rs.getString(1)).list();
  }

  private static Viewer viewer(String who) {
    return who.equals("sales") ? new Viewer("rep", Role.SALES, "owner5", List.of("owner5"))
        : new Viewer("admin", Role.ADMIN, null, null);
  }

  /** The rows the page's key query scanned: the 50 rows of page 4 and the 150 it skipped, when off an index. */
  private long scanned(CustomerFilter f, Viewer viewer, String sort) {
    return Long.parseLong(keyScan(keyPlan(f, viewer, sort)).group(2));
  }

  /** H2's plan of page 4, checked to hold 50 rows. */
  private String keyPlan(CustomerFilter f, Viewer viewer, String sort) {
    CustomerFilter.Sql page = CustomerQueries.keyedPage(f, viewer, CustomerFilter.orderBy(sort), 3, 50);
    assertThat(db.sql(page.text()).params(page.params()).query((rs, n) -> rs.getString(1)).list()).hasSize(50);
    return db.sql("explain analyze " + page.text()).params(page.params()).query(String.class).single();
  }

  /** The key query's scan in a plan of the derived table: group 1 the index, group 2 the entries it read. */
  private static Matcher keyScan(String plan) {
    Matcher scanned = Pattern.compile("FROM public\\.snapshot_row r\\s+/\\*\\s*public\\.(\\w+)[^*]*\\*/\\s+"
        + "/\\* scanCount: (\\d+)").matcher(plan);
    assertThat(scanned.find()).as(plan).isTrue();
    return scanned;
  }
}
