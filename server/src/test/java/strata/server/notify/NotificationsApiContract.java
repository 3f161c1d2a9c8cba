package strata.server.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import strata.server.data.SummaryStore;
import strata.server.run.RunService;
import strata.server.task.TaskPlanning;
import strata.server.testing.Api;
import strata.server.testing.MovableClock;
import strata.server.testing.ServerTest;
import strata.server.testing.TestData;
import tools.jackson.databind.JsonNode;

/**
 * In-app notifications from the daily plan: big customers get a call every 30 days and return to the pool after 70
 * days without contact, warned 10 days before; escalation after 3 overdue days (the default). A1 was taken on
 * 2026-01-10 and never contacted: its call is due on the first plan's day, 03-10, and it returns on 01-10 + 70 =
 * 03-21, warned from 03-11.
 */
@Import(MovableClock.Config.class)
abstract class NotificationsApiContract extends ServerTest {
  static final String MODEL = """
      tiers:
        - id: big
          name: {zh: 大客户, en: Big}
          when: monetary >= 1000.0
          service:
            owner: {return_to_pool: {no_contact_days: 70, warn_days: 10}}
            cadence: {every_days: 30, channels: [phone]}
        - id: small
          name: {zh: 小客户, en: Small}
          when: true
      """;


  /** The clock's instant: 10:00 in Shanghai on the day set. */

  @Autowired MovableClock clock;
  @Autowired JdbcClient db;
  @Autowired SummaryStore summaries;
  @Autowired RunService runs;
  @Autowired TaskPlanning planning;

  @Test
  void ownersAreRemindedOnceAndOverdueTasksAreEscalatedToTheTeamsManager() {
    Api admin = admin();
    new TestData(db, summaries).customer("A1", "甲公司", "张伟").customer("B2", "乙公司", "李娜")
        .purchase("A1", "2026-02-05", 1200).purchase("B2", "2026-02-10", 1500).commit();
    db.sql("update customer set phone = '13800000000', created = ?").param(LocalDate.parse("2026-01-10")).update();
    // B2 was called on 03-01: its next call is due 03-31, no reminder in these days.
    db.sql("insert into interaction (record_id, customer_id, at, type, channel, outcome) values "
        + "('i1', 'B2', timestamp '2026-03-01 10:00:00', 'call', 'phone', 'reached')").update();
    for (String[] u : List.of(new String[] {"zhangwei", "sales", "张伟", "east"},
        new String[] {"lina", "sales", "李娜", "west"}, new String[] {"liuqiang", "manager", "", "east"},
        new String[] {"wuming", "manager", "", "west"})) {
      assertThat(admin.post("/api/v1/users", Map.of("username", u[0], "password", u[0] + "-password", "role", u[1],
          "owner", u[2], "team", u[3])).status()).isEqualTo(201);
    }
    assertThat(admin.put("/api/v1/model", Map.of("yaml", MODEL, "note", "reminders")).status()).isEqualTo(201);
    Api zhangwei = anonymous().as("zhangwei", "zhangwei-password");
    Api manager = anonymous().as("liuqiang", "liuqiang-password");
    Api other = anonymous().as("wuming", "wuming-password");

    clock.day("2026-03-10");
    runs.runNow("manual", "admin", null);
    assertThat(texts(zhangwei, "en")).containsExactly("Follow-up due 2026-03-10: customer A1");
    assertThat(texts(zhangwei, "zh")).containsExactly("2026-03-10 到期：客户 A1 的跟进");
    assertThat(unread(zhangwei)).isEqualTo(1);
    assertThat(unread(anonymous().as("lina", "lina-password"))).isZero();
    assertThat(planning.replan("test").orElseThrow().notices()).isZero(); // the same day again: nothing twice

    clock.day("2026-03-13"); // the call is 3 days overdue; the pool warning window opened on 03-11
    TaskPlanning.Result later = planning.replan("test").orElseThrow();
    assertThat(later.notices()).isEqualTo(2);
    assertThat(texts(zhangwei, "en")).containsExactly(
        "Customer A1 returns to the pool on 2026-03-21 unless you contact them", "Follow-up due 2026-03-10: customer A1");
    assertThat(texts(manager, "en")).containsExactly(
        "Overdue 3 days: Follow-up for customer A1 (owner 张伟, due 2026-03-10)");
    assertThat(texts(manager, "zh")).containsExactly("逾期 3 天：客户 A1 的跟进（负责人 张伟，2026-03-10 到期）");
    assertThat(unread(other)).isZero(); // the west team's manager: not their rep
    assertThat(planning.replan("test").orElseThrow().notices()).isZero();

    // Marking read: one, then all; another user's notice is not found.
    JsonNode first = zhangwei.get("/api/v1/notifications").json().get("items").get(0);
    long id = first.get("id").asLong();
    assertThat(first.get("kind").asString()).isEqualTo("pool_warning");
    assertThat(first.get("customerId").asString()).isEqualTo("A1");
    assertThat(manager.post("/api/v1/notifications/" + id + "/read", Map.of()).status()).isEqualTo(404);
    Api.Response read = zhangwei.post("/api/v1/notifications/" + id + "/read", Map.of());
    assertThat(read.status()).as(read.body()).isEqualTo(200);
    assertThat(read.json().get("readAt").isNull()).isFalse();
    assertThat(unread(zhangwei)).isEqualTo(1);
    assertThat(zhangwei.get("/api/v1/notifications?unread=true").json().get("total").asLong()).isEqualTo(1);
    assertThat(zhangwei.post("/api/v1/notifications/read-all", Map.of()).json().get("marked").asInt()).isEqualTo(1);
    assertThat(unread(zhangwei)).isZero();
    assertThat(zhangwei.get("/api/v1/notifications").json().get("total").asLong()).isEqualTo(2);
    assertThat(zhangwei.get("/api/v1/notifications?size=0").status()).isEqualTo(400);
    assertThat(anonymous().get("/api/v1/notifications").status()).isEqualTo(401);
  }

  private static long unread(Api user) {
    return user.get("/api/v1/notifications/unread-count").json().get("unread").asLong();
  }

  /** The user's notices, newest first, in one language. */
  private static List<String> texts(Api user, String language) {
    List<String> out = new ArrayList<>();
    user.get("/api/v1/notifications").json().get("items").forEach(n -> out.add(n.get("text").get(language).asString()));
    return out;
  }
}
