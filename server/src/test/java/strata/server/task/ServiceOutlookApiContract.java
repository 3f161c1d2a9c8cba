package strata.server.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import strata.server.data.SummaryStore;
import strata.server.run.RunService;
import strata.server.testing.Api;
import strata.server.testing.MovableClock;
import strata.server.testing.ServerTest;
import strata.server.testing.TestData;
import tools.jackson.databind.JsonNode;

/**
 * The 360° page's budget and care outlook on Tuesday 2026-03-10 (Shanghai). A1 (big: phone at most once a week,
 * two touches a week and four a month in all) was visited on Monday 03-02 and called on Monday 03-09; born on
 * 1980-05-01, a customer since 2024-06-01.
 */
@Import(MovableClock.Config.class)
abstract class ServiceOutlookApiContract extends ServerTest {
  static final String MODEL = """
      tiers:
        - id: big
          name: {zh: 大客户, en: Big}
          when: monetary >= 1000.0
          service:
            care:
              - {event: anniversary, channels: [email]}
              - {event: birthday, lead_days: 1, channels: [phone]}
            caps: {all: {week: 2, month: 4}, phone: {week: 1}}
        - id: small
          name: {zh: 小客户, en: Small}
          when: true
      """;

  @Autowired MovableClock clock;
  @Autowired JdbcClient db;
  @Autowired SummaryStore summaries;
  @Autowired RunService runs;

  @BeforeEach
  void today() {
    clock.day("2026-03-10");
  }

  @Test
  void showsTheBudgetLeftUnderEachCapAndTheNextCareEventOfOwnCustomersOnly() {
    Api admin = admin();
    new TestData(db, summaries).customer("A1", "甲公司", "张伟").customer("B2", "乙公司", "李娜")
        .purchase("A1", "2026-02-05", 1200).purchase("B2", "2026-02-10", 50).commit();
    db.sql("update customer set birthday = date '1980-05-01', created = date '2024-06-01' where id = 'A1'").update();
    db.sql("insert into interaction (record_id, customer_id, at, type, channel, outcome) values "
        + "('i1', 'A1', timestamp '2026-03-02 10:00:00', 'visit', 'visit', 'reached'), "
        + "('i2', 'A1', timestamp '2026-03-09 10:00:00', 'call', 'phone', 'reached')").update();
    for (String[] u : List.of(new String[] {"zhangwei", "张伟"}, new String[] {"lina", "李娜"})) {
      assertThat(admin.post("/api/v1/users", Map.of("username", u[0], "password", u[0] + "-password", "role", "sales",
          "owner", u[1])).status()).isEqualTo(201);
    }
    assertThat(admin.put("/api/v1/model", Map.of("yaml", MODEL, "note", "caps and care")).status()).isEqualTo(201);
    runs.runNow("manual", "admin", null);

    Api.Response r = anonymous().as("zhangwei", "zhangwei-password").get("/api/v1/customers/A1/service");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode a1 = r.json();
    assertThat(a1.get("tier").asString()).isEqualTo("big");
    // This week (from Monday 03-09): the call. This month: the visit and the call.
    assertThat(a1.get("budget").toString()).isEqualTo("["
        + "{\"cap\":\"phone/week<=1\",\"channel\":\"phone\",\"period\":\"week\",\"limit\":1,\"used\":1,\"left\":0},"
        + "{\"cap\":\"all/week<=2\",\"channel\":null,\"period\":\"week\",\"limit\":2,\"used\":1,\"left\":1},"
        + "{\"cap\":\"all/month<=4\",\"channel\":null,\"period\":\"month\",\"limit\":4,\"used\":2,\"left\":2}]");
    // The birthday (05-01, its task a day before) comes before the anniversary (06-01).
    assertThat(a1.get("nextCare").toString())
        .isEqualTo("{\"event\":\"birthday\",\"date\":\"2026-05-01\",\"taskDate\":\"2026-04-30\"}");

    JsonNode b2 = admin.get("/api/v1/customers/B2/service").json();
    assertThat(b2.get("tier").asString()).isEqualTo("small");
    assertThat(b2.get("budget").size()).isZero();
    assertThat(b2.get("nextCare").isNull()).isTrue();
    assertThat(anonymous().as("lina", "lina-password").get("/api/v1/customers/A1/service").status()).isEqualTo(404);
    assertThat(admin.get("/api/v1/customers/NOPE/service").status()).isEqualTo(404);
  }
}
