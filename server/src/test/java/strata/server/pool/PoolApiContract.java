package strata.server.pool;

import strata.server.testing.MovableClock;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import strata.server.data.SummaryStore;
import strata.server.run.RunService;
import strata.server.task.TaskPlanning;
import strata.server.testing.Api;
import strata.server.testing.ServerTest;
import strata.server.testing.TestData;
import tools.jackson.databind.JsonNode;

/**
 * The customer pool: big customers return to the pool after 30 days without a contact (owner warned 5 days before),
 * a rep holds at most 2 customers. The plan's day is the test clock's (Asia/Shanghai); each expected day below is
 * counted by hand from the dates written in {@link #data}.
 */
@Import(MovableClock.Config.class)
abstract class PoolApiContract extends ServerTest {
  static final String MODEL = """
      tiers:
        - id: big
          name: {zh: 大客户, en: Big}
          when: monetary >= 1000.0
          service:
            owner: {policy: keep, cap: 2, return_to_pool: {no_contact_days: 30, warn_days: 5}}
        - id: small
          name: {zh: 小客户, en: Small}
          when: true
          service:
            owner: {cap: 2}
      """;
  static final Map<String, String> OWNERS = Map.of("A1", "张伟", "B2", "李娜", "C3", "张伟", "P1", "", "P2", "",
      "P3", "", "P4", "", "P5", "", "P6", "");



  @Autowired JdbcClient db;
  @Autowired SummaryStore summaries;
  @Autowired RunService runs;
  @Autowired TaskPlanning planning;
  @Autowired MovableClock clock;
  Api admin;

  @BeforeEach
  void data() {
    admin = admin();
    if (db.sql("select count(*) from customer").query(Long.class).single() == 0) {
      TestData data = new TestData(db, summaries);
      OWNERS.forEach((id, owner) -> data.customer(id, "公司" + id, owner));
      data.purchase("A1", "2026-01-05", 800).purchase("A1", "2026-02-05", 400) // 1200: big
          .purchase("B2", "2026-02-10", 1500).purchase("C3", "2026-03-02", 20);
      for (int i = 1; i <= 6; i++) data.purchase("P" + i, "2026-03-01", 10);
      data.commit();
      // A1 was taken on 02-01 and never contacted: due back on 02-01 + 30 = 03-03.
      db.sql("update customer set created = ? where id = 'A1'").param(LocalDate.parse("2026-02-01")).update();
      user("zhangwei", "sales", "张伟", "east");
      user("lina", "sales", "李娜", "west");
      user("wangfang", "sales", "王芳", "east");
      user("zhaolei", "sales", "赵磊", "west");
      user("liuqiang", "manager", null, "east");
      assertThat(admin.put("/api/v1/model", Map.of("yaml", MODEL, "note", "pool rules")).status()).isEqualTo(201);
    }
    OWNERS.forEach((id, owner) -> db.sql("update customer set owner = ? where id = ?").params(owner, id).update());
    db.sql("delete from pool_event").update();
    db.sql("delete from audit_log where action like 'pool%'").update();
    db.sql("delete from service_task").update();
    db.sql("delete from interaction").update();
    // B2's call on 02-12: due back on 03-14, its owner warned from 03-09.
    db.sql("insert into interaction (record_id, customer_id, at, type, channel, outcome) values "
        + "('i1', 'B2', timestamp '2026-02-12 10:00:00', 'call', 'phone', 'reached')").update();
    clock.day("2026-03-10");
    runs.runNow("manual", "admin", null); // as of 03-03, the day after the last purchase; plans as of 03-10
  }

  private void user(String name, String role, String owner, String team) {
    Map<String, Object> body = new java.util.HashMap<>(Map.of("username", name, "password", name + "-password",
        "role", role, "team", team));
    if (owner != null) body.put("owner", owner);
    assertThat(admin.post("/api/v1/users", body).status()).isEqualTo(201);
  }

  private Api as(String name) {
    return anonymous().as(name, name + "-password");
  }

  private String owner(String id) {
    return db.sql("select owner from customer where id = ?").param(id).query(String.class).single();
  }

  @Test
  void aCustomerWithoutContactReturnsToThePoolAndTheOwnerIsWarnedFirst() {
    assertThat(owner("A1")).isEmpty();
    assertThat(db.sql("select kind || '/' || from_owner || '/' || to_owner || '/' || rule || '/' || by_user "
        + "from pool_event where customer_id = 'A1'").query(String.class).list())
        .containsExactly("return/张伟//no_contact/system");
    assertThat(db.sql("select detail_params from audit_log where action = 'pool_return'").query(String.class).list())
        .containsExactly("{\"customer\":\"A1\",\"owner\":\"张伟\",\"rule\":\"no_contact\",\"since\":\"2026-02-01\","
            + "\"return_day\":\"2026-03-03\"}");
    // B2 is due back on 03-14: its owner has a warning task, due today (the warning window opened on 03-09).
    assertThat(owner("B2")).isEqualTo("李娜");
    assertThat(db.sql("select owner || '/' || due_date || '/' || status from service_task where task_key = "
        + "'B2|pool_warning|2026-03-14'").query(String.class).single()).isEqualTo("李娜/2026-03-10/open");

    JsonNode pool = as("zhangwei").get("/api/v1/pool").json();
    assertThat(pool.get("total").asLong()).isEqualTo(7); // A1 and P1..P6
    JsonNode a1 = pool.get("items").get(0);
    assertThat(a1.get("id").asString()).isEqualTo("A1");
    assertThat(a1.get("tier").asString()).isEqualTo("big");
    assertThat(a1.get("previousOwner").asString()).isEqualTo("张伟");
    assertThat(a1.get("rule").asString()).isEqualTo("no_contact");
    assertThat(as("zhangwei").get("/api/v1/pool?tier=big").json().get("total").asLong()).isEqualTo(1);
    assertThat(as("zhangwei").get("/api/v1/pool?q=p6").json().get("items").get(0).get("id").asString())
        .isEqualTo("P6");
    // Two a page by cursor: next while more follow, every pooled customer once by id; a cursor that is not base64 is
    // a 400 with its code.
    List<String> walked = new ArrayList<>();
    JsonNode twoAPage = as("zhangwei").get("/api/v1/pool?size=2").json();
    for (int pages = 0; pages < 10; pages++) {
      twoAPage.get("items").forEach(c -> walked.add(c.get("id").asString()));
      if (twoAPage.get("next") == null) break;
      twoAPage = as("zhangwei").get("/api/v1/pool?size=2&after=" + twoAPage.get("next").asString()).json();
      assertThat(twoAPage.get("total").asLong()).isEqualTo(7);
    }
    assertThat(walked).containsExactly("A1", "P1", "P2", "P3", "P4", "P5", "P6");
    assertThat(as("zhangwei").get("/api/v1/pool?after=%21%21").json().get("code").asString())
        .isEqualTo("invalid_cursor");
    // Bad input: a page size out of range, a search with LIKE wildcards matches them literally (here: nothing).
    assertThat(as("zhangwei").get("/api/v1/pool?size=0").status()).isEqualTo(400);
    assertThat(as("zhangwei").get("/api/v1/pool?q=%25_%25").json().get("total").asLong()).isZero();

    assertThat(planning.replan("test").orElseThrow().returnedToPool()).isZero(); // same day: nothing more
    clock.day("2026-03-14");
    TaskPlanning.Result onReturnDay = planning.replan("test").orElseThrow();
    assertThat(onReturnDay.returnedToPool()).isEqualTo(1);
    assertThat(owner("B2")).isEmpty();
    assertThat(db.sql("select status from service_task where task_key = 'B2|pool_warning|2026-03-14'")
        .query(String.class).single()).isEqualTo("cancelled");
  }

  @Test
  void aClaimRespectsTheHoldingCapAndTheFirstClaimant() {
    Api zhangwei = as("zhangwei"); // holds C3 (A1 went back to the pool): 1 of 2
    Api.Response claimed = zhangwei.post("/api/v1/pool/P1/claim", Map.of());
    assertThat(claimed.status()).as(claimed.body()).isEqualTo(200);
    assertThat(claimed.json().get("owner").asString()).isEqualTo("张伟");
    assertThat(owner("P1")).isEqualTo("张伟");
    assertThat(db.sql("select detail_params from audit_log where action = 'pool_claim'").query(String.class).single())
        .isEqualTo("{\"customer\":\"P1\",\"rep\":\"张伟\",\"count\":2,\"cap\":2}");

    Api.Response overCap = zhangwei.post("/api/v1/pool/P2/claim", Map.of());
    assertThat(overCap.status()).isEqualTo(422);
    assertThat(overCap.json().get("code").asString()).isEqualTo("over_cap");
    assertThat(owner("P2")).isEmpty();

    Api.Response taken = as("lina").post("/api/v1/pool/P1/claim", Map.of());
    assertThat(taken.status()).isEqualTo(409);
    assertThat(taken.json().get("code").asString()).isEqualTo("already_claimed");
    assertThat(as("lina").post("/api/v1/pool/B2/claim", Map.of()).json().get("code").asString())
        .isEqualTo("already_claimed"); // their own, not in the pool
    assertThat(as("lina").post("/api/v1/pool/NOPE/claim", Map.of()).status()).isEqualTo(404);
    assertThat(admin.post("/api/v1/pool/P2/claim", Map.of()).json().get("code").asString())
        .isEqualTo("no_owner_name");
    assertThat(zhangwei.get("/api/v1/pool").json().get("total").asLong()).isEqualTo(6);
  }

  @Test
  void adminsAssignAndReleaseRepsMayNot() {
    assertThat(as("zhangwei").post("/api/v1/pool/P2/assign", Map.of("owner", "张伟")).status()).isEqualTo(403);
    // Admins are not bound by the cap: 李娜 gets a second and third customer.
    assertThat(admin.post("/api/v1/pool/P2/assign", Map.of("owner", "李娜")).status()).isEqualTo(200);
    assertThat(admin.post("/api/v1/pool/P3/assign", Map.of("owner", "李娜")).status()).isEqualTo(200);
    assertThat(admin.post("/api/v1/pool/C3/assign", Map.of("owner", "")).json().get("owner").asString()).isEmpty();
    assertThat(admin.post("/api/v1/pool/B2/assign", Map.of("owner", "赵磊")).status()).isEqualTo(200);
    assertThat(owner("P3")).isEqualTo("李娜");
    assertThat(owner("C3")).isEmpty();
    assertThat(db.sql("select action || ': ' || detail_params from audit_log where action like 'pool_%' and action <> "
        + "'pool_return' order by id").query(String.class).list()).containsExactly(
        "pool_assign: {\"customer\":\"P2\",\"from\":\"\",\"to\":\"李娜\"}",
        "pool_assign: {\"customer\":\"P3\",\"from\":\"\",\"to\":\"李娜\"}",
        "pool_release: {\"customer\":\"C3\",\"from\":\"张伟\",\"to\":\"\"}",
        "pool_reassign: {\"customer\":\"B2\",\"from\":\"李娜\",\"to\":\"赵磊\"}");
    assertThat(admin.post("/api/v1/pool/NOPE/assign", Map.of("owner", "李娜")).status()).isEqualTo(404);
    assertThat(admin.post("/api/v1/pool/P4/assign", Map.of("owner", "x".repeat(201))).status()).isEqualTo(400);
    assertThat(admin.post("/api/v1/users", Map.of("username", "longteam", "password", "longteam-password",
        "role", "manager", "team", "x".repeat(65))).status()).isEqualTo(400);
  }

  @Test
  void twoRepsClaimingTheSameCustomersAtOnceGetOneOwnerEach() throws Exception {
    List<String> ids = List.of("P3", "P4");
    Api wangfang = as("wangfang");
    Api zhaolei = as("zhaolei");
    List<Integer> statuses = concurrently(List.of(Map.entry(wangfang, "P3"), Map.entry(zhaolei, "P3"),
        Map.entry(wangfang, "P4"), Map.entry(zhaolei, "P4")));
    // Every customer has exactly one winner, the other claim is refused as already claimed.
    assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(2);
    assertThat(statuses.stream().filter(s -> s == 409).count()).isEqualTo(2);
    for (String id : ids) assertThat(owner(id)).isIn("王芳", "赵磊");
    assertThat(db.sql("select count(*) from pool_event where kind = 'claim'").query(Long.class).single())
        .isEqualTo(2);
  }

  @Test
  void oneRepClaimingManyAtOnceStopsAtTheCap() throws Exception {
    Api wangfang = as("wangfang"); // holds nothing; the cap is 2
    List<Integer> statuses = concurrently(List.of(Map.entry(wangfang, "P3"), Map.entry(wangfang, "P4"),
        Map.entry(wangfang, "P5"), Map.entry(wangfang, "P6")));
    assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(2);
    assertThat(statuses.stream().filter(s -> s == 422).count()).isEqualTo(2);
    assertThat(db.sql("select count(*) from customer where owner = '王芳'").query(Long.class).single()).isEqualTo(2);
  }

  @Test
  void aManagerSeesTheTeamsCustomersAndTasksAndNoOthers() {
    admin.post("/api/v1/pool/P1/assign", Map.of("owner", "王芳"));
    admin.post("/api/v1/pool/P2/assign", Map.of("owner", "赵磊"));
    planning.replan("test");
    Api manager = as("liuqiang");
    // Team east: 张伟 (C3; A1 went to the pool) and 王芳 (P1). 李娜 and 赵磊 are team west.
    JsonNode customers = manager.get("/api/v1/customers?size=100").json();
    List<String> ids = new ArrayList<>();
    customers.get("items").forEach(c -> ids.add(c.get("id").asString()));
    assertThat(ids).containsExactlyInAnyOrder("C3", "P1");
    assertThat(manager.get("/api/v1/customers/B2").status()).isEqualTo(404);
    assertThat(manager.get("/api/v1/customers/P1").status()).isEqualTo(200);
    // B2's warning (due today) and return (03-14, within the 14 days) belong to 李娜's customer: not the manager's.
    assertThat(admin.get("/api/v1/tasks").json().get("total").asLong()).isEqualTo(2);
    assertThat(manager.get("/api/v1/tasks").json().get("total").asLong()).isZero();
    assertThat(manager.get("/api/v1/me").json().get("team").asString()).isEqualTo("east");
  }

  /** Sends every claim (a client and a customer id) with all requests released at once; their statuses. */
  private static List<Integer> concurrently(List<Map.Entry<Api, String>> claims) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(claims.size());
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Integer>> answers = new ArrayList<>();
      for (Map.Entry<Api, String> claim : claims) {
        answers.add(threads.submit(() -> {
          start.await();
          return claim.getKey().post("/api/v1/pool/" + claim.getValue() + "/claim", Map.of()).status();
        }));
      }
      start.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> f : answers) statuses.add(f.get());
      return statuses;
    } finally {
      threads.shutdownNow();
    }
  }
}
