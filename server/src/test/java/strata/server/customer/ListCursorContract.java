package strata.server.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import strata.server.api.BadRequest;
import strata.server.api.Page;
import strata.server.security.Role;
import strata.server.security.Viewer;
import strata.server.testing.Api;
import strata.server.testing.ServerTest;

/**
 * Walking a customer list with {@code after=} gives every row once, in the list's order, for every sort both ways,
 * with filters, as an admin and as a sales user. The snapshot is made of ties (a handful of values per column, some
 * missing) so that every page boundary falls inside a tie group; the expected order is computed here in Java from the
 * rows as written, by the rule docs/api.md states (best first, missing values last, ties by id; the other direction
 * exactly reversed), not by the server's SQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ListCursorContract extends ServerTest {
  private static final long RUN = 900_201;
  private static final int ROWS = 700;
  private static final int SIZE = 37; // not a divisor of any group, so pages end inside ties
  private static final String[] NAMES = {"Alpha", "alpha", "", "张三", "Beta"};

  @Autowired
  JdbcClient db;

  @Autowired
  strata.server.data.Dialect dialect;

  @Autowired
  CustomerQueries queries;

  /** A snapshot row as written; {@code name} and {@code owner} null for a customer without a profile. */
  record Row(String id, String name, String owner, String tier, Float score, long monetary, long frequency,
      Integer recency, Float clv, Float pAlive) {}

  private final List<Row> rows = new ArrayList<>();

  @BeforeAll
  void snapshot() {
    for (int x = 1; x <= ROWS; x++) {
      boolean profile = x % 11 != 0;
      rows.add(new Row("K" + x, profile ? NAMES[x % NAMES.length] : null, profile ? "o" + (x % 3) : null,
          "t" + (x % 3), x % 7 == 0 ? null : (x % 5) / 4f, (x % 4) * 100L, x % 3 + 1L,
          x % 6 == 0 ? null : x % 10, x % 4 == 0 ? null : (x % 3) * 1.5f, x % 9 == 0 ? null : (x % 2) * 0.25f + 0.1f));
    }
    db.sql("insert into tier_run (id, status, trigger_kind, started_at, finished_at, progress) values (?, "
        + "'succeeded', 'manual', current_timestamp, current_timestamp, 1)").param(RUN).update();
    strata.server.testing.HandWrittenSnapshot.partition(db, dialect, RUN);
    for (Row r : rows) {
      if (r.name() != null) {
        db.sql("insert into customer (id, name, industry, size, region, owner, phone, email, updated_at) "
            + "values (?, ?, '', '', '', ?, '', '', current_timestamp)").params(r.id(), r.name(), r.owner()).update();
      }
      db.sql("insert into snapshot_row (run_id, customer_id, tier, model_tier, lifecycle, frequency, monetary_cents, "
          + "recency_days, composite_score, clv, p_alive, metrics, explanation, owner) values (?, ?, ?, ?, 'active', "
          + "?, ?, ?, ?, ?, ?, '{}', '{}', ?)").params(RUN, r.id(), r.tier(), r.tier(), r.frequency(), r.monetary(),
          r.recency(), r.score(), r.clv(), r.pAlive(), r.owner()).update();
    }
  }

  @AfterAll
  void remove() {
    strata.server.testing.HandWrittenSnapshot.remove(db, dialect, RUN);
    db.sql("delete from customer where id like 'K%'").update();
    db.sql("delete from tier_run where id = ?").param(RUN).update();
  }

  /** Each sort field's best-first order as docs/api.md states it, ties by id. */
  private static final Map<String, Comparator<Row>> BEST_FIRST = Map.of(
      "id", Comparator.comparing(Row::id),
      "name", last(Row::name, false),
      "tier", Comparator.comparing(Row::tier).thenComparing(last(Row::score, true)),
      "compositeScore", last(Row::score, true),
      "monetary", Comparator.comparing(Row::monetary, Comparator.reverseOrder()),
      "frequency", Comparator.comparing(Row::frequency, Comparator.reverseOrder()),
      "recencyDays", last(Row::recency, false),
      "clv", last(Row::clv, true),
      "pAlive", last(Row::pAlive, true));

  @Test
  void walkingWithTheCursorGivesEveryRowOnceInOrderForEverySort() {
    for (String who : List.of("admin", "sales")) {
      for (String tier : new String[] {null, "t1"}) {
        CustomerFilter f = new CustomerFilter(RUN, tier, null, null, null, null, null, null, null, null);
        for (var sort : BEST_FIRST.entrySet()) {
          List<String> best = expected(who, r -> tier == null || tier.equals(r.tier()),
              sort.getValue().thenComparing(Row::id));
          String asc = sort.getKey().equals("id") || sort.getKey().equals("name") || sort.getKey().equals("tier")
              || sort.getKey().equals("recencyDays") ? "asc" : "desc";
          String desc = asc.equals("asc") ? "desc" : "asc";
          assertThat(walk(f, who, sort.getKey() + "," + asc, 0)).as(who + " " + tier + " " + sort.getKey())
              .isEqualTo(best);
          assertThat(walk(f, who, sort.getKey() + "," + desc, 0)).as(who + " " + tier + " " + sort.getKey() + " rev")
              .isEqualTo(reversed(best));
        }
      }
    }
  }

  /** A search and an owner filter take the other path (the filtered rows sorted), with the same answer. */
  @Test
  void aSearchAndAnOwnerFilterWalkTheSame() {
    CustomerFilter search = new CustomerFilter(RUN, null, null, null, null, null, null, null, "alpha", null);
    Comparator<Row> byScore = BEST_FIRST.get("compositeScore").thenComparing(Row::id);
    for (String who : List.of("admin", "sales")) {
      List<String> expected = expected(who, r -> r.name() != null && r.name().equalsIgnoreCase("alpha"), byScore);
      assertThat(walk(search, who, null, 0)).as(who).isEqualTo(expected);
      assertThat(walk(search, who, "name,desc", 0)).as(who).isEqualTo(expected(who,
          r -> r.name() != null && r.name().equalsIgnoreCase("alpha"),
          BEST_FIRST.get("name").thenComparing(Row::id).reversed()));
    }
    CustomerFilter owner = new CustomerFilter(RUN, null, null, null, null, null, null, "o1", null, null);
    assertThat(walk(owner, "admin", "clv,asc", 0))
        .isEqualTo(reversed(expected("admin", r -> "o1".equals(r.owner()), BEST_FIRST.get("clv").thenComparing(Row::id))));
  }

  /** An offset page's next cursor continues where that page ends. */
  @Test
  void anOffsetPageHandsOverToTheCursor() {
    List<String> all = expected("admin", r -> true, BEST_FIRST.get("monetary").thenComparing(Row::id));
    List<String> fromPage3 = walk(CustomerFilter.all(RUN), "admin", "monetary,desc", 3);
    assertThat(fromPage3).isEqualTo(all.subList(3 * SIZE, all.size()));
  }

  @Test
  void aBadCursorIsA400WithItsCode() {
    CustomerFilter f = CustomerFilter.all(RUN);
    String monetary = queries.list(f, viewer("admin"), "monetary,desc", 0, SIZE, false, null).next();
    String garbled = monetary.substring(0, monetary.length() - 3) + "!!!";
    String wrongType = Base64.getUrlEncoder().encodeToString(
        "[\"monetary\",true,\"a lot\",\"K1\"]".getBytes(StandardCharsets.UTF_8));
    for (String[] bad : new String[][] {{"monetary,desc", garbled}, {"frequency,desc", monetary},
        {"monetary,asc", monetary}, {"monetary,desc", wrongType}, {"monetary,desc", "e30"}}) {
      assertThatThrownBy(() -> queries.list(f, viewer("admin"), bad[0], 0, SIZE, false, bad[1]))
          .as(bad[1]).isInstanceOfSatisfying(BadRequest.class, e -> assertThat(e.code()).isEqualTo("invalid_cursor"));
    }
    Api.Response answer = admin().get("/api/v1/customers?snapshot=" + RUN + "&sort=frequency&after=" + monetary);
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().get("code").asString()).isEqualTo("invalid_cursor");
  }

  /** Over HTTP: {@code next} in the answer, followed with {@code after=}, up to the last page, which has none. */
  @Test
  void theApiAnswersNextUntilTheLastPage() {
    List<String> expected = expected("admin", r -> true, BEST_FIRST.get("pAlive").thenComparing(Row::id));
    List<String> seen = new ArrayList<>();
    String query = "/api/v1/customers?snapshot=" + RUN + "&sort=pAlive,desc&size=" + SIZE;
    var page = admin().get(query).json();
    while (true) {
      page.get("items").forEach(item -> seen.add(item.get("id").asString()));
      assertThat(page.get("total").asLong()).isEqualTo(ROWS);
      if (page.get("next") == null) break;
      page = admin().get(query + "&after=" + page.get("next").asString()).json();
    }
    assertThat(seen).isEqualTo(expected);
  }

  /** Every id of the list, from offset page {@code start} on, following each answer's next cursor. */
  private List<String> walk(CustomerFilter f, String who, String sort, int start) {
    List<String> ids = new ArrayList<>();
    Page<CustomerRow> page = queries.list(f, viewer(who), sort, start, SIZE, false, null);
    for (int pages = 0; pages <= ROWS; pages++) {
      page.items().forEach(r -> ids.add(r.id()));
      if (page.next() == null) return ids;
      assertThat(page.items()).hasSize(SIZE);
      page = queries.list(f, viewer(who), sort, start + pages + 1, SIZE, false, page.next());
    }
    throw new AssertionError("the cursor never reached the end: " + ids.size() + " ids");
  }

  private List<String> expected(String who, Predicate<Row> filter, Comparator<Row> order) {
    return rows.stream().filter(r -> who.equals("admin") || "o2".equals(r.owner())).filter(filter).sorted(order)
        .map(Row::id).toList();
  }

  /** By {@code key}, highest first if {@code desc}, rows without a value last. */
  private static <T extends Comparable<T>> Comparator<Row> last(Function<Row, T> key, boolean desc) {
    Comparator<T> values = desc ? Comparator.<T>reverseOrder() : Comparator.<T>naturalOrder();
    return Comparator.comparing(key, Comparator.nullsLast(values));
  }

  private static List<String> reversed(List<String> ids) {
    List<String> copy = new ArrayList<>(ids);
    Collections.reverse(copy);
    return copy;
  }

  private static Viewer viewer(String who) {
    return who.equals("sales") ? new Viewer("rep", Role.SALES, "o2", List.of("o2"))
        : new Viewer("admin", Role.ADMIN, null, null);
  }
}
