package strata.server.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import strata.server.data.SummaryStore;
import strata.server.run.RunService;
import strata.server.testing.Api;
import strata.server.testing.ServerTest;
import strata.server.testing.TestData;

/**
 * The tiers' budget lines summed over the customers each user sees. Team east is 张伟 (big A1, small A2) and 李娜
 * (big B1) under the manager 刘强; 王磊 (big C1, small C2) is in team west. Big customers get gifts worth 800 a year
 * each, small ones 12.5.
 */
abstract class ServiceResourcesApiContract extends ServerTest {
  static final String MODEL = """
      tiers:
        - id: big
          when: monetary >= 1000.0
          service:
            resources: {gift_value: 800, discount_ceiling: 0.15, rep_hours_share: 0.6}
        - id: small
          when: true
          service:
            resources: {gift_value: 12.5, rep_hours_share: 0.3}
      """;

  @Autowired JdbcClient db;
  @Autowired SummaryStore summaries;
  @Autowired RunService runs;

  @Test
  void sumsEachTiersGiftBudgetOverTheCustomersTheUserSees() {
    Api admin = admin();
    new TestData(db, summaries).customer("A1", "甲", "张伟").customer("A2", "乙", "张伟").customer("B1", "丙", "李娜")
        .customer("C1", "丁", "王磊").customer("C2", "戊", "王磊")
        .purchase("A1", "2026-02-05", 1200).purchase("A2", "2026-02-05", 50).purchase("B1", "2026-02-05", 2000)
        .purchase("C1", "2026-02-05", 1500).purchase("C2", "2026-02-05", 10).commit();
    for (String[] u : List.of(new String[] {"zhangwei", "sales", "张伟", "east"},
        new String[] {"lina", "sales", "李娜", "east"}, new String[] {"wanglei", "sales", "王磊", "west"},
        new String[] {"liuqiang", "manager", "", "east"})) {
      assertThat(admin.post("/api/v1/users", Map.of("username", u[0], "password", u[0] + "-password", "role", u[1],
          "owner", u[2], "team", u[3])).status()).isEqualTo(201);
    }
    assertThat(admin.get("/api/v1/tasks/resources").json().size()).as("no run yet").isZero();
    assertThat(admin.put("/api/v1/model", Map.of("yaml", MODEL, "note", "budgets")).status()).isEqualTo(201);
    runs.runNow("manual", "admin", null);

    // The manager: big A1 and B1, 2 x 800; small A2, 1 x 12.5. 王磊's customers are another team's.
    assertThat(anonymous().as("liuqiang", "liuqiang-password").get("/api/v1/tasks/resources").json().toString())
        .isEqualTo("[{\"tier\":\"big\",\"customers\":2,\"giftValue\":800.0,\"giftBudget\":1600.0,"
            + "\"discountCeiling\":0.15,\"repHoursShare\":0.6},"
            + "{\"tier\":\"small\",\"customers\":1,\"giftValue\":12.5,\"giftBudget\":12.5,"
            + "\"discountCeiling\":null,\"repHoursShare\":0.3}]");
    // 张伟: his own A1 and A2 only.
    assertThat(anonymous().as("zhangwei", "zhangwei-password").get("/api/v1/tasks/resources").json().toString())
        .contains("{\"tier\":\"big\",\"customers\":1,\"giftValue\":800.0,\"giftBudget\":800.0,")
        .contains("{\"tier\":\"small\",\"customers\":1,\"giftValue\":12.5,\"giftBudget\":12.5,");
    // The admin: all five, 3 x 800 and 2 x 12.5.
    assertThat(admin.get("/api/v1/tasks/resources").json().toString())
        .contains("\"customers\":3,\"giftValue\":800.0,\"giftBudget\":2400.0")
        .contains("\"customers\":2,\"giftValue\":12.5,\"giftBudget\":25.0");

    // The owner sees the tier's lines on the customer's page.
    assertThat(anonymous().as("zhangwei", "zhangwei-password").get("/api/v1/customers/A1/service").json()
        .get("resources").toString())
        .isEqualTo("{\"giftValue\":800.0,\"discountCeiling\":0.15,\"repHoursShare\":0.6}");
  }
}
