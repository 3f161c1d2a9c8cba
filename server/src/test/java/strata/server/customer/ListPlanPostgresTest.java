package strata.server.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import javax.sql.DataSource;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import strata.server.data.Dialect;
import strata.server.run.SnapshotTables;
import strata.server.security.Role;
import strata.server.security.Viewer;
import strata.server.testing.HandWrittenSnapshot;
import strata.server.testing.ServerTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every sort of the list, both ways, for everybody and for a sales user, reads about a page of an index on
 * PostgreSQL, as {@link ListPlanTest} checks on H2: PostgreSQL's {@code EXPLAIN ANALYZE} counts the rows each scan of
 * page 4's query read (kept and filtered out, every loop). Before db/postgresql/V51 a sort by frequency, recency, CLV,
 * P(alive) or name read the whole snapshot or every customer and sorted them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListPlanPostgresTest extends ServerTest {
  private static final long RUN = 900_201;
  private static final int ROWS = 20_000;
  private static final int OWNERS = 40;
  /**
   * owner5's customers (all have a profile: 5 is not a multiple of 10) among forty owners; with a few owners,
   * PostgreSQL rightly walks the whole snapshot's index and skips the others' rows instead.
   */
  private static final long OWNER_ROWS = ROWS / OWNERS;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired
  JdbcClient db;

  @Autowired
  Dialect dialect;

  @Autowired
  DataSource dataSource;

  @Autowired
  PlatformTransactionManager transactions;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry r) {
    postgres(r);
  }

  @BeforeAll
  void snapshot() throws Exception {
    // Rows as a run writes them: copied frozen in the transaction that makes the run's table (SnapshotWriter), so
    // the pages are all-visible at once and the owner's index serves an index-only scan. A vacuum cannot promise that
    // here: any older snapshot another connection holds keeps it from marking the pages.
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.execute("create table " + SnapshotTables.of(RUN) + " partition of snapshot_row for values in (" + RUN + ")");
      }
      new CopyManager(c.unwrap(BaseConnection.class)).copyIn("copy " + SnapshotTables.of(RUN) + " (run_id, "
          + "customer_id, tier, model_tier, lifecycle, frequency, monetary_cents, composite_score, recency_days, clv, "
          + "p_alive, metrics, explanation, owner) from stdin (format csv, freeze)", new StringReader(rows()));
      c.commit();
    }
    db.sql("insert into customer (id, name, industry, size, region, owner, phone, email, updated_at) select 'L' || x, "
        + "'客户' || mod(x * 7, 1000), '', '', '', 'owner' || mod(x, " + OWNERS + "), '', '', current_timestamp from "
        + "generate_series(1, " + ROWS + ") x where mod(x, 10) > 0").update();
    db.sql("analyze customer").update();
    db.sql("analyze snapshot_row").update();
  }

  /**
   * Every tenth customer only bought (no profile, so no owner and no name) and has no recency, CLV nor P(alive); the
   * others are spread over the owners; the metrics text makes the rows as wide as a run's.
   */
  private static String rows() {
    StringBuilder csv = new StringBuilder();
    String metrics = "m".repeat(300);
    for (int x = 1; x <= ROWS; x++) {
      boolean profile = x % 10 != 0;
      int recency = x * 7 % 400;
      csv.append(RUN).append(",L").append(x).append(",t").append(x % 4).append(",t").append(x % 4)
          .append(",active,").append(x % 20).append(',').append(x * 31L % 1_000_000).append(',')
          .append(x * 17 % 1000 / 1000.0).append(',').append(recency == 0 ? "" : String.valueOf(recency)).append(',')
          .append(profile ? String.valueOf(x * 13 % 5000) : "").append(',')
          .append(profile ? String.valueOf(x * 11 % 100 / 100.0) : "").append(',').append(metrics).append(",{},")
          .append(profile ? "owner" + x % OWNERS : "").append('\n');
    }
    return csv.toString();
  }

  @AfterAll
  void remove() {
    HandWrittenSnapshot.remove(db, dialect, RUN);
    db.sql("delete from customer where id like 'L%'").update();
  }

  /**
   * Page 4 reads its 200 entries (and the 50 rows it shows); a sales user's sorts by a metric or id read their own
   * entries of the owner's index, which carries the metrics, and sort those: never the rows, never another owner's.
   */
  @ParameterizedTest
  @CsvSource({"compositeScore", "monetary", "frequency", "recencyDays", "clv", "pAlive", "tier", "id", "name"})
  void everySortBothWaysReadsAboutAPage(String field) {
    for (String who : List.of("admin", "sales")) {
      for (String dir : List.of("asc", "desc")) {
        CustomerFilter.Sql page = CustomerQueries.keyedPage(CustomerFilter.all(RUN), viewer(who),
            CustomerFilter.orderBy(field + "," + dir), 3, 50);
        assertThat(db.sql(page.text()).params(page.params()).query((rs, n) -> rs.getString(1)).list()).hasSize(50);
        String json = new TransactionTemplate(transactions).execute(t -> {
          // The name sort's customers without a profile come from the partial index of them, in order; with a few
          // thousand such rows here PostgreSQL finds reading and sorting them all about as cheap (a tie that a
          // million rows do not make), so the check asks whether an index serves that order at all.
          if (field.equals("name")) db.sql("set local enable_sort = off").update();
          return db.sql("explain (analyze, format json) " + page.text()).params(page.params()).query(String.class)
              .single();
        });
        boolean ownerSort = who.equals("sales") && OWNER_SORTS.contains(field);
        long bound = ownerSort ? OWNER_ROWS + 1 : 201;
        List<Scan> scans = scans(JSON.readTree(json).get(0).get("Plan"), new ArrayList<>());
        assertThat(scans).as(json).isNotEmpty();
        for (Scan s : scans) {
          String what = who + " " + field + "," + dir + ": " + s;
          assertThat(s.type()).as(what).isNotEqualTo("Seq Scan");
          assertThat(s.read()).as(what).isLessThanOrEqualTo(bound);
        }
        if (ownerSort) {
          // The owner's entries alone, with their metrics: an index-only scan whose condition holds the owner.
          assertThat(scans).as(json).anyMatch(s -> s.type().equals("Index Only Scan") && s.condition().contains("owner")
              && s.read() == OWNER_ROWS);
        }
      }
    }
  }

  /** The sorts a sales user's page takes from the owner's index and sorts. */
  private static final List<String> OWNER_SORTS = List.of("monetary", "frequency", "recencyDays", "clv", "pAlive", "id");

  /** A scan of the plan and the rows it read: kept and filtered out, times its loops. */
  record Scan(String type, String relation, String index, String condition, long read) {}

  private static List<Scan> scans(JsonNode node, List<Scan> into) {
    String type = node.get("Node Type").asString();
    if (type.endsWith("Scan") && node.has("Relation Name")) {
      long rows = node.get("Actual Rows").asLong() + node.path("Rows Removed by Filter").asLong(0)
          + node.path("Rows Removed by Index Recheck").asLong(0);
      into.add(new Scan(type, node.get("Relation Name").asString(), node.path("Index Name").asString(""),
          node.path("Index Cond").asString(""), rows * node.get("Actual Loops").asLong()));
    }
    for (JsonNode child : node.path("Plans")) scans(child, into);
    return into;
  }

  private static Viewer viewer(String who) {
    return who.equals("sales") ? new Viewer("rep", Role.SALES, "owner5", List.of("owner5"))
        : new Viewer("admin", Role.ADMIN, null, null);
  }
}
