package strata.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import strata.server.data.SummaryStore;
import tools.jackson.databind.JsonNode;

/**
 * Four customers tiered by {@link TestModels#SPEND} (big from 1,000, mid from 100, small) at four month ends, all
 * purchases stored first and each run taking its as-of day (later purchases are left out of it):
 * <pre>
 *            owner  purchases (yuan)                        01-31  02-28  03-31  04-30
 *   A        王芳   1500 on 01-10                           big    big    big    big
 *   B        王芳   300 on 01-15, 800 on 02-10              mid    big    big    big
 *   C        李娜   40 on 01-20, 70 on 02-20, 900 on 04-10  small  mid    mid    big
 *   D        李娜   50 on 01-05, 60 on 03-10, −20 on 04-20  small  small  mid    small
 * </pre>
 */
public final class TierHistory {
  public static final List<String> AS_OF = List.of("2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30");

  private TierHistory() {}

  /** Stores the model, the customers and purchases, runs the four snapshots; returns their run ids, oldest first. */
  public static List<Long> build(Api admin, JdbcClient db, SummaryStore summaries) {
    assertThat(admin.put("/api/v1/model", Map.of("yaml", TestModels.SPEND)).status()).isEqualTo(201);
    new TestData(db, summaries).customer("A", "甲", "王芳").customer("B", "乙", "王芳").customer("C", "丙", "李娜")
        .customer("D", "丁", "李娜").purchase("A", "2026-01-10", 1500).purchase("B", "2026-01-15", 300)
        .purchase("B", "2026-02-10", 800).purchase("C", "2026-01-20", 40).purchase("C", "2026-02-20", 70)
        .purchase("C", "2026-04-10", 900).purchase("D", "2026-01-05", 50).purchase("D", "2026-03-10", 60)
        .purchase("D", "2026-04-20", -20).commit();
    return AS_OF.stream().map(day -> runToEnd(admin, day)).toList();
  }

  /** Starts a run as of a day and waits until it succeeded and its KPIs are stored. */
  public static long runToEnd(Api api, String asOf) {
    Api.Response started = api.post("/api/v1/runs", Map.of("asOf", asOf));
    assertThat(started.status()).as(started.body()).isEqualTo(202);
    long id = started.json().get("id").asLong();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode run = api.get("/api/v1/runs/" + id).json();
      if (run.get("status").asString().equals("succeeded")
          && api.get("/api/v1/kpis?snapshot=" + id).status() == 200) {
        return id;
      }
      assertThat(run.get("status").asString()).as(run.toString()).isIn("running", "succeeded");
      sleep();
    }
    throw new AssertionError("run " + id + " did not finish");
  }

  private static void sleep() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
