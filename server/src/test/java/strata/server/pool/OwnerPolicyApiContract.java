package strata.server.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import strata.plan.OwnerChange;
import strata.server.data.SummaryStore;
import strata.server.run.RunService;
import strata.server.task.TaskPlanning;
import strata.server.testing.Api;
import strata.server.testing.MovableClock;
import strata.server.testing.ServerTest;
import strata.server.testing.TestData;
import tools.jackson.databind.JsonNode;

/**
 * The tiers' owner policies, carried out by the plan: big customers are assigned among 张伟, 李娜 and 王芳 (at most 3
 * customers each), small ones are served from the pool. Every expected owner is worked out by hand in the comments.
 */
@Import(MovableClock.Config.class)
abstract class OwnerPolicyApiContract extends ServerTest {
  static final String MODEL = """
      tiers:
        - id: big
          name: {zh: 大客户, en: Big}
          when: monetary >= 1000.0
          service:
            owner: {policy: assign, team: [张伟, 李娜, 王芳], cap: 3}
            cadence: {every_days: 30, channels: [phone]}
        - id: small
          name: {zh: 小客户, en: Small}
          when: true
          service:
            owner: {policy: pool}
            cadence: {every_days: 30, channels: [phone]}
      """;

  @Autowired JdbcClient db;
  @Autowired SummaryStore summaries;
  @Autowired RunService runs;
  @Autowired TaskPlanning planning;
  @Autowired MovableClock clock;
  @Autowired PolicyOwners policyOwners;
  @Autowired PlatformTransactionManager transactions;

  @Test
  void thePlanAssignsByBookUnderTheCapPoolsThePoolTierAndLeavesLaterMovesAlone() {
    Api admin = admin();
    TestData data = new TestData(db, summaries);
    for (int i = 1; i <= 7; i++) data.customer("A" + i, "甲" + i, "").purchase("A" + i, "2026-02-01", 1000 + i);
    data.customer("K1", "乙1", "张伟").customer("K2", "乙2", "张伟").customer("K3", "乙3", "李娜")
        .customer("S2", "丙2", "").customer("Z1", "丁1", "赵磊");
    for (String id : List.of("K1", "K2", "K3")) data.purchase(id, "2026-02-01", 2000);
    data.purchase("S2", "2026-02-01", 50).purchase("Z1", "2026-02-01", 60).commit();
    db.sql("update customer set phone = '13800000000'").update(); // calls need a number
    for (String[] u : List.of(new String[] {"zhangwei", "张伟"}, new String[] {"lina", "李娜"},
        new String[] {"wangfang", "王芳"}, new String[] {"zhaolei", "赵磊"})) {
      assertThat(admin.post("/api/v1/users", Map.of("username", u[0], "password", u[0] + "-password",
          "role", "sales", "owner", u[1])).status()).isEqualTo(201);
    }
    assertThat(admin.put("/api/v1/model", Map.of("yaml", MODEL, "note", "owner policies")).status()).isEqualTo(201);
    clock.day("2026-03-10");
    // The moves join the caller's transaction (the plan's): rolled back (or killed), nothing of them is left.
    new TransactionTemplate(transactions).executeWithoutResult(tx -> {
      policyOwners.place(List.of(new OwnerChange("Z1", "small", "赵磊", "")), 0, planning.now());
      assertThat(owner("Z1")).isEmpty();
      tx.setRollbackOnly();
    });
    assertThat(owner("Z1")).isEqualTo("赵磊");
    assertThat(db.sql("select count(*) from pool_event").query(Long.class).single()).isZero();
    assertThat(audit("owner_policy")).isEmpty();
    runs.runNow("manual", "admin", null); // publishes, then plans as of 03-10

    // Books before: 张伟 2 (K1, K2), 李娜 1 (K3), 王芳 0; the unowned big customers in id order, each to the
    // smallest book under 3, ties to the one listed first: A1 王芳 (0); A2 李娜 (1 = 1); A3 王芳 (1 < 2);
    // A4 张伟 (2 = 2 = 2); A5 李娜 (2 = 2, 张伟 full); A6 王芳; A7 nobody (all at 3). K1..K3 keep theirs (in the
    // team). Z1 (small, 赵磊's) goes to the pool; S2 (small) stays there.
    Map<String, String> expected = Map.ofEntries(Map.entry("A1", "王芳"), Map.entry("A2", "李娜"),
        Map.entry("A3", "王芳"), Map.entry("A4", "张伟"), Map.entry("A5", "李娜"), Map.entry("A6", "王芳"),
        Map.entry("A7", ""), Map.entry("K1", "张伟"), Map.entry("K2", "张伟"), Map.entry("K3", "李娜"),
        Map.entry("S2", ""), Map.entry("Z1", ""));
    expected.forEach((id, owner) -> assertThat(owner(id)).as(id).isEqualTo(owner));
    // Each rep sees the calls of the customers the plan gave them (never contacted: due today).
    assertThat(openTasks("wangfang")).containsExactly("A1 王芳", "A3 王芳", "A6 王芳");
    assertThat(openTasks("lina")).containsExactly("A2 李娜", "A5 李娜", "K3 李娜");
    assertThat(openTasks("zhangwei")).containsExactly("A4 张伟", "K1 张伟", "K2 张伟");
    assertThat(openTasks("zhaolei")).isEmpty();
    JsonNode pool = as("zhaolei").get("/api/v1/pool").json();
    assertThat(pool.get("items")).extracting(p -> p.get("id").asString() + " " + text(p.get("rule")) + " "
        + text(p.get("previousOwner"))).containsExactly("A7 - -", "S2 - -", "Z1 policy 赵磊");
    assertThat(audit("owner_policy")).containsExactly("owner_policy {\"assigned\":6,\"pooled\":1,"
        + "\"reps\":\"张伟 1, 李娜 2, 王芳 3\",\"sample\":\"A1, A2, A3, A4, A5, A6, Z1\"}");
    assertThat(db.sql("select kind || '/' || from_owner || '/' || to_owner || '/' || rule || '/' || by_user || '/' "
        + "|| tier from pool_event where customer_id in ('A4', 'Z1') order by customer_id").query(String.class)
        .list()).containsExactly("assign//张伟/policy/system/big", "return/赵磊//policy/system/small");
    // One notice per rep for the plan, not one per customer: 王芳 got A1, A3, A6; 李娜 A2, A5; 张伟 A4.
    assertThat(policyNotices()).containsExactly("lina 2 customers are yours now by their tier's owner policy: Big 2",
        "wangfang 3 customers are yours now by their tier's owner policy: Big 3",
        "zhangwei 1 customers are yours now by their tier's owner policy: Big 1");
    assertThat(db.sql("select text_zh from notification where username = 'wangfang' and customer_id is null and "
        + "kind = 'assigned'").query(String.class).single()).isEqualTo("按分级负责人规则，3 位客户已分配给你：大客户 3");

    // Idempotent: the same day again moves, creates and changes nothing.
    TaskPlanning.Result again = planning.replan("test").orElseThrow();
    assertThat(List.of(again.assigned(), again.pooled(), again.created(), again.updated(), again.cancelled()))
        .containsOnly(0);
    assertThat(again.warnings()).containsExactly(
        "tier big: 1 customers left unassigned, every rep of the team is at the cap");
    assertThat(db.sql("select count(*) from pool_event").query(Long.class).single()).isEqualTo(7);
    assertThat(audit("owner_policy")).hasSize(1);
    assertThat(policyNotices()).as("nothing moved, nobody told again").hasSize(3);

    // Moves made later in the same tier stand: 赵磊 claims Z1 though small is served from the pool, and an admin
    // gives A1 to 赵磊, who is not in the team. 王芳, down to 2, is under the cap again: the policy would give her A1
    // (first in id order) if it undid the admin's move; it gives her A7. The calls follow their customers.
    assertThat(as("zhaolei").post("/api/v1/pool/Z1/claim", Map.of()).status()).isEqualTo(200);
    assertThat(admin.post("/api/v1/pool/A1/assign", Map.of("owner", "赵磊")).status()).isEqualTo(200);
    TaskPlanning.Result afterMoves = planning.replan("test").orElseThrow();
    assertThat(List.of(afterMoves.assigned(), afterMoves.pooled(), afterMoves.created())).containsExactly(1, 0, 0);
    assertThat(afterMoves.updated()).isEqualTo(3); // the calls of A1, Z1 (now 赵磊's) and A7 (王芳's)
    assertThat(owner("Z1")).isEqualTo("赵磊");
    assertThat(owner("A1")).isEqualTo("赵磊");
    assertThat(owner("A7")).isEqualTo("王芳");
    assertThat(openTasks("zhaolei")).containsExactly("A1 赵磊", "Z1 赵磊");
    assertThat(openTasks("wangfang")).containsExactly("A3 王芳", "A6 王芳", "A7 王芳");
    assertThat(audit("owner_policy")).last()
        .isEqualTo("owner_policy {\"assigned\":1,\"pooled\":0,\"reps\":\"王芳 1\",\"sample\":\"A7\"}");
    assertThat(policyNotices()).containsExactly(
        "lina 2 customers are yours now by their tier's owner policy: Big 2",
        "wangfang 3 customers are yours now by their tier's owner policy: Big 3",
        "wangfang 1 customers are yours now by their tier's owner policy: Big 1",
        "zhangwei 1 customers are yours now by their tier's owner policy: Big 1");

    // A tier change puts the policy back in charge: A1, overridden to small, goes to the pool.
    assertThat(admin.put("/api/v1/customers/A1/override", Map.of("tier", "small", "reason", "test")).status())
        .isEqualTo(201);
    TaskPlanning.Result afterOverride = planning.replan("test").orElseThrow();
    assertThat(List.of(afterOverride.assigned(), afterOverride.pooled())).containsExactly(0, 1);
    assertThat(owner("A1")).isEmpty();
    assertThat(owner("Z1")).isEqualTo("赵磊");
    assertThat(db.sql("select kind || '/' || from_owner || '/' || rule || '/' || tier from pool_event where "
        + "customer_id = 'A1' order by id desc").query(String.class).list().get(0))
        .isEqualTo("return/赵磊/policy/small");
  }

  private Api as(String name) {
    return anonymous().as(name, name + "-password");
  }

  private String owner(String id) {
    return db.sql("select owner from customer where id = ?").param(id).query(String.class).single();
  }

  /** The open tasks a user sees: "customer owner" by customer. */
  private List<String> openTasks(String user) {
    List<String> out = new ArrayList<>();
    as(user).get("/api/v1/tasks?status=open").json().get("items")
        .forEach(t -> out.add(t.get("customerId").asString() + " " + t.get("owner").asString()));
    return out;
  }

  private static String text(JsonNode n) {
    return n == null || n.isNull() ? "-" : n.asString();
  }

  /** The owner policies' notices (kind assigned, about no one customer): "username text_en", by user then id. */
  private List<String> policyNotices() {
    return db.sql("select username || ' ' || text_en from notification where kind = 'assigned' and customer_id is null "
        + "order by username, id").query(String.class).list();
  }

  private List<String> audit(String action) {
    return db.sql("select detail_code || ' ' || detail_params from audit_log where action = ? order by id")
        .param(action).query(String.class).list();
  }
}
