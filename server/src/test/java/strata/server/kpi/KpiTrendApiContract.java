package strata.server.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import strata.server.data.SummaryStore;
import strata.server.testing.Api;
import strata.server.testing.ServerTest;
import strata.server.testing.TierHistory;
import tools.jackson.databind.JsonNode;

/** The KPI trend over the four snapshots of {@link TierHistory}; every figure worked by hand from its table. */
abstract class KpiTrendApiContract extends ServerTest {
  @Autowired JdbcClient db;
  @Autowired SummaryStore summaries;

  @Test
  void trendOfEverySnapshotOldestFirstWithASalesUsersOwnFiguresOnly() {
    Api admin = admin();
    List<Long> runs = TierHistory.build(admin, db, summaries);
    JsonNode trend = admin.get("/api/v1/kpis/trend").json();
    assertThat(trend).hasSize(4);
    List<Long> ids = new ArrayList<>();
    for (int k = 0; k < 4; k++) {
      JsonNode point = trend.get(k);
      ids.add(point.get("runId").asLong());
      assertThat(point.get("asOf").asString()).isEqualTo(TierHistory.AS_OF.get(k));
      assertThat(point.get("modelChanged").asBoolean()).isFalse();
      // The period starts at the snapshot before; the first one's is the whole history.
      if (k == 0) assertThat(point.get("fromAsOf").isNull()).isTrue();
      else assertThat(point.get("fromAsOf").asString()).isEqualTo(TierHistory.AS_OF.get(k - 1));
      // Those who see all get the all-customers group only: 3 tiers and the total.
      assertThat(point.get("rows")).hasSize(4);
      for (JsonNode r : point.get("rows")) assertThat(r.get("dimension").asString()).isEqualTo("all");
    }
    assertThat(ids).isEqualTo(runs);
    // Customers per tier (big, mid, small) at each as-of day, from the table of TierHistory.
    long[][] customers = {{1, 1, 2}, {2, 1, 1}, {2, 2, 0}, {3, 0, 1}};
    // Net revenue in cents of each period by the tier held at its end; the first period is the whole history.
    long[][] revenue = {{150_000, 30_000, 9_000}, {80_000, 7_000, 0}, {0, 6_000, 0}, {90_000, 0, -2_000}};
    long[] total = {189_000, 87_000, 6_000, 88_000};
    String[] tiers = {"big", "mid", "small"};
    for (int k = 0; k < 4; k++) {
      for (int t = 0; t < 3; t++) {
        JsonNode row = tier(trend.get(k), tiers[t]);
        assertThat(row.get("customers").asLong()).as("customers %s at %d", tiers[t], k).isEqualTo(customers[k][t]);
        assertThat(row.get("revenueCents").asLong()).as("revenue %s at %d", tiers[t], k).isEqualTo(revenue[k][t]);
      }
      assertThat(tier(trend.get(k), null).get("revenueCents").asLong()).isEqualTo(total[k]);
    }
    // Moves belong to the tier held before: in April C left mid upwards and D downwards.
    assertThat(tier(trend.get(3), "mid").get("movedUp").asLong()).isEqualTo(1);
    assertThat(tier(trend.get(3), "mid").get("movedDown").asLong()).isEqualTo(1);
    assertThat(tier(trend.get(0), "mid").get("movedUp").isNull()).isTrue(); // no earlier snapshot

    admin.post("/api/v1/users", Map.of("username", "wangfang", "password", "wangfang-password-1", "role", "sales",
        "owner", "王芳"));
    Api rep = anonymous().as("wangfang", "wangfang-password-1");
    Api.Response own = rep.get("/api/v1/kpis/trend");
    assertThat(own.body()).doesNotContain("李娜");
    long[] ownRevenue = {180_000, 80_000, 0, 0}; // A and B only
    for (int k = 0; k < 4; k++) {
      JsonNode point = own.json().get(k);
      for (JsonNode r : point.get("rows")) assertThat(r.get("group").asString()).isEqualTo("王芳");
      assertThat(tier(point, null).get("customers").asLong()).isEqualTo(2);
      assertThat(tier(point, null).get("revenueCents").asLong()).isEqualTo(ownRevenue[k]);
    }
    // Naming another owner's group gives nothing, not their figures.
    assertThat(rep.get("/api/v1/kpis/trend?group=李娜").json()).isEmpty();
    // Those who see all may ask for one owner's group.
    JsonNode theirs = admin.get("/api/v1/kpis/trend?dimension=owner&group=李娜").json();
    assertThat(tier(theirs.get(3), null).get("revenueCents").asLong()).isEqualTo(88_000);
  }

  private static JsonNode tier(JsonNode point, String tier) {
    for (JsonNode r : point.get("rows")) {
      if (tier == null ? r.get("tier").isNull() : tier.equals(r.get("tier").asString())) return r;
    }
    throw new AssertionError("no tier " + tier + " in " + point);
  }
}
