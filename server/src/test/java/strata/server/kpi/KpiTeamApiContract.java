package strata.server.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static strata.server.kpi.KpiApiContract.group;
import static strata.server.kpi.KpiApiContract.kpis;
import static strata.server.kpi.KpiApiContract.tier;
import static strata.server.testing.TierHistory.runToEnd;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
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
 * A manager's KPIs are their team's totals, summed customer by customer, not any one rep's figures nor an average
 * of the reps' rates. Team south: the reps 王芳 (W-1..3) and 张伟 (Z-1, Z-2), managed by zhaomin; team north: 李娜
 * (L-1). Model: big >= 1000, mid >= 100, small. Every expected figure is worked out by hand below.
 */
abstract class KpiTeamApiContract extends ServerTest {
  @Autowired JdbcClient db;
  @Autowired SummaryStore summaries;

  @Test
  void aManagerSeesTheTeamsTotalsAndEachRepOfTheTeamOnly() {
    Api admin = admin();
    assertThat(admin.put("/api/v1/model", Map.of("yaml", TestModels.SPEND)).status()).isEqualTo(201);
    user(admin, "wangfang", "sales", "王芳", "south");
    user(admin, "zhangwei", "sales", "张伟", "south");
    user(admin, "lina", "sales", "李娜", "north");
    user(admin, "zhaomin", "manager", null, "south");
    new TestData(db, summaries).customer("W-1", "王一", "王芳").customer("W-2", "王二", "王芳")
        .customer("W-3", "王三", "王芳").customer("Z-1", "张一", "张伟").customer("Z-2", "张二", "张伟")
        .customer("L-1", "李一", "李娜")
        .purchase("W-1", "2026-01-10", 1500).purchase("W-2", "2026-02-10", 300).purchase("W-3", "2026-02-20", 40)
        .purchase("Z-1", "2026-02-01", 50).purchase("Z-2", "2026-01-05", 200).purchase("L-1", "2026-02-15", 5000)
        .commit();
    long first = runToEnd(admin, "2026-02-28"); // W-1 big, W-2 mid, W-3 small, Z-1 small, Z-2 mid, L-1 big
    new TestData(db, summaries).purchase("W-2", "2026-03-05", 800).purchase("Z-1", "2026-03-10", 70)
        .purchase("Z-1", "2026-03-20", 50).purchase("L-1", "2026-03-12", 900).commit();
    answer("W-2", "2026-03-15", 10, 4);
    answer("Z-1", "2026-03-16", 6, 2);
    answer("Z-2", "2026-03-17", null, 5);
    // March: W-2 mid -> big (1100), Z-1 small -> mid (170, on two days); the others buy nothing.
    long second = runToEnd(admin, "2026-03-31");

    Api manager = anonymous().as("zhaomin", "zhaomin-password");
    JsonNode table = kpis(manager, second);
    assertThat(table.get("fromRun").asLong()).isEqualTo(first);
    List<String> groups = new ArrayList<>();
    table.get("groups").forEach(g -> groups.add(g.get("dimension").asString() + ":" + g.get("group").asString()));
    assertThat(groups).containsExactlyInAnyOrder("team:south", "owner:王芳", "owner:张伟");
    assertThat(manager.get("/api/v1/kpis?snapshot=" + second).body()).doesNotContain("李娜").doesNotContain("north");

    JsonNode team = tier(group(table, "team", "south"), null);
    assertThat(team.get("customers").asLong()).isEqualTo(5);
    assertThat(team.get("buyers").asLong()).isEqualTo(2);                      // W-2, Z-1
    assertThat(team.get("revenueCents").asLong()).isEqualTo(92_000);           // 800 + 70 + 50
    assertThat(team.get("averageOrderValue").asDouble()).isCloseTo(920.0 / 3, within(1e-9)); // 3 orders
    assertThat(team.get("repurchaseRate").asDouble()).isEqualTo(0.5);          // Z-1 of W-2, Z-1
    // Active in the 31 days before 02-28 (after 01-28): W-2, W-3, Z-1; W-2 and Z-1 bought again.
    assertThat(team.get("previousActive").asLong()).isEqualTo(3);
    assertThat(team.get("retention").asDouble()).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(team.get("movedUp").asLong()).isEqualTo(2);
    assertThat(team.get("movedDown").asLong()).isZero();
    assertThat(team.get("nps").asDouble()).isEqualTo(0.0);                     // 10 and 6: (1 - 1) / 2
    assertThat(team.get("npsAnswers").asLong()).isEqualTo(2);
    assertThat(team.get("csat").asDouble()).isCloseTo(11.0 / 3, within(1e-12)); // 4, 2, 5
    assertThat(team.get("csatAnswers").asLong()).isEqualTo(3);
    assertThat(tier(group(table, "team", "south"), "big").get("customers").asLong()).isEqualTo(2); // W-1, W-2
    assertThat(tier(group(table, "team", "south"), "mid").get("revenueShare").asDouble())
        .isCloseTo(120.0 / 920, within(1e-12));                                // Z-1 of the team's 920

    // Neither rep's figures, nor the mean of their rates: retention 1/2 and 1/1 average 3/4, not 2/3.
    JsonNode wang = tier(group(table, "owner", "王芳"), null);
    JsonNode zhang = tier(group(table, "owner", "张伟"), null);
    assertThat(wang.get("retention").asDouble()).isEqualTo(0.5);
    assertThat(zhang.get("retention").asDouble()).isEqualTo(1.0);
    assertThat(wang.get("csatAnswers").asLong() + zhang.get("csatAnswers").asLong()).isEqualTo(3);
    for (JsonNode rep : List.of(wang, zhang)) {
      assertThat(rep.get("customers").asLong()).isLessThan(5);
      assertThat(rep.get("revenueCents").asLong()).isLessThan(92_000);
      assertThat(rep.get("retention").asDouble()).isNotCloseTo(2.0 / 3, within(1e-6));
    }

    // The trend: the team's by default, a rep of the team when named; nothing of another team or its rep.
    JsonNode trend = manager.get("/api/v1/kpis/trend").json();
    assertThat(trend).hasSize(2);
    assertThat(tier(trend.get(1), null).toString()).isEqualTo(team.toString());
    assertThat(tier(manager.get("/api/v1/kpis/trend?dimension=owner&group=张伟").json().get(1), null)
        .get("customers").asLong()).isEqualTo(2);
    assertThat(manager.get("/api/v1/kpis/trend?dimension=owner&group=李娜").json()).isEmpty();
    assertThat(manager.get("/api/v1/kpis/trend?dimension=team&group=north").json()).isEmpty();
    assertThat(manager.get("/api/v1/kpis/trend?dimension=region&group=").json()).isEmpty();
    Api.Response bad = manager.get("/api/v1/kpis/trend?dimension=teams");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).contains("dimension").contains("one of all, owner, team, region, industry");

    // A rep of the team sees their own customers only, not the team's totals.
    Api rep = anonymous().as("wangfang", "wangfang-password");
    JsonNode own = kpis(rep, second);
    assertThat(own.get("groups")).hasSize(1);
    assertThat(own.at("/groups/0/group").asString()).isEqualTo("王芳");
    assertThat(rep.get("/api/v1/kpis/trend?dimension=team&group=south").json()).isEmpty();
    assertThat(tier(rep.get("/api/v1/kpis/trend").json().get(1), null).toString()).isEqualTo(wang.toString());

    // Those who see all get every team; north is 李娜's L-1 alone (+900.00).
    JsonNode all = kpis(admin, second);
    assertThat(tier(group(all, "team", "south"), null).toString()).isEqualTo(team.toString());
    assertThat(tier(group(all, "team", "north"), null).get("revenueCents").asLong()).isEqualTo(90_000);
    assertThat(tier(group(all, "all", ""), null).get("revenueCents").asLong()).isEqualTo(182_000);
    JsonNode north = admin.get("/api/v1/kpis/trend?dimension=team&group=north").json();
    assertThat(tier(north.get(1), null).get("customers").asLong()).isEqualTo(1);
  }

  private static void user(Api admin, String name, String role, String owner, String team) {
    Map<String, Object> body = new java.util.HashMap<>(Map.of("username", name, "password", name + "-password",
        "role", role, "team", team));
    if (owner != null) body.put("owner", owner);
    assertThat(admin.post("/api/v1/users", body).status()).isEqualTo(201);
  }

  private void answer(String customer, String day, Integer nps, Integer csat) {
    db.sql("insert into survey (record_id, customer_id, at, nps, csat, comment) values (?, ?, ?, ?, ?, '')")
        .params("s-" + customer, customer, LocalDateTime.parse(day + "T10:00:00"), nps, csat).update();
  }
}
