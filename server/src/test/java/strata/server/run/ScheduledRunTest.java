package strata.server.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import strata.server.data.SummaryStore;
import strata.server.testing.ServerTest;
import strata.server.testing.TestData;

/** A schedule of every two seconds starts runs by itself, marked as scheduled. */
@TestPropertySource(properties = "strata.runs.schedule=*/2 * * * * *")
class ScheduledRunTest extends ServerTest {
  @DynamicPropertySource
  static void database(DynamicPropertyRegistry r) {
    h2(r);
  }

  @Autowired JdbcClient db;
  @Autowired SummaryStore summaries;

  @Test
  void theScheduleStartsRuns() throws InterruptedException {
    new TestData(db, summaries).customer("S1", "定时公司", "王").purchase("S1", "2026-03-01", 50).commit();
    long deadline = System.nanoTime() + 30_000_000_000L;
    long scheduled = 0;
    while (scheduled == 0 && System.nanoTime() < deadline) {
      Thread.sleep(200);
      scheduled = db.sql("select count(*) from tier_run where trigger_kind = 'schedule' and status = 'succeeded'")
          .query(Long.class).single();
    }
    assertThat(scheduled).isPositive();
  }
}
