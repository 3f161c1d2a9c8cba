package strata.server.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The contract on PostgreSQL, and its search from the customers' grams (db/postgresql/V47) whatever the cluster's
 * locale: the test cluster has none, where pg_trgm saw no word in a Chinese name.
 */
class ListNameAndSearchPostgresTest extends ListNameAndSearchContract {
  @Autowired
  SearchGrams grams;

  @Autowired
  PlatformTransactionManager transactions;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry r) {
    postgres(r);
  }

  /** By hand: "C01" and "张三A" lower-cased are c01 and 张三a, whose adjacent pairs are c0, 01 and 张三, 三a. */
  @Test
  void theIndexHoldsEveryPairOfAdjacentCharactersOfTheIdAndTheName() {
    List<String> held = db.sql("select strata_search_grams('C01', '张三A')")
        .query((rs, n) -> List.of((String[]) rs.getArray(1).getArray())).single();
    assertThat(held).contains("c0", "01", "张三", "三a");
    // Besides them only the pairs across the separator, and single characters or nothing, which no search asks for.
    assertThat(held.stream().filter(g -> g.codePointCount(0, g.length()) == 2 && !g.contains("\u0001")))
        .containsExactlyInAnyOrder("c0", "01", "张三", "三a");
    assertThat(SearchGrams.contained("张三a")).containsExactly("张三", "三a");
    assertThat(SearchGrams.contained("😀x")).containsExactly("😀x"); // code points, not halves of one
    assertThat(SearchGrams.contained("张")).isEmpty();
  }

  /** autovacuum and pg_dump evaluate the index's expression with only pg_catalog on the search path. */
  @Test
  void theIndexExpressionNeedsNoSearchPath() {
    new TransactionTemplate(transactions).executeWithoutResult(s -> {
      db.sql("set local search_path = pg_catalog").update();
      db.sql("analyze public.customer").update();
      assertThat(db.sql("select public.strata_search_grams('ab', 'cd')")
          .query((rs, n) -> List.of((String[]) rs.getArray(1).getArray())).single()).contains("ab", "cd");
    });
  }

  /**
   * A search of two or more characters, Chinese or not, is found from the grams' index, not by reading every customer
   * (scans disabled: a plan that has no index to use still reads the table). Before V47, neither trigram index could
   * serve "id or name contains", and a Chinese word had no trigram here at all.
   */
  @ParameterizedTest
  @ValueSource(strings = {"三丰", "张三丰", "p17", "Alpha Trading"})
  void aSearchIsFoundFromTheGramsIndex(String q) {
    // The customers written one by one wait in the index's pending list, which every scan of it reads, until a
    // vacuum moves them into the index (autovacuum does, at a time of its own).
    db.sql("select gin_clean_pending_list('customer_search_grams')").query(Long.class).single();
    db.sql("analyze customer").update();
    db.sql("analyze snapshot_row").update();
    CustomerFilter f = new CustomerFilter(RUN, null, null, null, null, null, null, null, q, null);
    CustomerFilter.Sql from = f.from(viewer("admin"), false, grams.pick(q));
    String plan = new TransactionTemplate(transactions).execute(s -> {
      db.sql("set local enable_seqscan = off").update();
      return String.join("\n", db.sql("explain select c.id" + from.text()).params(from.params())
          .query(String.class).list());
    });
    assertThat(plan).contains("Bitmap Index Scan on customer_search_grams");
  }
}
