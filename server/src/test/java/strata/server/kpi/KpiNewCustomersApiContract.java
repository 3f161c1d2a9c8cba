package strata.server.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static strata.server.kpi.KpiApiContract.group;
import static strata.server.kpi.KpiApiContract.kpis;
import static strata.server.kpi.KpiApiContract.tier;
import static strata.server.testing.TierHistory.runToEnd;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import strata.server.data.SummaryStore;
import strata.server.testing.Api;
import strata.server.testing.ServerTest;
import strata.server.testing.TestData;
import strata.server.testing.TestModels;
import tools.jackson.databind.JsonNode;

/**
 * A snapshot as of an earlier day holds the customers that existed on it, so its tiers and KPIs do not count those
 * created or first seen later (model: big >= 1000, mid >= 100, small; figures worked by hand).
 */
abstract class KpiNewCustomersApiContract extends ServerTest {
  @Autowired JdbcClient db;
  @Autowired SummaryStore summaries;

  @Test
  void customersWhoAppearedAfterASnapshotsDayAreNotInIt() {
    Api admin = admin();
    assertThat(admin.put("/api/v1/model", Map.of("yaml", TestModels.SPEND)).status()).isEqualTo(201);
    // Loaded today, as a real import is: customers created later, or first seen buying later, are in the tables
    // before the earlier snapshot is tiered.
    new TestData(db, summaries).customer("A-1", "甲一", "王芳", "2026-01-01")
        .customer("P-1", "甲二", "王芳", "2026-02-01").customer("L-1", "乙一", "李娜", "2026-03-10").customer("M-1", "乙二", "李娜", null)
        .purchase("A-1", "2026-01-10", 1500).purchase("M-1", "2026-03-12", 200).commit();
    long first = runToEnd(admin, "2026-02-28");
    long second = runToEnd(admin, "2026-03-31");

    // By hand: on 02-28 only A-1 (big, bought 01-10) and the prospect P-1 (small, created 02-01) existed; L-1 was
    // created on 03-10 and M-1 (no created day) first bought on 03-12.
    assertThat(admin.get("/api/v1/runs/" + first).json().get("customers").asLong()).isEqualTo(2);
    JsonNode before = kpis(admin, first);
    JsonNode all = group(before, "all", "");
    assertThat(tier(all, null).get("customers").asLong()).isEqualTo(2);
    assertThat(tier(all, "small").get("customers").asLong()).isEqualTo(1);
    assertThat(tier(all, "mid").get("customers").asLong()).isZero();
    assertThat(before.get("groups").findValuesAsString("group")).doesNotContain("李娜");

    // On 03-31 all four: L-1 a small prospect, M-1 mid (200). Both are new in the period, so no tier of 02-28 lost
    // anybody upwards: moves count only customers who were in the earlier snapshot (A-1 and P-1 stayed put).
    JsonNode after = group(kpis(admin, second), "all", "");
    assertThat(tier(after, null).get("customers").asLong()).isEqualTo(4);
    assertThat(tier(after, "small").get("customers").asLong()).isEqualTo(2);
    assertThat(tier(after, "mid").get("customers").asLong()).isEqualTo(1);
    assertThat(tier(after, "small").get("movedUp").asLong()).isZero();
    assertThat(tier(after, null).get("movedUp").asLong()).isZero();
    assertThat(tier(after, null).get("buyers").asLong()).isEqualTo(1);
    assertThat(tier(after, null).get("revenueCents").asLong()).isEqualTo(20_000);
  }
}
