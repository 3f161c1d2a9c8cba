package strata.server.survey;

import strata.server.testing.MovableClock;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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
 * The satisfaction loop against a real server: big customers are invited to an NPS survey every 90 days, answer on
 * the public page, and an unhappy answer opens a recovery task for the owner. The server's clock is the test's
 * (10:00 in Shanghai on 2026-03-10), so stored times and expiries follow by hand.
 */
@Import(MovableClock.Config.class)
abstract class SurveyPageContract extends ServerTest {
  static final String MODEL = """
      tiers:
        - id: big
          name: {zh: 大客户, en: Big}
          when: monetary >= 1000.0
          service:
            survey: {nps_every_days: 90, csat_after_complaint: true, channel: sms}
        - id: small
          name: {zh: 小客户, en: Small}
          when: true
      """;

  @Autowired JdbcClient db;
  @Autowired SummaryStore summaries;
  @Autowired RunService runs;
  @Autowired TaskPlanning planning;
  @Autowired MovableClock clock;
  Api admin;

  @BeforeEach
  void data() {
    admin = admin();
    clock.day("2026-03-10");
    if (db.sql("select count(*) from customer").query(Long.class).single() == 0) {
      new TestData(db, summaries)
          .customer("A1", "甲公司", "张伟").customer("B2", "乙公司", "李娜").customer("C3", "丙公司", "张伟")
          .purchase("A1", "2026-01-05", 1200).purchase("B2", "2026-02-10", 1500).purchase("C3", "2026-03-02", 20)
          .commit();
      admin.post("/api/v1/users", Map.of("username", "zhangwei", "password", "zhangwei-password", "role", "sales",
          "owner", "张伟"));
      assertThat(admin.put("/api/v1/model", Map.of("yaml", MODEL, "note", "surveys")).status()).isEqualTo(201);
      runs.runNow("manual", "admin", null);
    }
    for (String table : List.of("survey", "survey_invitation", "survey_throttle", "service_task")) {
      db.sql("delete from " + table).update();
    }
  }

  /** Plans the day's invitations and returns the open links by customer. */
  Map<String, String> links() {
    assertThat(admin.post("/api/v1/surveys/invitations", Map.of()).status()).isEqualTo(200);
    Map<String, String> byCustomer = new java.util.TreeMap<>();
    for (JsonNode l : admin.get("/api/v1/surveys/invitations?status=open").json()) {
      byCustomer.put(l.get("customerId").asString(), l.get("url").asString());
    }
    return byCustomer;
  }

  static String path(String url) {
    return url.substring(url.indexOf("/s/"));
  }

  Api.Response post(String path, String form) {
    return anonymous().raw("POST", path, "application/x-www-form-urlencoded", form.getBytes(StandardCharsets.UTF_8));
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  long surveys() {
    return db.sql("select count(*) from survey").query(Long.class).single();
  }

  long answered() {
    return db.sql("select count(*) from survey_invitation where answered_at is not null").query(Long.class).single();
  }

  @Test
  void dueCustomersAreInvitedOnceAndTheirLinksExport() {
    // A1 (1200) and B2 (1500) are big and due (never asked); C3 is small, whose tier has no survey.
    JsonNode first = admin.post("/api/v1/surveys/invitations", Map.of()).json();
    assertThat(first.get("created").asInt()).isEqualTo(2);
    assertThat(admin.post("/api/v1/surveys/invitations", Map.of()).json().get("created").asInt())
        .as("asked today: due again in 90 days").isZero();
    JsonNode open = admin.get("/api/v1/surveys/invitations?status=open").json();
    assertThat(open).hasSize(2);
    assertThat(open.get(0).get("customerId").asString()).isEqualTo("A1");
    assertThat(open.get(0).get("channel").asString()).isEqualTo("sms");
    assertThat(open.get(0).get("expiresAt").asString()).isEqualTo("2026-03-24T02:00:00Z"); // 14 days
    assertThat(open.get(0).get("url").asString()).startsWith("http://localhost:" + port + "/s/");
    Api.Response csv = admin.get("/api/v1/surveys/invitations?status=open&format=csv");
    assertThat(csv.body().lines().toList()).hasSize(3)
        .first().isEqualTo("invitation_id,customer_id,tier,kind,channel,invited_on,expires_at,url,send_after");
    assertThat(csv.body().lines().skip(1)).allMatch(l -> l.contains(",big,nps,sms,2026-03-10,"));
    Api zhangwei = anonymous().as("zhangwei", "zhangwei-password");
    assertThat(zhangwei.get("/api/v1/surveys/invitations").status()).as("sales").isEqualTo(403);
    assertThat(anonymous().get("/api/v1/surveys/invitations").status()).isEqualTo(401);
    assertThat(admin.get("/api/v1/surveys/invitations?status=lost").status()).isEqualTo(400);
    assertThat(admin.get("/api/v1/surveys/invitations?format=xml").status()).isEqualTo(400);
  }

  @Test
  void anAnswerLandsAsASurveyRecordAndTheLinkIsUsedUp() {
    String a1 = path(links().get("A1"));
    Api.Response en = anonymous().get(a1 + "?lang=en");
    assertThat(en.status()).isEqualTo(200);
    assertThat(en.body()).contains("<html lang=\"en\"", "recommend us", "name=\"nps\" value=\"10\"")
        .doesNotContain("<script");
    assertThat(en.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
    Api.Response zh = anonymous().send(anonymous().builder(a1).header("Accept-Language", "zh-CN,zh;q=0.9").GET());
    assertThat(zh.body()).contains("<html lang=\"zh\"", "推荐");
    Api.Response thanks = post(a1, "lang=en&nps=9&csat=4&comment=" + enc("很好 & <b>quick</b>"));
    assertThat(thanks.status()).isEqualTo(200);
    assertThat(thanks.body()).contains("Thank you");
    Map<String, Object> row = db.sql("select record_id, customer_id, at, nps, csat, comment from survey")
        .query().singleRow();
    assertThat(row.get("customer_id")).isEqualTo("A1");
    assertThat(((Number) row.get("nps")).intValue()).isEqualTo(9);
    assertThat(((Number) row.get("csat")).intValue()).isEqualTo(4);
    assertThat(row.get("comment")).isEqualTo("很好 & <b>quick</b>"); // stored as sent: escaping is the page's job
    assertThat(row.get("at")).isEqualTo(java.sql.Timestamp.valueOf(LocalDateTime.of(2026, 3, 10, 10, 0)));
    assertThat((String) row.get("record_id")).startsWith("survey-invitation:");
    assertThat(db.sql("select count(*) from service_task").query(Long.class).single()).as("a promoter").isZero();
    JsonNode shown = admin.get("/api/v1/customers/A1/surveys").json().get("items"); // the 360° page's list
    assertThat(shown).hasSize(1);
    assertThat(shown.get(0).get("nps").asInt()).isEqualTo(9);
    // used: a clear page, nothing changed
    Api.Response again = post(a1, "lang=en&nps=0");
    assertThat(again.status()).isEqualTo(410);
    assertThat(again.body()).contains("already been used");
    assertThat(anonymous().get(a1 + "?lang=zh").body()).contains("已经使用过");
    assertThat(db.sql("select nps from survey").query(Integer.class).single()).isEqualTo(9);
    assertThat(surveys()).isEqualTo(1);
    assertThat(db.sql("select count(*) from service_task").query(Long.class).single()).isZero();
  }

  @Test
  void expiredAndForgedLinksChangeNothing() {
    Map<String, String> links = links();
    String a1 = path(links.get("A1"));
    String forged = a1.substring(0, a1.length() - 1) + (a1.endsWith("A") ? "B" : "A");
    String otherId = "/s/" + (Long.parseLong(a1.substring(3, a1.indexOf('-'))) + 1000) + a1.substring(a1.indexOf('-'));
    for (String bad : List.of(forged, otherId, "/s/abc", "/s/1-2-3", "/s/" + enc("<img src=x onerror=alert(1)>"))) {
      Api.Response page = anonymous().get(bad + "?lang=en");
      assertThat(page.status()).as(bad).isEqualTo(404);
      assertThat(page.body()).as(bad).contains("not valid").doesNotContain("<img");
      assertThat(post(bad, "lang=zh&nps=2").body()).as(bad).contains("链接无效");
    }
    clock.day("2026-03-24"); // 10:00 on the expiry day, which was 10:00 two weeks after the invitation
    Api.Response expired = post(a1, "lang=en&nps=3");
    assertThat(expired.status()).isEqualTo(410);
    assertThat(expired.body()).contains("expired");
    assertThat(surveys()).isZero();
    assertThat(answered()).isZero();
    assertThat(db.sql("select count(*) from service_task").query(Long.class).single()).isZero();
  }

  @Test
  void hostileAnswersAreRefusedWithTheFormAgainAndTheLinkStaysOpen() {
    String a1 = path(links().get("A1"));
    Api.Response script = post(a1, "lang=en&nps=11&comment=" + enc("<script>alert(1)</script>"));
    assertThat(script.status()).isEqualTo(422);
    assertThat(script.body()).contains("choose a score on the scale", "&lt;script&gt;alert(1)&lt;/script&gt;")
        .doesNotContain("<script>");
    Api.Response huge = post(a1, "lang=en&nps=5&comment=" + "x".repeat(100_000));
    assertThat(huge.status()).isEqualTo(422);
    assertThat(huge.body()).contains("too long").doesNotContain("x".repeat(4001));
    Api.Response nul = post(a1, "lang=zh&nps=5&comment=" + enc("a\0b"));
    assertThat(nul.status()).isEqualTo(422);
    assertThat(nul.body()).contains("NUL");
    assertThat(post(a1, "lang=en&csat=3").body()).as("NPS is the question asked").contains("Please choose a score.");
    assertThat(post(a1, "lang=en&nps=ten").status()).isEqualTo(422);
    assertThat(surveys()).isZero();
    assertThat(answered()).isZero();
    assertThat(post(a1, "lang=en&nps=10&comment=" + enc("x".repeat(4000))).status()).as("at the limit").isEqualTo(200);
    assertThat(surveys()).isEqualTo(1);
  }

  @Test
  void anUnhappyAnswerOpensARecoveryTaskForTheOwnerThatTheReplanKeeps() {
    Map<String, String> links = links();
    assertThat(post(path(links.get("A1")), "nps=3").status()).isEqualTo(200);
    assertThat(post(path(links.get("B2")), "nps=8&csat=2").status()).isEqualTo(200);
    List<Map<String, Object>> tasks = db.sql("select task_key, owner, type, channel, due_date, status, created_by "
        + "from service_task order by task_key").query().listOfRows();
    assertThat(tasks).hasSize(2);
    assertThat(tasks.get(0)).containsEntry("task_key", "A1|nps_detractor|2026-03-10").containsEntry("owner", "张伟")
        .containsEntry("type", "recovery").containsEntry("channel", "phone").containsEntry("status", "open")
        .containsEntry("created_by", "survey");
    assertThat(tasks.get(0).get("due_date")).isEqualTo(java.sql.Date.valueOf("2026-03-12")); // within 2 days
    assertThat(tasks.get(1)).containsEntry("task_key", "B2|nps_detractor|2026-03-10").containsEntry("owner", "李娜");
    Api zhangwei = anonymous().as("zhangwei", "zhangwei-password");
    JsonNode mine = zhangwei.get("/api/v1/tasks?status=open").json();
    assertThat(mine.get("total").asLong()).isEqualTo(1);
    assertThat(mine.get("items").get(0).get("reason").toString()).contains("nps");
    planning.replan("system");
    assertThat(db.sql("select count(*) from service_task where status = 'open'").query(Long.class).single())
        .as("kept by the re-plan, not cancelled or repeated").isEqualTo(2);
  }

  @Test
  void aClosedComplaintBringsACsatSurveyWhoseScoreIsTheRequiredOne() {
    db.sql("insert into service_task (task_key, customer_id, owner, tier, type, channel, due_date, trigger_kind, "
        + "reason, reason_en, reason_zh, status, created_at, created_by, updated_at, updated_by, closed_at, closed_by) "
        + "values ('A1|complaint|2026-03-08', 'A1', '张伟', 'big', 'recovery', 'phone', date '2026-03-10', 'complaint', "
        + "'{}', '', '', 'done', timestamp with time zone '2026-03-08 02:00:00+00', 'system', "
        + "timestamp with time zone '2026-03-09 02:00:00+00', 'system', timestamp with time zone '2026-03-09 02:00:00+00', "
        + "'zhangwei')").update();
    assertThat(admin.post("/api/v1/surveys/invitations", Map.of()).json().get("created").asInt())
        .as("NPS for A1 and B2, CSAT for A1").isEqualTo(3);
    JsonNode csat = java.util.stream.StreamSupport.stream(admin.get("/api/v1/surveys/invitations").json().spliterator(),
        false).filter(l -> l.get("kind").asString().equals("csat")).findFirst().orElseThrow();
    assertThat(csat.get("customerId").asString()).isEqualTo("A1");
    String link = path(csat.get("url").asString());
    String page = anonymous().get(link + "?lang=en").body();
    assertThat(page.indexOf("name=\"csat\"")).as("CSAT first").isLessThan(page.indexOf("name=\"nps\""));
    assertThat(post(link, "lang=en&nps=9").body()).contains("Please choose a score.");
    assertThat(post(link, "lang=en&csat=5").status()).isEqualTo(200);
    Map<String, Object> row = db.sql("select nps, csat from survey").query().singleRow();
    assertThat(row.get("nps")).isNull();
    assertThat(((Number) row.get("csat")).intValue()).isEqualTo(5);
  }

  @Test
  void tooManyRequestsGet429AndChangeNothing() {
    String a1 = path(links().get("A1"));
    // strata.surveys.per-invitation: 20 a minute; the test clock stands still, so all fall in one window
    for (int i = 0; i < 20; i++) assertThat(anonymous().get(a1).status()).isEqualTo(200);
    Api.Response slow = post(a1, "nps=1");
    assertThat(slow.status()).isEqualTo(429);
    assertThat(slow.headers().firstValue("Retry-After").orElseThrow()).isEqualTo("60"); // 10:00:00, window of 1 minute
    assertThat(slow.body()).contains("请求过于频繁");
    assertThat(surveys()).isZero();
    // per address: 120 a minute, whichever links it tries
    db.sql("delete from survey_throttle").update();
    for (int i = 0; i < 120; i++) assertThat(anonymous().get("/s/" + (900 + i) + "-1-x").status()).isEqualTo(404);
    assertThat(anonymous().get(path(links().get("B2"))).status()).isEqualTo(429);
    clock.now = clock.now.plusSeconds(60);
    assertThat(anonymous().get(path(links().get("B2"))).status()).as("next window").isEqualTo(200);
  }
}
