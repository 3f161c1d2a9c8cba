package strata.server.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import strata.server.data.SummaryStore;
import strata.server.testing.Api;
import strata.server.testing.ServerTest;
import strata.server.testing.TestData;
import strata.server.testing.TierHistory;
import tools.jackson.databind.JsonNode;

/**
 * downgrade_risk in server runs, from the stored tier history. Tiers: watch (downgrade_risk >= 0.5), active (bought
 * within 30 days), lapsed. As of 01-31, A1..A4 (bought 01-20) are active, L1 and L2 lapsed; as of 02-28 only A1 and
 * L1 bought again: active -> active 1, active -> lapsed 3, lapsed -> active 1, lapsed -> lapsed 1. So the risk of
 * active is 3/4 and of lapsed (the lowest tier) 0; the run as of 03-31 reads each customer's tier of 02-28: A1 and L1
 * (active) 0.75 and in watch, the others 0. The first two runs have no history: no risk, nobody in watch.
 */
abstract class DowngradeRiskContract extends ServerTest {
  static final String MODEL = """
      tiers:
        - id: watch
          name: {zh: 重点关注, en: Watch}
          when: downgrade_risk >= 0.5
        - id: active
          name: {zh: 活跃, en: Active}
          when: recency_days <= 30
        - id: lapsed
          name: {zh: 沉睡, en: Lapsed}
          when: true
      """;

  @Autowired JdbcClient db;
  @Autowired SummaryStore summaries;

  @Test
  void aRunReadsTheRiskOfEachCustomersTierFromTheHistory() {
    Api admin = admin();
    assertThat(admin.put("/api/v1/model", Map.of("yaml", MODEL)).status()).isEqualTo(201);
    TestData data = new TestData(db, summaries);
    for (String a : new String[] {"A1", "A2", "A3", "A4"}) data.customer(a, "甲" + a, "王芳").purchase(a, "2026-01-20", 100);
    data.customer("L1", "乙L1", "王芳").purchase("L1", "2025-06-01", 100).purchase("L1", "2026-02-20", 100);
    data.customer("L2", "乙L2", "王芳").purchase("L2", "2025-06-01", 100);
    data.purchase("A1", "2026-02-10", 100).commit();
    TierHistory.runToEnd(admin, "2026-01-31");
    assertThat(tier(admin, "A1")).isEqualTo("active");
    TierHistory.runToEnd(admin, "2026-02-28");
    assertThat(tier(admin, "A2")).isEqualTo("lapsed");
    assertThat(customer(admin, "A1").at("/metrics/downgrade_risk").isMissingNode()
        || customer(admin, "A1").at("/metrics/downgrade_risk").isNull()).as("one pair is not yet a history").isTrue();

    TierHistory.runToEnd(admin, "2026-03-31");
    for (String id : new String[] {"A1", "L1"}) {
      assertThat(tier(admin, id)).as(id).isEqualTo("watch");
      assertThat(customer(admin, id).at("/metrics/downgrade_risk").asDouble()).isCloseTo(0.75, within(1e-6));
    }
    for (String id : new String[] {"A2", "A3", "A4", "L2"}) {
      assertThat(tier(admin, id)).as(id).isEqualTo("lapsed");
      assertThat(customer(admin, id).at("/metrics/downgrade_risk").asDouble()).isCloseTo(0, within(1e-9));
    }
  }

  private static JsonNode customer(Api api, String id) {
    Api.Response r = api.get("/api/v1/customers/" + id);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  private static String tier(Api api, String id) {
    return customer(api, id).get("tier").asString();
  }
}
