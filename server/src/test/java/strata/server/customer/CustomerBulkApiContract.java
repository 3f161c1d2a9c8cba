package strata.server.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import strata.server.data.SummaryStore;
import strata.server.run.RunService;
import strata.server.task.TaskPlanning;
import strata.server.testing.Api;
import strata.server.testing.MovableClock;
import strata.server.testing.ServerTest;
import strata.server.testing.TestData;
import tools.jackson.databind.JsonNode;

/**
 * Bulk actions of the customer list, with a cap of 3 customers per action. A1 and C3 are 张伟's, B2 李娜's, D4 in
 * the pool; 张伟 and 李娜 are the east team of the manager 刘强. Today is 2026-03-10 in Shanghai.
 */
@Import(MovableClock.Config.class)
abstract class CustomerBulkApiContract extends ServerTest {
  static final String MODEL = """
      tiers:
        - id: big
          name: {zh: 大客户, en: Big}
          when: monetary >= 1000.0
        - id: small
          name: {zh: 小客户, en: Small}
          when: true
      """;
  static final Map<String, Object> TASK = Map.of("type", "follow_up", "channel", "phone", "dueDate", "2026-03-12",
      "note", "春季回访");

  @DynamicPropertySource
  static void cap(DynamicPropertyRegistry r) {
    r.add("strata.bulk.max-customers", () -> "3");
  }

  @Autowired MovableClock clock;
  @Autowired JdbcClient db;
  @Autowired SummaryStore summaries;
  @Autowired RunService runs;
  @Autowired TaskPlanning planning;
  Api admin;
  Api zhangwei;
  Api manager;

  @BeforeEach
  void data() {
    clock.day("2026-03-10");
    admin = admin();
    if (db.sql("select count(*) from customer").query(Long.class).single() == 0) {
      new TestData(db, summaries).customer("A1", "甲公司", "张伟").customer("B2", "乙公司", "李娜")
          .customer("C3", "丙公司", "张伟").customer("D4", "丁公司", "")
          .purchase("A1", "2026-02-05", 1200).purchase("B2", "2026-02-10", 1500).purchase("C3", "2026-03-02", 20)
          .purchase("D4", "2026-03-01", 30).commit();
      db.sql("update customer set phone = '13800000000'").update();
      for (String[] u : List.of(new String[] {"zhangwei", "sales", "张伟"}, new String[] {"lina", "sales", "李娜"},
          new String[] {"liuqiang", "manager", ""}, new String[] {"zhao", "analyst", ""})) {
        assertThat(admin.post("/api/v1/users", Map.of("username", u[0], "password", u[0] + "-password", "role", u[1],
            "owner", u[2], "team", "east")).status()).isEqualTo(201);
      }
      assertThat(admin.put("/api/v1/model", Map.of("yaml", MODEL, "note", "bulk")).status()).isEqualTo(201);
      runs.runNow("manual", "admin", null);
    }
    db.sql("delete from service_task").update();
    db.sql("delete from notification").update();
    db.sql("delete from pool_event").update();
    // Each test starts from the same owners; snapshot rows carry them too (lists and filters read them there).
    db.sql("update customer set owner = case id when 'B2' then '李娜' when 'D4' then '' else '张伟' end").update();
    db.sql("update snapshot_row set owner = case customer_id when 'B2' then '李娜' when 'D4' then '' else '张伟' end")
        .update();
    zhangwei = anonymous().as("zhangwei", "zhangwei-password");
    manager = anonymous().as("liuqiang", "liuqiang-password");
  }

  @Test
  void aSalesUserActsOnlyOnTheirOwnCustomers() {
    Api.Response refused = zhangwei.post("/api/v1/customers/bulk/task", with(Map.of("ids", List.of("A1", "B2"))));
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.json().get("code").asString()).isEqualTo("not_yours");
    assertThat(refused.json().get("detail").asString()).contains("1 of the 2", "B2", "nothing was changed");
    assertThat(tasks()).isZero();
    assertThat(zhangwei.post("/api/v1/customers/bulk/assign", Map.of("ids", List.of("A1"), "owner", "李娜")).status())
        .isEqualTo(403);
    assertThat(owners()).isEqualTo("A1=张伟 B2=李娜 C3=张伟 D4=");
    assertThat(zhangwei.post("/api/v1/customers/bulk/call-list", Map.of("ids", List.of("B2"))).status())
        .isEqualTo(403);

    // The whole filter is their customers only: A1 and C3.
    Api.Response made = zhangwei.post("/api/v1/customers/bulk/task", with(Map.of("filter", Map.of())));
    assertThat(made.status()).as(made.body()).isEqualTo(200);
    assertThat(made.body()).isEqualTo("{\"action\":\"task\",\"selected\":2,\"created\":2,\"existing\":0,\"heldOut\":[]}");
    assertThat(zhangwei.post("/api/v1/customers/bulk/task", with(Map.of("ids", List.of("A1")))).json()
        .get("existing").asInt()).isEqualTo(1);
    var list = zhangwei.get("/api/v1/tasks?status=open").json().get("items");
    assertThat(list).extracting(t -> t.get("customerId").asString() + " " + t.get("owner").asString() + " "
        + t.get("trigger").asString() + " " + t.get("dueDate").asString())
        .containsExactly("A1 张伟 manual 2026-03-12", "C3 张伟 manual 2026-03-12");
    assertThat(list.get(0).get("reasonText").get("zh").asString()).isEqualTo("big：人工创建（by=zhangwei）——春季回访");
    // A re-plan keeps tasks made by hand.
    planning.replan("test");
    assertThat(db.sql("select count(*) from service_task where status = 'open'").query(Long.class).single())
        .isEqualTo(2);

    String csv = new String(zhangwei.post("/api/v1/customers/bulk/call-list", Map.of("filter", Map.of(), "lang", "en"))
        .body().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    assertThat(csv).isEqualTo("\uFEFFCustomer ID,Name,Phone,Email,Last contact,Next task,Top category,Next-best product,Why this product\r\n"
        + "A1,甲公司,13800000000,,,Follow-up 2026-03-12,,,\r\n"
        + "C3,丙公司,13800000000,,,Follow-up 2026-03-12,,,\r\n");
    assertThat(audit("bulk_task")).containsExactly(
        "bulk_task {\"created\":0,\"type\":\"follow_up\",\"channel\":\"phone\",\"due\":\"2026-03-12\",\"selected\":1,"
            + "\"sample\":\"A1\"}",
        "bulk_task {\"created\":2,\"type\":\"follow_up\",\"channel\":\"phone\",\"due\":\"2026-03-12\",\"selected\":2,"
            + "\"sample\":\"A1, C3\"}");
  }

  @Test
  void managersAssignWithinTheirTeamInOneTransaction() {
    Api.Response r = manager.post("/api/v1/customers/bulk/assign", Map.of("ids", List.of("A1", "C3"), "owner", "李娜"));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("{\"action\":\"assign\",\"selected\":2,\"changed\":2}");
    assertThat(owners()).isEqualTo("A1=李娜 B2=李娜 C3=李娜 D4=");
    assertThat(audit("bulk_assign"))
        .containsExactly("bulk_assign {\"changed\":2,\"selected\":2,\"owner\":\"李娜\",\"sample\":\"A1, C3\"}");
    // Each customer's move as a single assignment records it: an audit entry and a pool event, by the manager.
    assertThat(audit("pool_reassign")).containsExactlyInAnyOrder(
        "pool_move {\"customer\":\"A1\",\"from\":\"张伟\",\"to\":\"李娜\"}",
        "pool_move {\"customer\":\"C3\",\"from\":\"张伟\",\"to\":\"李娜\"}");
    assertThat(db.sql("select customer_id || ' ' || kind || ' ' || from_owner || '>' || to_owner || ' ' || by_user "
        + "from pool_event order by customer_id").query(String.class).list())
        .containsExactly("A1 reassign 张伟>李娜 liuqiang", "C3 reassign 张伟>李娜 liuqiang");
    JsonNode told = anonymous().as("lina", "lina-password").get("/api/v1/notifications").json().get("items");
    assertThat(told).filteredOn(n -> n.get("kind").asString().equals("assigned"))
        .extracting(n -> n.get("customerId").asString() + " " + n.at("/text/zh").asString())
        .containsExactlyInAnyOrder("A1 客户 A1 已转给你：由 liuqiang 分配", "C3 客户 C3 已转给你：由 liuqiang 分配");
    // Outside the team: refused; D4 (the pool) is not the manager's to pick.
    assertThat(manager.post("/api/v1/customers/bulk/assign", Map.of("ids", List.of("A1"), "owner", "王芳")).status())
        .isEqualTo(403);
    assertThat(manager.post("/api/v1/customers/bulk/assign", Map.of("ids", List.of("A1", "D4"), "owner", "张伟"))
        .json().get("code").asString()).isEqualTo("not_yours");
    assertThat(owners()).isEqualTo("A1=李娜 B2=李娜 C3=李娜 D4=");
    // An admin may give anyone's customers to anyone; a filter by owner picks that owner's.
    assertThat(admin.post("/api/v1/customers/bulk/assign", Map.of("filter", Map.of("owner", "李娜"), "owner", "王芳"))
        .json().get("changed").asInt()).isEqualTo(3);
    assertThat(owners()).isEqualTo("A1=王芳 B2=王芳 C3=王芳 D4=");
  }

  @Test
  void aSelectionOverTheCapOrBadInputChangesNothing() {
    Api.Response all = admin.post("/api/v1/customers/bulk/task", with(Map.of("filter", Map.of())));
    assertThat(all.status()).isEqualTo(422);
    assertThat(all.json().get("code").asString()).isEqualTo("too_many");
    assertThat(all.json().get("detail").asString()).isEqualTo("the selection has 4 customers; a bulk action takes at "
        + "most 3; narrow the filter");
    assertThat(admin.post("/api/v1/customers/bulk/assign", Map.of("ids", List.of("A1", "B2", "C3", "D4"), "owner",
        "王芳")).status()).isEqualTo(422);
    assertThat(admin.post("/api/v1/customers/bulk/task", with(Map.of("ids", List.of("A1"), "filter", Map.of())))
        .status()).isEqualTo(400);
    assertThat(admin.post("/api/v1/customers/bulk/task", TASK).status()).isEqualTo(400);
    assertThat(admin.post("/api/v1/customers/bulk/task", Map.of("ids", List.of("A1"), "type", "party", "channel",
        "phone", "dueDate", "2026-03-12")).status()).isEqualTo(400);
    assertThat(admin.post("/api/v1/customers/bulk/task", Map.of("ids", List.of("A1"), "type", "follow_up", "channel",
        "fax", "dueDate", "2026-03-12")).status()).isEqualTo(400);
    assertThat(admin.post("/api/v1/customers/bulk/task", Map.of("ids", List.of("A1"), "type", "follow_up", "channel",
        "phone", "dueDate", "2026-03-09")).status()).isEqualTo(400);
    assertThat(admin.post("/api/v1/customers/bulk/task", with(Map.of("ids", List.of("A1", "NOPE")))).status())
        .isEqualTo(403);
    assertThat(anonymous().as("zhao", "zhao-password").post("/api/v1/customers/bulk/task",
        with(Map.of("ids", List.of("A1")))).status()).isEqualTo(403);
    assertThat(anonymous().post("/api/v1/customers/bulk/task", with(Map.of("ids", List.of("A1")))).status())
        .isEqualTo(401);
    assertThat(tasks()).isZero();
    assertThat(owners()).isEqualTo("A1=张伟 B2=李娜 C3=张伟 D4=");
  }

  private static Map<String, Object> with(Map<String, Object> selection) {
    Map<String, Object> body = new java.util.HashMap<>(TASK);
    body.putAll(selection);
    return body;
  }

  private long tasks() {
    return db.sql("select count(*) from service_task").query(Long.class).single();
  }

  private String owners() {
    return String.join(" ", db.sql("select id || '=' || owner from customer order by id").query(String.class).list());
  }

  /** Each entry's detail as the API gives it: code and values, no sentence (the page words them). */
  private List<String> audit(String action) {
    List<String> out = new ArrayList<>();
    admin.get("/api/v1/audit?action=" + action).json().get("items")
        .forEach(e -> out.add(e.get("detailCode").asString() + " " + e.get("detailParams")));
    return out;
  }
}
