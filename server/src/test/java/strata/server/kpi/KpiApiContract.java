package strata.server.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static strata.server.testing.TierHistory.runToEnd;

import java.time.Duration;
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
 * KPIs by tier stored when a run publishes, against the snapshot before it; every expected figure worked by hand
 * from the purchases below (model: big >= 1000, mid >= 100, small).
 */
abstract class KpiApiContract extends ServerTest {
  @Autowired JdbcClient db;
  @Autowired SummaryStore summaries;

  @Test
  void aSnapshotsKpisByTierAgainstThePreviousOneWithASalesUsersOwnOnly() {
    Api admin = admin();
    assertThat(admin.put("/api/v1/model", Map.of("yaml", TestModels.SPEND)).status()).isEqualTo(201);
    new TestData(db, summaries).customer("A-1", "甲一", "王芳").customer("A-2", "甲二", "王芳")
        .customer("B-1", "乙一", "李娜").purchase("A-1", "2026-01-10", 1500).purchase("A-2", "2026-02-10", 300)
        .purchase("B-1", "2026-01-20", 40).commit();
    long first = runToEnd(admin, "2026-02-28"); // A-1 big, A-2 mid, B-1 small
    new TestData(db, summaries).purchase("A-2", "2026-03-05", 800).purchase("B-1", "2026-03-10", 70)
        .purchase("B-1", "2026-03-20", 50).purchase("N-1", "2026-03-15", 20).commit();
    long second = runToEnd(admin, "2026-03-31"); // A-1 big, A-2 big (1100), B-1 mid (160), N-1 small

    JsonNode table = kpis(admin, second);
    assertThat(table.get("fromRun").asLong()).isEqualTo(first);
    assertThat(table.get("modelChanged").asBoolean()).isFalse();
    JsonNode all = group(table, "all", "");
    JsonNode big = tier(all, "big");
    assertThat(big.get("customers").asLong()).isEqualTo(2);
    assertThat(big.get("buyers").asLong()).isEqualTo(1);              // A-2 in March
    assertThat(big.get("revenueCents").asLong()).isEqualTo(80_000);
    assertThat(big.get("repurchaseRate").asDouble()).isZero();          // one purchase day
    assertThat(big.get("revenueShare").asDouble()).isCloseTo(800.0 / 940, within(1e-9));
    JsonNode mid = tier(all, "mid");
    assertThat(mid.get("buyers").asLong()).isEqualTo(1);
    assertThat(mid.get("revenueCents").asLong()).isEqualTo(12_000);
    assertThat(mid.get("repurchaseRate").asDouble()).isEqualTo(1.0);    // B-1 on two days
    // Moves belong to the tier held before: A-2 left mid upwards, B-1 left small upwards.
    assertThat(mid.get("movedUp").asLong()).isEqualTo(1);
    assertThat(tier(all, "small").get("movedUp").asLong()).isEqualTo(1);
    assertThat(big.get("movedUp").asLong() + big.get("movedDown").asLong()).isZero();
    JsonNode total = tier(all, null);
    assertThat(total.get("customers").asLong()).isEqualTo(4);
    assertThat(total.get("revenueCents").asLong()).isEqualTo(94_000);
    // Active in the 31 days before the first snapshot: only A-2 (02-10); it bought again, so retention is 1.
    assertThat(total.get("previousActive").asLong()).isEqualTo(1);
    assertThat(total.get("retention").asDouble()).isEqualTo(1.0);
    assertThat(tier(group(table, "owner", "王芳"), null).get("customers").asLong()).isEqualTo(2);

    admin.post("/api/v1/users", Map.of("username", "wangfang", "password", "wangfang-password-1", "role", "sales",
        "owner", "王芳"));
    Api rep = anonymous().as("wangfang", "wangfang-password-1");
    JsonNode own = kpis(rep, second);
    assertThat(own.get("groups")).hasSize(1);
    assertThat(own.at("/groups/0/dimension").asString()).isEqualTo("owner");
    assertThat(own.at("/groups/0/group").asString()).isEqualTo("王芳");
    assertThat(rep.get("/api/v1/kpis?snapshot=" + second).body()).doesNotContain("李娜");
    JsonNode trend = rep.get("/api/v1/kpis/trend").json();
    assertThat(trend).hasSize(2);
    for (JsonNode point : trend) {
      assertThat(tier(point, null).get("customers").asLong()).isEqualTo(2);
    }
    // The first snapshot has no previous one: its period is the whole history.
    assertThat(kpis(admin, first).get("fromRun").isNull()).isTrue();
    assertThat(tier(group(kpis(admin, first), "all", ""), null).get("revenueCents").asLong()).isEqualTo(184_000);

    // A re-run as of the same day has its KPIs too, against the earlier day's snapshot, with the same figures.
    long again = runToEnd(admin, "2026-03-31");
    JsonNode rerun = kpis(admin, again);
    assertThat(rerun.get("fromRun").asLong()).isEqualTo(first);
    assertThat(tier(group(rerun, "all", ""), null).toString())
        .isEqualTo(tier(group(kpis(admin, second), "all", ""), null).toString());
  }

  static JsonNode group(JsonNode table, String dimension, String group) {
    for (JsonNode g : table.get("groups")) {
      if (g.get("dimension").asString().equals(dimension) && g.get("group").asString().equals(group)) return g;
    }
    throw new AssertionError("no group " + dimension + "/" + group + " in " + table);
  }

  static JsonNode tier(JsonNode group, String tier) {
    for (JsonNode r : group.get("rows")) {
      if (tier == null ? r.get("tier").isNull() : tier.equals(r.get("tier").asString())) return r;
    }
    throw new AssertionError("no tier " + tier + " in " + group);
  }

  /** The KPIs are stored just after the run is published, or by the start's background task: wait for them. */
  static JsonNode kpis(Api api, long run) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      Api.Response r = api.get("/api/v1/kpis?snapshot=" + run);
      if (r.status() == 200) return r.json();
      assertThat(r.status()).as(r.body()).isIn(404, 409);
      assertThat(System.nanoTime()).as("KPIs of run " + run).isLessThan(deadline);
      sleep();
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
