package strata.server.task;

import strata.server.testing.MovableClock;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import strata.server.data.SummaryStore;
import strata.server.run.RunService;
import strata.server.testing.Api;
import strata.server.testing.ServerTest;
import strata.server.testing.TestData;
import tools.jackson.databind.JsonNode;

/**
 * Service tasks planned from a small model with a playbook: big customers get a call every 30 days, a customer who
 * moves down to small gets a win-back call within 7 days. The plan's day is the test clock's (Asia/Shanghai), so
 * every expected key, due day and reason follows by hand from the data below.
 */
@Import(MovableClock.Config.class)
abstract class TasksApiContract extends ServerTest {
  static final String MODEL = """
      tiers:
        - id: big
          name: {zh: 大客户, en: Big}
          when: monetary >= 1000.0
          service:
            cadence: {every_days: 30, channels: [phone]}
        - id: small
          name: {zh: 小客户, en: Small}
          when: true
          service:
            triggers:
              moved_down: {within_days: 7, channels: [phone], purpose: {zh: 挽回来电, en: Win-back call}}
      """;



  @Autowired JdbcClient db;
  @Autowired SummaryStore summaries;
  @Autowired RunService runs;
  @Autowired TaskPlanning planning;
  @Autowired MovableClock clock;
  Api admin;
  Api zhangwei;
  Api lina;

  @BeforeEach
  void data() {
    admin = admin();
    if (db.sql("select count(*) from customer").query(Long.class).single() == 0) {
      new TestData(db, summaries)
          .customer("A1", "甲公司", "张伟").customer("B2", "乙公司", "李娜").customer("C3", "丙公司", "张伟")
          .customer("D4", "丁公司", "张伟")
          .purchase("A1", "2026-01-05", 800).purchase("A1", "2026-02-05", 400) // 1200: big
          .purchase("B2", "2026-02-10", 1500)                                   // big
          .purchase("C3", "2026-03-02", 20)                                     // small
          .purchase("D4", "2026-02-01", 2000)                                   // big
          .commit();
      db.sql("update customer set phone = '13800000000'").update(); // calls need a number
      admin.post("/api/v1/users", Map.of("username", "zhangwei", "password", "zhangwei-password",
          "role", "sales", "owner", "张伟"));
      admin.post("/api/v1/users", Map.of("username", "lina", "password", "lina-password", "role", "sales",
          "owner", "李娜"));
      assertThat(admin.put("/api/v1/model", Map.of("yaml", MODEL, "note", "with a playbook")).status()).isEqualTo(201);
    }
    zhangwei = anonymous().as("zhangwei", "zhangwei-password");
    lina = anonymous().as("lina", "lina-password");
    // Owners as the data has them: a test below hands customers over.
    db.sql("update customer set owner = case id when 'B2' then '李娜' else '张伟' end").update();
    // Every test starts from two runs of the same data (previous tiers = current tiers) and no task or contact.
    db.sql("delete from tier_override").update();
    db.sql("delete from service_task").update();
    db.sql("delete from interaction").update();
    clock.day("2026-03-10");
    runs.runNow("manual", "admin", null);
    db.sql("delete from service_task").update();
    runs.runNow("manual", "admin", null); // as of 2026-03-03, the day after the last purchase; plans as of 03-10
  }

  @Test
  void aRunPlansTasksWithTheirReasons() {
    JsonNode page = admin.get("/api/v1/tasks?status=open").json();
    assertThat(page.get("total").asLong()).isEqualTo(3);
    assertThat(customers(page)).containsExactly("A1", "B2", "D4"); // big customers, never contacted; C3 is small
    JsonNode a1 = task(page, "A1");
    assertThat(a1.get("key").asString()).isEqualTo("A1|cadence|none");
    assertThat(a1.get("type").asString()).isEqualTo("follow_up");
    assertThat(a1.get("channel").asString()).isEqualTo("phone");
    assertThat(a1.get("owner").asString()).isEqualTo("张伟");
    assertThat(a1.get("dueDate").asString()).isEqualTo("2026-03-10"); // no contact yet: due today
    assertThat(a1.get("reason").get("tier").asString()).isEqualTo("big");
    assertThat(a1.get("reason").get("trigger").asString()).isEqualTo("cadence");
    assertThat(a1.get("reason").get("values").toString())
        .contains("{\"name\":\"last_contact\",\"value\":\"none\"}", "{\"name\":\"every_days\",\"value\":\"30\"}");
    assertThat(a1.get("reasonText").get("en").asString()).startsWith("big: Cadence (").contains("every_days=30");
    assertThat(a1.get("reasonText").get("zh").asString()).startsWith("big：定期跟进（");
    assertThat(a1.get("createdBy").asString()).isEqualTo("system");
  }

  @Test
  void replanningTheSameDayCreatesNothing() {
    TaskPlanning.Result again = planning.replan("test").orElseThrow();
    assertThat(again.created()).isZero();
    assertThat(again.cancelled()).isZero();
    assertThat(db.sql("select count(*) from service_task").query(Long.class).single()).isEqualTo(3);
  }

  @Test
  void completingLogsAnInteractionAndTheCadenceWaitsUntilDue() {
    long id = task(zhangwei.get("/api/v1/tasks").json(), "A1").get("id").asLong();
    Api.Response done = zhangwei.post("/api/v1/tasks/" + id + "/complete", Map.of("outcome", "reached",
        "note", "下月再访"));
    assertThat(done.status()).as(done.body()).isEqualTo(200);
    assertThat(done.json().get("status").asString()).isEqualTo("done");
    assertThat(done.json().get("outcome").asString()).isEqualTo("reached");
    assertThat(done.json().get("closedBy").asString()).isEqualTo("zhangwei");
    assertThat(db.sql("select type || '/' || channel || '/' || outcome || '/' || cast(at as date) from interaction "
        + "where record_id = ?").param("task:" + id).query(String.class).single())
        .isEqualTo("call/phone/reached/2026-03-10");
    assertThat(db.sql("select count(*) from audit_log where action = 'task_done' and detail_params like ?")
        .param("{\"task\":" + id + ",%").query(Long.class).single()).isEqualTo(1);
    assertThat(zhangwei.post("/api/v1/tasks/" + id + "/complete", Map.of("outcome", "reached")).status())
        .isEqualTo(409);

    // The next call is due 30 days after the contact, 2026-04-09: beyond today's 14 days (to 03-23).
    assertThat(planning.replan("test").orElseThrow().created()).isZero();
    assertThat(openKeys("A1")).isEmpty();
    // On 03-27 the horizon reaches 04-09 (03-27 + 13 days).
    clock.day("2026-03-27");
    planning.replan("test");
    assertThat(openKeys("A1")).containsExactly("A1|cadence|2026-03-10");
    assertThat(db.sql("select due_date from service_task where task_key = 'A1|cadence|2026-03-10'")
        .query(java.time.LocalDate.class).single()).isEqualTo("2026-04-09");

    // A run as of the contact's day counts it: days_since_contact 0.
    runs.runNow("manual", "admin", java.time.LocalDate.parse("2026-03-10"));
    assertThat(admin.get("/api/v1/customers/A1").json().get("metrics").get("days_since_contact").toString())
        .isEqualTo("0");
  }

  @Test
  void aSalesUserSeesAndClosesOnlyTheirCustomersTasks() {
    JsonNode own = zhangwei.get("/api/v1/tasks").json();
    assertThat(customers(own)).containsExactly("A1", "D4");
    long b2 = task(admin.get("/api/v1/tasks").json(), "B2").get("id").asLong();
    assertThat(zhangwei.post("/api/v1/tasks/" + b2 + "/complete", Map.of("outcome", "reached")).status())
        .isEqualTo(404);
    assertThat(zhangwei.post("/api/v1/tasks/" + b2 + "/skip", Map.of("reason", "not mine")).status())
        .isEqualTo(404);
    assertThat(admin.post("/api/v1/tasks/" + b2 + "/complete", Map.of("outcome", "maybe")).status()).isEqualTo(400);
    assertThat(admin.post("/api/v1/tasks/" + b2 + "/skip", Map.of("reason", " ")).status()).isEqualTo(400);
    Api.Response skipped = admin.post("/api/v1/tasks/" + b2 + "/skip", Map.of("reason", "customer on holiday"));
    assertThat(skipped.status()).as(skipped.body()).isEqualTo(200);
    assertThat(skipped.json().get("status").asString()).isEqualTo("skipped");
    assertThat(skipped.json().get("note").asString()).isEqualTo("customer on holiday");
    assertThat(admin.get("/api/v1/tasks?status=nope").status()).isEqualTo(400);
    assertThat(customers(admin.get("/api/v1/tasks?status=open&owner=李娜").json())).isEmpty();
    assertThat(admin.get("/api/v1/tasks?dueBefore=2026-03-10").json().get("total").asLong()).isZero();
    assertThat(admin.get("/api/v1/tasks?dueBefore=2026-03-11").json().get("total").asLong()).isEqualTo(3);
  }

  @Test
  void aCustomerWhoMovesUpHasTheWinBackCancelled() {
    assertThat(admin.put("/api/v1/customers/D4/override", Map.of("tier", "small", "reason", "test")).status())
        .isEqualTo(201);
    runs.runNow("manual", "admin", null);
    // big -> small is a move down (big is listed first): a win-back call within 7 days of the plan's day.
    JsonNode winBack = task(admin.get("/api/v1/tasks?status=open&customerId=D4").json(), "D4");
    assertThat(winBack.get("key").asString()).isEqualTo("D4|moved_down|big>small|2026-03-03");
    assertThat(winBack.get("type").asString()).isEqualTo("win_back");
    assertThat(winBack.get("dueDate").asString()).isEqualTo("2026-03-17");
    assertThat(winBack.get("reasonText").get("en").asString())
        .contains("previous_tier=big", "tier=small").endsWith("— Win-back call");
    assertThat(db.sql("select suppressed_by from service_task where task_key = 'D4|cadence|none'")
        .query(String.class).single()).isEqualTo("tier_changed:small");

    assertThat(admin.delete("/api/v1/customers/D4/override").status()).isIn(200, 204);
    runs.runNow("manual", "admin", null);
    JsonNode cancelled = task(admin.get("/api/v1/tasks?status=cancelled&customerId=D4").json(), "D4");
    assertThat(cancelled.get("key").asString()).isEqualTo(winBack.get("key").asString());
    assertThat(cancelled.get("suppressedBy").asString()).isEqualTo("tier_changed:big");
    assertThat(cancelled.get("closedBy").asString()).isEqualTo("system");
    assertThat(cancelled.get("reasonText").get("en").asString()).contains("; cancelled: ");
    // Back in big, its call is open again.
    assertThat(openKeys("D4")).containsExactly("D4|cadence|none");
  }

  @Test
  void tasksCarryTheCustomersNameAndNumbers() {
    db.sql("update customer set email = 'a1@example.com' where id = 'A1'").update();
    JsonNode a1 = task(zhangwei.get("/api/v1/tasks").json(), "A1");
    assertThat(a1.get("customerName").asString()).isEqualTo("甲公司");
    assertThat(a1.get("phone").asString()).isEqualTo("13800000000");
    assertThat(a1.get("email").asString()).isEqualTo("a1@example.com");
  }

  @Test
  void theCallListIsACsvOfTheViewersCustomersInTheirLanguage() {
    // D4 was visited on 03-05 (its call stays open: the plan has not run since); A1 never contacted.
    db.sql("update customer set email = 'a1@example.com' where id = 'A1'").update();
    db.sql("insert into interaction (record_id, customer_id, at, type, channel, outcome) values "
        + "('v1', 'D4', timestamp '2026-03-05 15:00:00', 'visit', 'visit', 'reached')").update();
    String en = "\uFEFFCustomer ID,Name,Phone,Email,Last contact,Next task,Top category,Next-best product,Why this product\r\n"
        + "A1,甲公司,13800000000,a1@example.com,,Follow-up 2026-03-10,,,\r\n"
        + "D4,丁公司,13800000000,,2026-03-05,Follow-up 2026-03-10,,,\r\n";
    assertThat(new String(zhangwei.bytes("/api/v1/tasks/call-list?dueBefore=2026-03-11&lang=en"),
        java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(en); // B2 is 李娜's: not in 张伟's list
    assertThat(new String(admin.bytes("/api/v1/tasks/call-list?dueBefore=2026-03-11&owner=李娜&lang=zh"),
        java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("\uFEFF客户编号,客户名称,电话,邮箱,最近联系,下一任务,主要品类,推荐产品,推荐理由\r\n"
        + "B2,乙公司,13800000000,,,跟进 2026-03-10,,,\r\n");
    // Due before today: nothing yet, the headers alone; by default today's and overdue calls; a bad day is a 400.
    assertThat(new String(admin.bytes("/api/v1/tasks/call-list?dueBefore=2026-03-10&lang=en"),
        java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("\uFEFFCustomer ID,Name,Phone,Email,Last contact,Next task,Top category,Next-best product,Why this product\r\n");
    assertThat(new String(admin.bytes("/api/v1/tasks/call-list?lang=en"), java.nio.charset.StandardCharsets.UTF_8))
        .contains("\r\nA1,", "\r\nB2,", "\r\nD4,");
    assertThat(admin.get("/api/v1/tasks/call-list?dueBefore=soon").status()).isEqualTo(400);
    assertThat(anonymous().get("/api/v1/tasks/call-list?dueBefore=2026-03-11").status()).isEqualTo(401);
  }

  @Test
  void thePreviewCountsThePlanPerTierAndRepAndStoresNothing() {
    // A1, B2 and D4 are big and never contacted: a call each; C3 (small) has nothing to do; no caps in this model.
    JsonNode p = admin.get("/api/v1/tasks/preview").json();
    assertThat(p.get("asOf").asString()).isEqualTo("2026-03-10");
    assertThat(p.get("horizonDays").asInt()).isEqualTo(14);
    assertThat(p.get("total").toString()).isEqualTo("{\"tasks\":3,\"suppressedByCaps\":0}");
    assertThat(p.get("tiers").toString()).isEqualTo("{\"big\":{\"tasks\":3,\"suppressedByCaps\":0}}");
    assertThat(p.get("owners").toString()).isEqualTo("{\"张伟\":{\"tasks\":2,\"suppressedByCaps\":0},"
        + "\"李娜\":{\"tasks\":1,\"suppressedByCaps\":0}}");
    // A sales user counts only their own work.
    JsonNode own = zhangwei.get("/api/v1/tasks/preview").json();
    assertThat(own.get("total").get("tasks").asLong()).isEqualTo(2);
    assertThat(own.get("owners").propertyNames()).containsExactly("张伟");
    assertThat(db.sql("select count(*) from service_task").query(Long.class).single()).isEqualTo(3);
  }

  @Test
  void aLongListStopsCountingAtOneThousandAndPagesByDueDayThenId() {
    // 1,001 done tasks of A1 (张伟's), six of B2 (李娜's), one of a customer no longer in the file: past 1,000 the
    // total is the cap and not exact; below it exact, and always within the viewer's scope.
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < 1_001; i++) rows.add(doneTask("A1-" + i, "A1", "张伟", java.time.LocalDate.of(2025, 1, 1).plusDays(i % 300)));
    // B2's due days, in insertion (id) order: the page order is by day, then id, so b4 and b2 (both 01-02) in that order.
    String[] b2Days = {"2026-01-05", "2026-01-02", "2026-01-09", "2026-01-01", "2026-01-02", "2026-01-03"};
    for (int i = 0; i < b2Days.length; i++) rows.add(doneTask("B2-" + i, "B2", "张伟", java.time.LocalDate.parse(b2Days[i])));
    rows.add(doneTask("GONE-0", "GONE", "张伟", java.time.LocalDate.parse("2026-01-01")));
    for (int from = 0; from < rows.size(); from += 1000) {
      db.sql("insert into service_task (task_key, customer_id, owner, tier, type, channel, due_date, trigger_kind, reason, "
          + "reason_en, reason_zh, status, created_at, created_by, updated_at, updated_by) values "
          + String.join(", ", rows.subList(from, Math.min(rows.size(), from + 1000)))).update();
    }
    JsonNode all = admin.get("/api/v1/tasks?status=done&size=1").json();
    assertThat(all.get("total").asLong()).isEqualTo(1_000);
    assertThat(all.get("totalExact").asBoolean()).isFalse();
    JsonNode own = zhangwei.get("/api/v1/tasks?status=done&size=1").json();
    assertThat(own.get("total").asLong()).isEqualTo(1_000);
    assertThat(own.get("totalExact").asBoolean()).isFalse();
    // The task owner filter does not widen the scope: B2's tasks name 张伟 but the customer is 李娜's.
    JsonNode notHis = zhangwei.get("/api/v1/tasks?status=done&customerId=B2").json();
    assertThat(notHis.get("total").asLong()).isZero();
    assertThat(notHis.get("totalExact").asBoolean()).isTrue();
    JsonNode b2 = admin.get("/api/v1/tasks?status=done&owner=张伟&customerId=B2&page=1&size=2").json();
    assertThat(b2.get("total").asLong()).isEqualTo(6);
    assertThat(b2.get("totalExact").asBoolean()).isTrue();
    // By day: B2-3 (01-01), B2-1, B2-4 (01-02, by id), B2-5 (01-03), B2-0 (01-05), B2-2 (01-09); page 1 of 2 a page.
    List<String> keys = new ArrayList<>();
    b2.get("items").forEach(t -> keys.add(t.get("key").asString()));
    assertThat(keys).containsExactly("B2-4", "B2-5");
    assertThat(b2.get("items").get(0).get("customerName").asString()).isEqualTo("乙公司");
    // Tasks of a customer no longer in the file: counted and listed for those who see all, with no customer fields.
    JsonNode gone = admin.get("/api/v1/tasks?customerId=GONE").json();
    assertThat(gone.get("total").asLong()).isEqualTo(1);
    assertThat(gone.get("items").get(0).get("customerName").isNull()).isTrue();
    assertThat(zhangwei.get("/api/v1/tasks?customerId=GONE").json().get("total").asLong()).isZero();
    followingNextGivesEveryTaskOnceByDayThenId();
  }

  /**
   * A1's 1,001 done tasks (four a day for 101 days, then three; pages of 111 all end inside a day) walked with
   * {@code after=} as 张伟, against the tasks as stored ordered by the database; a garbled cursor is a 400 with its code.
   */
  private void followingNextGivesEveryTaskOnceByDayThenId() {
    List<String> expected = db.sql("select task_key from service_task where customer_id = 'A1' and status = 'done' "
        + "order by due_date, id").query(String.class).list();
    assertThat(expected).hasSizeGreaterThan(1_000);
    List<String> walked = new ArrayList<>();
    String query = "/api/v1/tasks?status=done&customerId=A1&size=111";
    JsonNode page = zhangwei.get(query + "&page=2").json(); // an offset page hands over to the cursor
    for (int pages = 0; pages < 100; pages++) {
      assertThat(page.has("items")).as(page.toString()).isTrue();
      page.get("items").forEach(t -> walked.add(t.get("key").asString()));
      if (page.get("next") == null) break;
      assertThat(page.get("items")).hasSize(111);
      page = zhangwei.get(query + "&after=" + page.get("next").asString()).json();
    }
    assertThat(walked).isEqualTo(expected.subList(222, expected.size()));
    var garbled = zhangwei.get(query + "&after=bm90LWEtY3Vyc29y");
    assertThat(garbled.status()).isEqualTo(400);
    assertThat(garbled.json().get("code").asString()).isEqualTo("invalid_cursor");
  }

  @Test
  void aTaskFollowsItsCustomerToEachNewOwner() {
    assertThat(customers(zhangwei.get("/api/v1/tasks").json())).containsExactly("A1", "D4");
    assertThat(customers(lina.get("/api/v1/tasks").json())).containsExactly("B2");
    // A bulk assignment, then a batch upload of profiles: each moves the customer's tasks with it, counts included.
    Api.Response assigned = admin.post("/api/v1/customers/bulk/assign", Map.of("ids", List.of("A1"), "owner", "李娜"));
    assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
    assertThat(customers(zhangwei.get("/api/v1/tasks").json())).containsExactly("D4");
    JsonNode hers = lina.get("/api/v1/tasks?status=open").json();
    assertThat(customers(hers)).containsExactly("A1", "B2");
    assertThat(hers.get("total").asLong()).isEqualTo(2);
    assertThat(admin.post("/api/v1/batch/customers", List.of(Map.of("id", "B2", "owner", "张伟"))).status())
        .isEqualTo(200);
    assertThat(customers(zhangwei.get("/api/v1/tasks").json())).containsExactly("B2", "D4");
    assertThat(customers(lina.get("/api/v1/tasks").json())).containsExactly("A1");
    // A task written by hand (as a survey follow-up or a migration would) takes its customer's owner as it is stored.
    db.sql("insert into service_task (task_key, customer_id, owner, tier, type, channel, due_date, trigger_kind, reason, "
        + "reason_en, reason_zh, status, created_at, created_by, updated_at, updated_by) values "
        + doneTask("C3-0", "C3", "somebody", java.time.LocalDate.parse("2026-03-01"))).update();
    db.sql("update service_task set closed_at = updated_at, closed_by = 'system' where task_key = 'C3-0'").update();
    assertThat(customers(zhangwei.get("/api/v1/tasks?status=done").json())).containsExactly("C3");
    assertThat(customers(lina.get("/api/v1/tasks?status=done").json())).isEmpty();

    // A hand-over that missed a task (a plan inserting it was still open): the page never shows it to the owner
    // before, and the next plan gives it to the owner now.
    db.sql("update service_task set customer_owner = '李娜' where customer_id = 'B2'").update();
    assertThat(customers(lina.get("/api/v1/tasks?status=open").json())).containsExactly("A1");
    assertThat(customers(zhangwei.get("/api/v1/tasks?status=open").json())).containsExactly("D4");
    planning.replan("test");
    assertThat(customers(zhangwei.get("/api/v1/tasks?status=open").json())).containsExactly("B2", "D4");
    assertThat(customers(lina.get("/api/v1/tasks?status=open").json())).containsExactly("A1");
  }

  /** The team view's coverage: per owner and tier, customers whose cadence task is not overdue (issue 15). */
  @Test
  void coverageCountsCustomersContactedWithinTheirCadence() {
    // A1 and D4 (张伟) and B2 (李娜) are big, never contacted: their cadence calls are due today, 03-10.
    assertThat(admin.get("/api/v1/tasks/coverage").json().toString()).isEqualTo("["
        + "{\"owner\":\"张伟\",\"tier\":\"big\",\"customers\":2,\"covered\":2},"
        + "{\"owner\":\"李娜\",\"tier\":\"big\",\"customers\":1,\"covered\":1}]");
    assertThat(zhangwei.get("/api/v1/tasks/coverage").json().findValuesAsString("owner")).containsExactly("张伟");
    // D4's call suppressed (a cap): not covered. Two days on, the calls are overdue: nobody is.
    db.sql("update service_task set status = 'suppressed', suppressed_by = 'cap:all/week<=1' where customer_id = 'D4'")
        .update();
    assertThat(zhangwei.get("/api/v1/tasks/coverage").json().get(0).get("covered").asLong()).isEqualTo(1);
    clock.day("2026-03-12");
    JsonNode late = zhangwei.get("/api/v1/tasks/coverage").json().get(0);
    assertThat(late.get("customers").asLong()).isEqualTo(2);
    assertThat(late.get("covered").asLong()).isZero();
  }

  /** The customer list shows each row's next step (issue 17 §2): the open task due first, not a closed one. */
  @Test
  void theCustomerListShowsEachCustomersNextStep() {
    JsonNode rows = zhangwei.get("/api/v1/customers?size=50").json().get("items");
    Map<String, JsonNode> byId = new java.util.TreeMap<>();
    rows.forEach(r -> byId.put(r.get("id").asString(), r.get("nextTask")));
    assertThat(byId.keySet()).containsExactly("A1", "C3", "D4");
    assertThat(byId.get("A1").toString())
        .isEqualTo("{\"dueDate\":\"2026-03-10\",\"type\":\"follow_up\",\"channel\":\"phone\"}");
    assertThat(byId.get("C3").isNull()).isTrue(); // small: no playbook task
    // An earlier open task comes first; a closed one, however early, is no next step; a pool warning has no channel.
    db.sql("insert into service_task (task_key, customer_id, owner, tier, type, channel, due_date, trigger_kind, reason, "
        + "reason_en, reason_zh, status, created_at, created_by, updated_at, updated_by) values "
        + doneTask("A1-old", "A1", "张伟", java.time.LocalDate.parse("2026-02-01")) + ", "
        + doneTask("D4-warn", "D4", "张伟", java.time.LocalDate.parse("2026-03-09"))
            .replace("'follow_up', 'phone'", "'pool_warning', null").replace("'done'", "'open'")).update();
    rows = zhangwei.get("/api/v1/customers?size=50&sort=id,asc").json().get("items");
    assertThat(rows.get(0).get("nextTask").get("dueDate").asString()).isEqualTo("2026-03-10");
    assertThat(rows.get(2).get("nextTask").toString())
        .isEqualTo("{\"dueDate\":\"2026-03-09\",\"type\":\"pool_warning\",\"channel\":null}");
    // The export of the same list leaves it out (a probe per exported customer for nothing) and still holds them all.
    List<String> csv = zhangwei.get("/api/v1/customers/export?format=csv").body().lines().toList();
    assertThat(csv).hasSize(1 + 3);
    assertThat(csv.get(0).toLowerCase(java.util.Locale.ROOT)).doesNotContain("next_task").doesNotContain("nexttask");
  }

  private static String doneTask(String key, String customer, String owner, java.time.LocalDate due) {
    return "('" + key + "', '" + customer + "', '" + owner + "', 'big', 'follow_up', 'phone', date '" + due
        + "', 'cadence', '{\"tier\":\"big\",\"trigger\":\"cadence\",\"detail\":\"\",\"values\":[],"
        + "\"purpose\":{\"zh\":\"\",\"en\":\"\"}}', 'x', 'x', 'done', timestamp with time zone "
        + "'2026-01-01 00:00:00+00', 'system', timestamp with time zone '2026-01-01 00:00:00+00', 'system')";
  }

  private List<String> openKeys(String customer) {
    return db.sql("select task_key from service_task where customer_id = ? and status = 'open' order by task_key")
        .param(customer).query(String.class).list();
  }

  private static List<String> customers(JsonNode page) {
    List<String> ids = new ArrayList<>();
    page.get("items").forEach(t -> ids.add(t.get("customerId").asString()));
    return ids.stream().sorted().toList();
  }

  private static JsonNode task(JsonNode page, String customer) {
    for (JsonNode t : page.get("items")) {
      if (t.get("customerId").asString().equals(customer)) return t;
    }
    throw new AssertionError("no task of " + customer + " in " + page);
  }
}
