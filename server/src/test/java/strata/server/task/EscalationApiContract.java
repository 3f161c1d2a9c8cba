package strata.server.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import strata.server.data.SummaryStore;
import strata.server.run.RunService;
import strata.server.testing.Api;
import strata.server.testing.MovableClock;
import strata.server.testing.ServerTest;
import tools.jackson.databind.JsonNode;
import strata.server.testing.TestData;

/**
 * Escalation per the playbook, with a fixed clock. Big customers (A1 of 张伟) are served by the team 张伟, 李娜:
 * the manager hears of an overdue task after 2 days, the customer goes to another team member after 5. Small
 * customers (B2 of 李娜) use the server's 3 days for the manager and return to the pool after 4. Neither was ever
 * contacted, so both calls fall due on the first plan's day, 2026-03-10.
 */
@Import(MovableClock.Config.class)
abstract class EscalationApiContract extends ServerTest {
  static final String MODEL = """
      tiers:
        - id: big
          name: {zh: 大客户, en: Big}
          when: monetary >= 1000.0
          service:
            owner: {policy: assign, team: [张伟, 李娜]}
            cadence: {every_days: 30, channels: [phone]}
            escalation: {manager_after_days: 2, after_days: 5, then: reassign}
        - id: small
          name: {zh: 小客户, en: Small}
          when: true
          service:
            cadence: {every_days: 30, channels: [phone]}
            escalation: {after_days: 4, then: pool}
      """;


  /** 10:00 in Shanghai on the day set. */

  @Autowired MovableClock clock;
  @Autowired JdbcClient db;
  @Autowired SummaryStore summaries;
  @Autowired RunService runs;
  @Autowired TaskPlanning planning;

  @Test
  void overdueTasksTellTheManagerThenMoveTheCustomerOnceAndAuditIt() {
    Api admin = admin();
    new TestData(db, summaries).customer("A1", "甲公司", "张伟").customer("B2", "乙公司", "李娜")
        .purchase("A1", "2026-02-05", 1200).purchase("B2", "2026-02-10", 500).commit();
    db.sql("update customer set phone = '13800000000'").update();
    for (String[] u : List.of(new String[] {"zhangwei", "sales", "张伟"}, new String[] {"lina", "sales", "李娜"},
        new String[] {"liuqiang", "manager", ""})) {
      assertThat(admin.post("/api/v1/users", Map.of("username", u[0], "password", u[0] + "-password", "role", u[1],
          "owner", u[2], "team", "east")).status()).isEqualTo(201);
    }
    assertThat(admin.put("/api/v1/model", Map.of("yaml", MODEL, "note", "escalation")).status()).isEqualTo(201);
    Api manager = anonymous().as("liuqiang", "liuqiang-password");
    Api lina = anonymous().as("lina", "lina-password");

    clock.day("2026-03-10");
    runs.runNow("manual", "admin", null);
    assertThat(openTasks(admin)).containsExactly("A1 张伟", "B2 李娜");

    clock.day("2026-03-12"); // 2 days overdue: big's manager rule fires, small's 3 days do not
    assertThat(planning.replan("test").orElseThrow().escalated()).isZero();
    assertThat(texts(manager)).containsExactly("Overdue 2 days: Follow-up for customer A1 (owner 张伟, due 2026-03-10)");

    clock.day("2026-03-14"); // 4 days: B2 returns to the pool; A1 (5 days needed) stays
    TaskPlanning.Result r14 = planning.replan("test").orElseThrow();
    assertThat(r14.escalated()).isEqualTo(1);
    assertThat(owner("B2")).isEmpty();
    assertThat(owner("A1")).isEqualTo("张伟");
    assertThat(admin.get("/api/v1/pool").json().get("items").get(0).get("rule").asString()).isEqualTo("escalation");

    clock.day("2026-03-15"); // 5 days: A1 goes to 李娜, the other team member (her book is empty since B2 left)
    assertThat(planning.replan("test").orElseThrow().escalated()).isEqualTo(1);
    assertThat(owner("A1")).isEqualTo("李娜");
    assertThat(openTasks(admin)).contains("A1 李娜");
    assertThat(lina.get("/api/v1/tasks?status=open").json().get("items")).extracting(t -> t.get("customerId")
        .asString()).containsExactly("A1");
    // The new owner is told at once, in both languages.
    JsonNode told = lina.get("/api/v1/notifications").json().get("items");
    assertThat(told).filteredOn(n -> n.get("kind").asString().equals("assigned")).singleElement().satisfies(n -> {
      assertThat(n.get("customerId").asString()).isEqualTo("A1");
      assertThat(n.at("/text/zh").asString()).isEqualTo("客户 A1 已转给你：原负责人 张伟 的任务逾期未完成");
      assertThat(n.at("/text/en").asString()).isEqualTo("Customer A1 is yours now: its tasks were overdue with 张伟");
    });
    assertThat(audit(admin, "task_escalation_pool")).containsExactly(
        "escalation {\"customer\":\"B2\",\"from\":\"李娜\",\"to\":\"\",\"action\":\"pool\",\"days\":4,"
            + "\"tier\":\"small\",\"tasks\":\"[" + taskId("B2") + "]\"}");
    assertThat(audit(admin, "task_escalation_reassign")).containsExactly(
        "escalation {\"customer\":\"A1\",\"from\":\"张伟\",\"to\":\"李娜\",\"action\":\"reassign\",\"days\":5,"
            + "\"tier\":\"big\",\"tasks\":\"[" + taskId("A1") + "]\"}");

    // Idempotent: the same day and later days move nobody again for the same tasks.
    assertThat(planning.replan("test").orElseThrow().escalated()).isZero();
    clock.day("2026-03-25");
    assertThat(planning.replan("test").orElseThrow().escalated()).isZero();
    assertThat(owner("A1")).isEqualTo("李娜");
    assertThat(db.sql("select count(*) from task_escalation").query(Integer.class).single()).isEqualTo(2);
    assertThat(db.sql("select count(*) from pool_event where rule = 'escalation'").query(Integer.class).single())
        .isEqualTo(2);
  }

  private String owner(String customer) {
    return db.sql("select owner from customer where id = ?").param(customer).query(String.class).single();
  }

  private long taskId(String customer) {
    return db.sql("select task_id from task_escalation where customer_id = ?").param(customer).query(Long.class)
        .single();
  }

  private static List<String> openTasks(Api user) {
    List<String> out = new ArrayList<>();
    user.get("/api/v1/tasks?status=open").json().get("items").forEach(t -> out.add(t.get("customerId").asString()
        + " " + t.get("owner").asString()));
    return out;
  }

  private static List<String> texts(Api user) {
    List<String> out = new ArrayList<>();
    user.get("/api/v1/notifications").json().get("items").forEach(n -> out.add(n.get("text").get("en").asString()));
    return out;
  }

  private static List<String> audit(Api user, String action) {
    List<String> out = new ArrayList<>();
    user.get("/api/v1/audit?action=" + action).json().get("items")
        .forEach(e -> out.add(e.get("detailCode").asString() + " " + e.get("detailParams")));
    return out;
  }
}
