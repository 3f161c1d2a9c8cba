package strata.server.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import strata.server.data.OwnerMoveTable.Move;
import strata.server.data.SummaryStore;
import strata.server.run.RunService;
import strata.server.testing.MovableClock;
import strata.server.testing.ServerTest;
import strata.server.testing.TestData;

/**
 * Owner moves carried out as one set: the customers whose owner is still the one read move, each with its pool_event,
 * its tasks, its rows in every kept snapshot and the owners' aggregates; one claimed meanwhile stays; rolled back,
 * nothing is left, not even the staged moves.
 */
@Import(MovableClock.Config.class)
abstract class OwnerMovesContract extends ServerTest {
  static final String MODEL = """
      tiers:
        - id: all
          name: {zh: 全部, en: All}
          when: true
          service:
            cadence: {every_days: 30, channels: [phone]}
      """;

  @Autowired JdbcClient db;
  @Autowired SummaryStore summaries;
  @Autowired RunService runs;
  @Autowired MovableClock clock;
  @Autowired OwnerMoves moves;
  @Autowired PlatformTransactionManager transactions;

  @Test
  void movesTheCustomersStillWithTheirOwnerAndEverythingThatFollowsThem() {
    TestData data = new TestData(db, summaries);
    data.customer("C1", "甲", "张伟").customer("C2", "乙", "张伟").customer("C3", "丙", "张伟")
        .customer("C4", "丁", "李娜");
    for (String id : List.of("C1", "C2", "C3", "C4")) data.purchase(id, "2026-02-01", 100);
    data.commit();
    db.sql("update customer set phone = '13800000000'").update(); // the cadence's calls need a number
    assertThat(admin().put("/api/v1/model", Map.of("yaml", MODEL, "note", "one tier")).status()).isEqualTo(201);
    clock.day("2026-03-10");
    long first = runs.runNow("manual", "admin", null).id();
    long second = runs.runNow("manual", "admin", null).id(); // two kept snapshots, each with its rows and aggregates
    OffsetDateTime now = OffsetDateTime.parse("2026-03-10T08:00:00Z");

    // Rolled back (a kill does the same): no owner moved, no event, nothing staged left behind.
    new TransactionTemplate(transactions).executeWithoutResult(tx -> {
      assertThat(moves.apply(List.of(new Move("C1", "张伟", "", "return", "policy", "all", second)), "system", now))
          .containsExactly("C1");
      tx.setRollbackOnly();
    });
    assertThat(owners()).containsExactly("C1 张伟", "C2 张伟", "C3 张伟", "C4 李娜");
    assertThat(db.sql("select count(*) from pool_event").query(Long.class).single()).isZero();
    assertThat(db.sql("select count(*) from owner_move").query(Long.class).single()).isZero();

    // C2 was claimed by 王芳 after the caller read it with 张伟: its move is dropped. C3 goes to 李娜; C1 to the
    // pool, its tier and run taken from the current snapshot since the move names none.
    db.sql("update customer set owner = '王芳' where id = 'C2'").update();
    var moved = new TransactionTemplate(transactions).execute(tx -> moves.apply(List.of(
        new Move("C3", "张伟", "李娜", "reassign", "policy", "all", second),
        new Move("C1", "张伟", "", "return", "no_contact", null, null),
        new Move("C2", "张伟", "", "return", "no_contact", null, null)), "system", now));
    assertThat(moved).containsExactlyInAnyOrder("C1", "C3");
    assertThat(owners()).containsExactly("C1 ", "C2 王芳", "C3 李娜", "C4 李娜");
    assertThat(db.sql("select customer_id || '/' || kind || '/' || from_owner || '/' || to_owner || '/' || rule || '/' "
        + "|| by_user || '/' || tier || '/' || run_id from pool_event order by id").query(String.class).list())
        .containsExactly("C3/reassign/张伟/李娜/policy/system/all/" + second,
            "C1/return/张伟//no_contact/system/all/" + second);
    assertThat(db.sql("select count(*) from owner_move").query(Long.class).single()).isZero();
    // The claim of C2 was made behind the snapshots' back (a plain update): its rows keep 张伟. The moved ones follow
    // in both snapshots, as do their KPI inputs, their open calls and the aggregates per owner.
    for (long run : List.of(first, second)) {
      assertThat(db.sql("select customer_id || ' ' || owner from snapshot_row where run_id = ? order by customer_id")
          .param(run).query(String.class).list()).as("run " + run)
          .containsExactly("C1 ", "C2 张伟", "C3 李娜", "C4 李娜");
      assertThat(db.sql("select customer_id || ' ' || owner from snapshot_kpi_input where run_id = ? "
          + "order by customer_id").param(run).query(String.class).list()).as("run " + run)
          .containsExactly("C1 ", "C2 张伟", "C3 李娜", "C4 李娜");
      assertThat(db.sql("select owner || ' ' || sum(customers) from snapshot_stats where run_id = ? and kind = 'tier' "
          + "group by owner order by owner").param(run).query(String.class).list()).as("run " + run)
          .containsExactlyInAnyOrder(" 1", "张伟 1", "李娜 2");
    }
    assertThat(db.sql("select customer_id || ' ' || customer_owner from service_task where status = 'open' "
        + "order by customer_id").query(String.class).list())
        .containsExactly("C1 ", "C2 王芳", "C3 李娜", "C4 李娜");
  }

  private List<String> owners() {
    return db.sql("select id || ' ' || owner from customer order by id").query(String.class).list();
  }
}
