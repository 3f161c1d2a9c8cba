package strata.server.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import strata.server.security.Role;
import strata.server.security.Viewer;
import strata.server.testing.ServerTest;

/**
 * The name sort and the text search give the same customers in the same order on both databases, whatever serves
 * them (on H2 the customer's name index and the search grams of V26, on PostgreSQL its own plans). Expected lists are
 * computed here in Java from the customers as written: names by code point (the test cluster has no locale, H2
 * compares code units; no test name leaves the Basic Multilingual Plane), no profile last, ties by id; a search is
 * {@code String.contains} on the lower-cased id and name.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ListNameAndSearchContract extends ServerTest {
  static final long RUN = 900_101;
  private static final int ROWS = 2_000;
  private static final String[] NAMES = {"张三丰", "张三", "三丰贸易", "Alpha Trading", "alpha trading", "王五%折扣",
      "a_b公司", "", "C\\D"};

  @Autowired
  JdbcClient db;

  @Autowired
  strata.server.data.Dialect dialect;

  @Autowired
  CustomerQueries queries;

  private final List<Customer> customers = new ArrayList<>();

  /** A snapshot row; {@code name} and {@code owner} null when the customer has no profile. */
  record Customer(String id, String name, String owner, double score) {}

  @BeforeAll
  void snapshot() {
    for (int x = 1; x <= ROWS; x++) {
      boolean profile = x % 10 != 0; // every tenth customer only bought: no customer row, no owner
      String name = NAMES[x % NAMES.length] + (x % 4 == 0 ? "" : String.valueOf(x % 4));
      customers.add(new Customer("P" + x, profile ? name : null, profile ? "owner" + (x % 3) : null,
          (x * 37 % 100) / 100.0));
    }
    List<Customer> profiled = customers.stream().filter(c -> c.name() != null).toList();
    for (Customer c : profiled) {
      db.sql("insert into customer (id, name, industry, size, region, owner, phone, email, updated_at) "
          + "values (?, ?, '', '', '', ?, '', '', current_timestamp)").params(c.id(), c.name(), c.owner()).update();
    }
    // Customers outside the snapshot, whose names sort among the others: never listed.
    for (int x = 1; x <= 50; x++) {
      db.sql("insert into customer (id, name, industry, size, region, owner, phone, email, updated_at) "
          + "values (?, ?, '', '', '', 'owner1', '', '', current_timestamp)").params("Q" + x, NAMES[x % NAMES.length])
          .update();
    }
    strata.server.testing.HandWrittenSnapshot.partition(db, dialect, RUN);
    for (Customer c : customers) {
      db.sql("insert into snapshot_row (run_id, customer_id, tier, model_tier, lifecycle, frequency, monetary_cents, "
          + "composite_score, metrics, explanation, owner) values (?, ?, 't1', 't1', 'active', 1, 100, ?, '{}', "
          + "'{}', ?)").params(RUN, c.id(), c.score(), c.owner()).update();
    }
  }

  @AfterAll
  void remove() {
    strata.server.testing.HandWrittenSnapshot.remove(db, dialect, RUN);
    db.sql("delete from customer where id like 'P%' or id like 'Q%'").update();
  }

  /** Best first: names A to Z by code point, customers without a profile last by id; the other way exactly reversed. */
  @Test
  void theNameSortOrdersByNameThenIdWithoutProfilesLast() {
    Comparator<Customer> byName = Comparator.comparing(Customer::name,
        Comparator.nullsLast(Comparator.<String>naturalOrder())).thenComparing(Customer::id);
    for (String who : List.of("admin", "sales")) {
      List<String> expected = customers.stream().filter(visibleTo(who)).sorted(byName).map(Customer::id).toList();
      List<String> asc = pages("name,asc", who, expected.size());
      assertThat(asc).as(who).isEqualTo(expected);
      assertThat(pages("name,desc", who, expected.size())).as(who).isEqualTo(reversed(expected));
    }
  }

  /** Every customer whose id or name contains the text, ignoring case, in any sort; as admin and as a sales user. */
  @ParameterizedTest
  @ValueSource(strings = {"张", "三丰", "张三丰", "丰1", "贸易3", "ALPHA", "pha tra", "alpha trading2", "p", "p1", "p17",
      "P1999", "%", "_", "a_b", "\\", "c\\d", "五%折", "nothing like it", "  张三  ", "q1", "😀", "\uD83D"})
  void aSearchFindsEveryIdOrNameThatContainsIt(String q) {
    String text = q.strip().toLowerCase(Locale.ROOT);
    for (String who : List.of("admin", "sales")) {
      List<String> expected = customers.stream().filter(visibleTo(who)).filter(c -> c.name() != null)
          .filter(c -> c.id().toLowerCase(Locale.ROOT).contains(text)
              || c.name().toLowerCase(Locale.ROOT).contains(text))
          .map(Customer::id).sorted().toList();
      CustomerFilter f = new CustomerFilter(RUN, null, null, null, null, null, null, null, q, null);
      List<String> found = new ArrayList<>();
      for (int page = 0; page == 0 || found.size() == page * 100; page++) {
        queries.list(f, viewer(who), "id", page, 100, true).items().forEach(r -> found.add(r.id()));
      }
      assertThat(found).as(who + " " + q).isEqualTo(expected);
      // The default order (score, best first, ties by id), counted up to the cap: the matches sorted, or (past
      // 1,000 matches; the walk is also asked for directly below) the score index walked.
      List<String> byScore = customers.stream().filter(c -> expected.contains(c.id()))
          .sorted(Comparator.comparingDouble(Customer::score).reversed().thenComparing(Customer::id))
          .map(Customer::id).toList();
      List<String> page2 = byScore.subList(Math.min(byScore.size(), 20), Math.min(byScore.size(), 40));
      var listed = queries.list(f, viewer(who), null, 1, 20, false);
      assertThat(listed.items().stream().map(CustomerRow::id).toList()).as(who + " " + q).isEqualTo(page2);
      // A search counts to 1,000 ("1,000+"); past it the page walks the order's index (as the page checked below).
      assertThat(listed.total()).isEqualTo(Math.min(expected.size(), 1_000));
      assertThat(listed.totalExact()).isEqualTo(expected.size() <= 1_000);
      CustomerFilter.Sql walk = CustomerQueries.keyedPage(f, viewer(who), CustomerFilter.orderBy(null), 1, 20);
      assertThat(db.sql(walk.text()).params(walk.params()).query((rs, n) -> rs.getString(1)).list())
          .as(who + " " + q).isEqualTo(page2);
    }
  }

  /** A search longer than any name or id, or made of spaces, finds nothing or everything as the filter says. */
  @Test
  void aLongOrBlankSearch() {
    CustomerFilter longText = new CustomerFilter(RUN, null, null, null, null, null, null, null, "张".repeat(600), null);
    assertThat(queries.list(longText, viewer("admin"), null, 0, 50, true).total()).isZero();
    CustomerFilter blank = new CustomerFilter(RUN, null, null, null, null, null, null, null, "   ", null);
    assertThat(queries.list(blank, viewer("admin"), null, 0, 50, true).total()).isEqualTo(ROWS);
  }

  private List<String> pages(String sort, String who, int all) {
    List<String> ids = new ArrayList<>();
    CustomerFilter f = CustomerFilter.all(RUN);
    for (int page = 0; page * 50 < all; page++) {
      queries.list(f, viewer(who), sort, page, 50, false).items().forEach(r -> ids.add(r.id()));
    }
    return ids;
  }

  private static Predicate<Customer> visibleTo(String who) {
    return c -> who.equals("admin") || "owner2".equals(c.owner());
  }

  private static List<String> reversed(List<String> ids) {
    List<String> copy = new ArrayList<>(ids);
    java.util.Collections.reverse(copy);
    return copy;
  }

  static Viewer viewer(String who) {
    return who.equals("sales") ? new Viewer("rep", Role.SALES, "owner2", List.of("owner2"))
        : new Viewer("admin", Role.ADMIN, null, null);
  }
}
