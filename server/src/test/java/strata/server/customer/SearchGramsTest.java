package strata.server.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static strata.server.testing.H2Plans.scanned;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import strata.server.security.Role;
import strata.server.security.Viewer;
import strata.server.testing.ServerTest;

/**
 * The embedded H2's search grams (db/h2/V26): what they hold, that every customer write keeps them in its own
 * transaction, and that a selective search reads its candidates instead of the snapshot. What a search finds is
 * ListNameAndSearchContract's, on both databases.
 */
class SearchGramsTest extends ServerTest {
  @Autowired
  JdbcClient db;

  @Autowired
  SearchGrams grams;

  @Autowired
  PlatformTransactionManager transactions;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry r) {
    h2(r);
  }

  @Test
  void theGramsOfAnIdAndANameAreTheirLowerCasedStartsOfUpToThreeCharacters() {
    // By hand: "c1" → c1, 1; "张三丰" → 张三丰, 三丰, 丰; "AbcD" → abc, bcd, cd, d.
    assertThat(SearchGrams.of("C1", "张三丰")).containsExactly("c1", "1", "张三丰", "三丰", "丰");
    assertThat(SearchGrams.of("x", "AbcD")).containsExactly("x", "abc", "bcd", "cd", "d");
    assertThat(SearchGrams.of("x", "")).containsExactly("x");
  }

  @Test
  void everyCustomerWriteKeepsItsGrams() {
    insert("GW1", "张三丰", "o1");
    assertThat(stored("GW1")).containsExactlyInAnyOrder("gw1", "w1", "1", "张三丰", "三丰", "丰");
    db.sql("update customer set name = 'Zhang' where id = 'GW1'").update();
    assertThat(stored("GW1")).containsExactlyInAnyOrder("gw1", "w1", "1", "zha", "han", "ang", "ng", "g");
    db.sql("update customer set owner = 'o2' where id = 'GW1'").update(); // a transfer keeps them
    assertThat(stored("GW1")).containsExactlyInAnyOrder("gw1", "w1", "1", "zha", "han", "ang", "ng", "g");
    db.sql("delete from customer where id = 'GW1'").update();
    assertThat(stored("GW1")).isEmpty();
  }

  @Test
  void aWriteRolledBackLeavesNoGrams() {
    TransactionTemplate tx = new TransactionTemplate(transactions);
    assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
      insert("GW2", "李四", "o1");
      assertThat(stored("GW2")).isNotEmpty();
      throw new IllegalStateException("the import fails after its customers");
    })).isInstanceOf(IllegalStateException.class);
    assertThat(stored("GW2")).isEmpty();
    assertThat(db.sql("select count(*) from customer where id = 'GW2'").query(Long.class).single()).isZero();
  }

  /** The migration fills the grams of customers stored before it with SQL; they must equal the trigger's. */
  @Test
  void theMigrationsGramsAreTheTriggers() throws Exception {
    insert("GW3", "Ab张三丰（上海分公司）", "o1");
    String fill = Files.readString(Path.of("src/main/resources/db/h2/V26__name_sort_and_search_grams.sql"));
    Matcher select = Pattern.compile("insert into customer_gram \\(gram, customer_id\\)\\s+(select distinct .*?);",
        Pattern.DOTALL).matcher(fill);
    assertThat(select.find()).isTrue();
    String one = select.group(1).replace("from customer", "from (select * from customer where id = 'GW3') customer");
    List<String> filled = db.sql(one).query((rs, n) -> rs.getString(1)).list();
    assertThat(filled).containsExactlyInAnyOrderElementsOf(stored("GW3"));
    db.sql("delete from customer where id = 'GW3'").update();
  }

  /**
   * 5,000 customers of whom 5 are called 张三丰: the search reads their grams and probes their 5 snapshot rows. Before
   * V26 it read every row of the snapshot (scanCount 5,001), and so did "customer_id in (select … customer_gram …)".
   */
  @Test
  void aSelectiveSearchReadsItsCandidatesNotTheSnapshot() {
    long run = 900_201;
    db.sql("insert into customer (id, name, industry, size, region, owner, phone, email, updated_at) select 'GS' || x, "
        + "case when mod(x, 1000) = 0 then '张三丰' else '客户' || x end, '', '', '', 'o1', '', '', current_timestamp "
        + "from system_range(1, 5000) t(x)").update();
    db.sql("insert into snapshot_row (run_id, customer_id, tier, model_tier, lifecycle, frequency, monetary_cents, "
        + "composite_score, metrics, explanation, owner) select " + run + ", 'GS' || x, 't1', 't1', 'active', 1, 1, "
        + "0.5, '{}', '{}', 'o1' from system_range(1, 5000) t(x)").update();
    try {
      CustomerFilter.Sql from = search(run, "张三丰");
      String plan = plan(from);
      assertThat(scanned(plan, "snapshot_row r")).as(plan).isLessThanOrEqualTo(10); // H2 counts 2 a probe
      // The grams read are the five customers' 张三丰, not the index's ~40,000 (as "gram like ?" read them).
      assertThat(scanned(plan, "customer_gram")).as(plan).isLessThanOrEqualTo(11);
      assertThat(db.sql("select r.customer_id" + from.text()).params(from.params()).query(String.class).list())
          .containsExactlyInAnyOrder("GS1000", "GS2000", "GS3000", "GS4000", "GS5000");
    } finally {
      db.sql("delete from snapshot_row where run_id = ?").param(run).update();
      db.sql("delete from customer where id like 'GS%'").update();
    }
  }

  /**
   * 20,000 ids of one scheme, P1000001…P1020000: every gram of "p100012" has more than 1,000 customers, "p10" and
   * "100" all 20,000, "001" and "012" about 1,200 each, and the two together about 115, among them the 10 matches
   * (P1000120…P1000129). Counted to 1,000 only, the first gram read all 20,000; one gram alone, about 1,200.
   */
  @Test
  void anIdSearchIsNarrowedByItsTwoRarestGrams() {
    long run = 900_202;
    db.sql("insert into customer (id, name, industry, size, region, owner, phone, email, updated_at) select "
        + "'P' || (1000000 + x), '客户', '', '', '', 'o1', '', '', current_timestamp from system_range(1, 20000) t(x)")
        .update();
    db.sql("insert into snapshot_row (run_id, customer_id, tier, model_tier, lifecycle, frequency, monetary_cents, "
        + "composite_score, metrics, explanation, owner) select " + run + ", 'P' || (1000000 + x), 't1', 't1', "
        + "'active', 1, 1, 0.5, '{}', '{}', 'o1' from system_range(1, 20000) t(x)").update();
    try {
      CustomerFilter.Sql from = search(run, "P100012");
      String plan = plan(from);
      assertThat(scanned(plan, "snapshot_row r")).as(plan).isLessThanOrEqualTo(2 * 150);
      assertThat(db.sql("select r.customer_id" + from.text()).params(from.params()).query(String.class).list())
          .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(0, 9).mapToObj(i -> "P100012" + i).toList());
    } finally {
      db.sql("delete from snapshot_row where run_id = ?").param(run).update();
      db.sql("delete from customer where id like 'P1%'").update();
    }
  }

  @Test
  void aPrefixEndsAtTheFirstTextThatDoesNotStartWithIt() {
    assertThat(SearchGrams.above("华信")).isEqualTo("华" + (char) ('信' + 1));
    assertThat(SearchGrams.above("ab")).isEqualTo("ac");
    assertThat(SearchGrams.above("a\uffff")).isEqualTo("b");
    assertThat(SearchGrams.above("\uffff\uffff")).isNull();
    // Every text that starts with the prefix sorts before it, and the prefix's next text after.
    for (String text : List.of("ab", "abz", "ab\uffff\uffff", "a\uffffz")) {
      String prefix = text.substring(0, 2);
      assertThat(text.compareTo(SearchGrams.above(prefix))).as(text).isNegative();
    }
    assertThat("ac".compareTo(SearchGrams.above("ab"))).isZero();
  }

  /** An admin's search for {@code q} in the snapshot {@code run}, narrowed by the grams as the list narrows it. */
  private CustomerFilter.Sql search(long run, String q) {
    CustomerFilter f = new CustomerFilter(run, null, null, null, null, null, null, null, q, null);
    return f.from(new Viewer("admin", Role.ADMIN, null, null), false, grams.pick(q));
  }

  private String plan(CustomerFilter.Sql from) {
    return db.sql("explain analyze select r.customer_id" + from.text()).params(from.params()).query(String.class)
        .single();
  }

  private void insert(String id, String name, String owner) {
    db.sql("insert into customer (id, name, industry, size, region, owner, phone, email, updated_at) "
        + "values (?, ?, '', '', '', ?, '', '', current_timestamp)").params(id, name, owner).update();
  }

  private List<String> stored(String id) {
    return db.sql("select gram from customer_gram where customer_id = ?").param(id).query(String.class).list();
  }
}
