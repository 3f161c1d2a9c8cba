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
    db.sql("insert into snapshot_row (run_id, customer_id, tier, model_tier, lifecycle, frequency, monetary_cents, "
        + "composite_score, metrics, explanation, owner) select " + RUN + ", 'P' || x, 't' || mod(x, 4), "
        + "'t' || mod(x, 4), 'active', mod(x, 20), mod(x * 31, 1000000), mod(x * 17, 1000) / 1000.0, "
        + "repeat('m', 800), repeat('e', 1200), 'owner' || mod(x, 8) from system_range(1, " + ROWS + ") t(x)")
        .update();
    db.sql("analyze").update();
  }

  @AfterAll
  void remove() {
    db.sql("delete from snapshot_row where run_id = ?").param(RUN).update();
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
    Viewer viewer = who.equals("sales") ? new Viewer("rep", Role.SALES, "owner5", List.of("owner5"))
        : new Viewer("admin", Role.ADMIN, null, null);
    CustomerFilter f = new CustomerFilter(RUN, tier, null, null, null, null, null, owner, null, null);
    String order = CustomerFilter.orderBy(sort == null ? null : sortDir == null ? sort : sort + "," + sortDir);
    CustomerFilter.Sql page = CustomerQueries.keyedPage(f, viewer, order, 3, 50);
    String plan = db.sql("explain analyze " + page.text()).params(page.params()).query(String.class).single();
    // The key query's scan (the 50 rows of page 4 and the 150 it skipped), in H2's plan of the derived table.
    Matcher scanned = Pattern.compile("FROM public\\.snapshot_row r\\s+/\\*[^*]*\\*/\\s+/\\* scanCount: (\\d+)")
        .matcher(plan);
    assertThat(scanned.find()).as(plan).isTrue();
    // A tier in another order than the default has no index of its own: H2 reads the tier's entries of the narrow
    // (run, tier, score, id) index, a quarter of the snapshot here, and sorts those, never the wide rows.
    long bound = tier == null || sort == null ? 201 : ROWS / 4 + 1;
    assertThat(Long.parseLong(scanned.group(1))).as(plan).isLessThanOrEqualTo(bound);
    assertThat(db.sql(page.text()).params(page.params()).query((rs, n) -> rs.getString(1)).list()).hasSize(50);
  }
}
