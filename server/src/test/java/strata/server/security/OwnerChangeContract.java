package strata.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static strata.server.testing.TierHistory.runToEnd;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import strata.server.data.SummaryStore;
import strata.server.testing.Api;
import strata.server.testing.ServerTest;
import strata.server.testing.TestData;
import tools.jackson.databind.JsonNode;

/**
 * Snapshot rows and the dashboard's stored aggregates carry the customer's owner; when a customer changes hands
 * after runs published, every figure a sales user sees follows at once: lists, counts, runs, dashboard, migrations.
 */
abstract class OwnerChangeContract extends ServerTest {
  @Autowired JdbcClient db;
  @Autowired SummaryStore summaries;

  @Test
  void aCustomerHandedToAnotherRepMovesInEveryFigureOfBothSnapshots() {
    Api admin = admin();
    new TestData(db, summaries).customer("A-1", "甲一", "王芳").customer("A-2", "甲二", "王芳")
        .customer("B-1", "乙一", "李娜").purchase("A-1", "2026-01-10", 1500).purchase("A-2", "2026-02-10", 300)
        .purchase("B-1", "2026-03-10", 40).purchase("N-1", "2026-03-11", 70).commit();
    admin.post("/api/v1/users", Map.of("username", "lina", "password", "lina-password-1", "role", "sales",
        "owner", "李娜"));
    runToEnd(admin, "2026-04-01");
    runToEnd(admin, "2026-04-01");
    Api lina = anonymous().as("lina", "lina-password-1");
    assertThat(lina.get("/api/v1/customers").json().get("total").asLong()).isEqualTo(1);
    JsonNode before = admin.get("/api/v1/dashboard").json();

    JsonNode r = admin.post("/api/v1/batch/customers", List.of(Map.of("id", "A-1", "owner", "李娜"),
        Map.of("id", "N-1", "name", "新客", "owner", "李娜"))).json();
    assertThat(r.get("updated").asLong() + r.get("inserted").asLong()).as(r.toString()).isEqualTo(2);

    JsonNode list = lina.get("/api/v1/customers").json();
    assertThat(list.get("total").asLong()).isEqualTo(3);
    assertThat(list.get("totalExact").asBoolean()).isTrue();
    assertThat(lina.get("/api/v1/customers?owner=" + java.net.URLEncoder.encode("李娜",
        java.nio.charset.StandardCharsets.UTF_8)).json().get("total").asLong()).isEqualTo(3);
    assertThat(lina.get("/api/v1/customers/A-1").status()).isEqualTo(200);
    assertThat(lina.get("/api/v1/runs/current").json().get("customers").asLong()).isEqualTo(3);
    JsonNode dash = lina.get("/api/v1/dashboard").json();
    assertThat(dash.at("/kpis/customers").asLong()).isEqualTo(3);
    assertThat(dash.at("/kpis/revenue").asDouble()).isEqualTo(1500 + 40 + 70);
    long trendOlder = 0;
    for (JsonNode n : dash.at("/trend/0/tiers")) trendOlder += n.asLong();
    assertThat(trendOlder).as("the older snapshot follows too").isEqualTo(3);
    long flows = 0;
    for (JsonNode f : dash.at("/migration/flows")) flows += f.get("count").asLong();
    assertThat(flows).isEqualTo(3);
    // Everyone's figures did not change: the customers moved between owners.
    JsonNode after = admin.get("/api/v1/dashboard").json();
    assertThat(after.get("kpis")).isEqualTo(before.get("kpis"));
    assertThat(after.get("tiers")).isEqualTo(before.get("tiers"));
  }

  @Test
  void anUnknownCountModeIsABadRequest() {
    assertThat(admin().get("/api/v1/customers?count=all").status()).isEqualTo(400);
  }
}
