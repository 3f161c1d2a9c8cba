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

  /** One test: the server and its database are shared by the methods of a class. */
  @Test
  void sumsGiftBudgetsAndSplitsRepHoursOverWhatEachUserSees() {
    Api admin = admin();
    assertThat(admin.get("/api/v1/tasks/resources").json().size()).as("no run yet").isZero();
    fiveCustomersFourUsersOneRun(admin);

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

    splitsEachRepsOpenWorkInHoursByTierAndShowsARepOnlyTheirOwn();
  }

  private void splitsEachRepsOpenWorkInHoursByTierAndShowsARepOnlyTheirOwn() {
    // Minutes by channel (RepHours.MINUTES): visit 90, phone 15, wechat 5; a pool reminder (no channel) none.
    task("张伟", "A1", "big", "visit", "open");
    task("张伟", "A1", "big", "phone", "open");
    task("张伟", "A1", "big", "phone", "open");
    task("张伟", "A2", "small", "phone", "open");
    task("张伟", "A2", "small", "phone", "open");
    task("张伟", "A2", "small", null, "open");
    task("张伟", "A2", "small", "visit", "done"); // done: no longer planned work
    task("李娜", "B1", "big", "wechat", "open");
    task("李娜", "B1", "big", "wechat", "open");
    task("李娜", "B1", "big", "wechat", "open");
    task("王磊", "C1", "big", "visit", "open");
    task("王磊", "A1", "big", "phone", "open"); // 王磊's task on 张伟's customer: 王磊's line, seen by the admin only

    // 张伟: big 90 + 2 x 15 = 120 min, small 2 x 15 = 30 min: 2.5 h, shares 0.8 and 0.2 against 0.6 and 0.3.
    String zhang = "{\"owner\":\"张伟\",\"tasks\":6,\"hours\":2.5,\"tiers\":["
        + "{\"tier\":\"big\",\"tasks\":3,\"hours\":2.0,\"share\":0.8,\"target\":0.6},"
        + "{\"tier\":\"small\",\"tasks\":3,\"hours\":0.5,\"share\":0.2,\"target\":0.3}]}";
    // 李娜: 3 x 5 min = 0.25 h, all of it big.
    String li = "{\"owner\":\"李娜\",\"tasks\":3,\"hours\":0.25,\"tiers\":["
        + "{\"tier\":\"big\",\"tasks\":3,\"hours\":0.25,\"share\":1.0,\"target\":0.6},"
        + "{\"tier\":\"small\",\"tasks\":0,\"hours\":0.0,\"share\":0.0,\"target\":0.3}]}";
    // 王磊: 90 + 15 = 105 min = 1.75 h.
    String wang = "{\"owner\":\"王磊\",\"tasks\":2,\"hours\":1.75,\"tiers\":["
        + "{\"tier\":\"big\",\"tasks\":2,\"hours\":1.75,\"share\":1.0,\"target\":0.6},"
        + "{\"tier\":\"small\",\"tasks\":0,\"hours\":0.0,\"share\":0.0,\"target\":0.3}]}";
    assertThat(anonymous().as("zhangwei", "zhangwei-password").get("/api/v1/tasks/rep-hours").json().toString())
        .isEqualTo("[" + zhang + "]");
    assertThat(anonymous().as("liuqiang", "liuqiang-password").get("/api/v1/tasks/rep-hours").json().toString())
        .isEqualTo("[" + zhang + "," + li + "]");
    assertThat(admin().get("/api/v1/tasks/rep-hours").json().toString()).isEqualTo("[" + zhang + "," + li + "," + wang
        + "]");
  }

  private void fiveCustomersFourUsersOneRun(Api admin) {
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
    assertThat(admin.put("/api/v1/model", Map.of("yaml", MODEL, "note", "budgets")).status()).isEqualTo(201);
    runs.runNow("manual", "admin", null);
  }

  private int tasks;

  private void task(String owner, String customer, String tier, String channel, String status) {
    tasks++;
    db.sql("insert into service_task (task_key, customer_id, owner, tier, type, channel, due_date, trigger_kind, reason, "
            + "reason_en, reason_zh, status, created_at, created_by, updated_at, updated_by) values (?, ?, ?, ?, "
            + "'follow_up', ?, date '2026-03-01', 'cadence', '{}', '', '', ?, current_timestamp, 'test', "
            + "current_timestamp, 'test')")
        .params("test|" + tasks, customer, owner, tier, channel, status).update();
  }
}
