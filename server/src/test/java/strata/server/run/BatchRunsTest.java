package strata.server.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import strata.server.testing.Api;
import strata.server.testing.ServerTest;

/** With strata.runs.after-import on, batch API calls start one run once they pause, as file imports start one. */
class BatchRunsTest extends ServerTest {
  @DynamicPropertySource
  static void database(DynamicPropertyRegistry r) {
    h2(r);
    r.add("strata.runs.after-import", () -> "true");
    r.add("strata.runs.after-batch-quiet", () -> "1s");
  }

  @Autowired JdbcClient db;

  private long runs(String status) {
    return db.sql("select count(*) from tier_run where trigger_kind = 'import' and status = ?").param(status)
        .query(Long.class).single();
  }

  @Test
  void batchCallsInQuickSuccessionStartOneRunThatSeesThemAll() throws InterruptedException {
    Api admin = admin();
    admin.post("/api/v1/batch/customers", List.of(Map.of("id", "BR1", "name", "批量公司", "owner", "王")));
    admin.post("/api/v1/batch/transactions", List.of(Map.of("recordId", "BT1", "customerId", "BR1",
        "date", "2026-03-01", "amount", 50)));
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (runs("succeeded") == 0 && System.nanoTime() < deadline) Thread.sleep(100);
    assertThat(runs("succeeded")).isEqualTo(1);
    long runId = db.sql("select id from tier_run where trigger_kind = 'import'").query(Long.class).single();
    // the run came after both calls: the customer is in its snapshot with the 50.00 of the transaction
    assertThat(db.sql("select monetary_cents from snapshot_row where run_id = ? and customer_id = 'BR1'")
        .param(runId).query(Long.class).single()).isEqualTo(5_000L);
    Thread.sleep(1_500); // longer than the quiet period: no second run from the two calls
    assertThat(runs("succeeded") + runs("running") + runs("failed")).isEqualTo(1);
  }
}
