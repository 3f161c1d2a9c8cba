package strata.server.task;

import static org.assertj.core.api.Assertions.assertThat;

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
 * The model editor's preview of an unsaved playbook (POST /tasks/preview) on Tuesday 2026-03-10 (Shanghai), horizon
 * 14 days (to 03-23). Stored model: big customers (A1, B2, D4; spend 1000 or more) get a call every 30 days; small
 * (C3) nothing. Nobody was ever contacted, so the stored plan holds one call due today for each big customer.
 */
@Import(MovableClock.Config.class)
abstract class PlaybookPreviewApiContract extends ServerTest {
  static final String STORED = """
      tiers:
        - id: big
          name: {zh: 大客户, en: Big}
          when: monetary >= 1000.0
          service:
            cadence: {every_days: 30, channels: [phone]}
        - id: small
          name: {zh: 小客户, en: Small}
          when: true
      """;

  /** Adds a call before a spring sale on Thursday 03-12, one call a week at most, and an SMS every 30 days to small. */
  static final String EDITED = """
      tiers:
        - id: big
          name: {zh: 大客户, en: Big}
          when: monetary >= 1000.0
          service:
            cadence: {every_days: 30, channels: [phone]}
            care:
              - {event: fixed, id: spring_sale, date: "03-12", channels: [phone]}
            caps: {phone: {week: 1}}
        - id: small
          name: {zh: 小客户, en: Small}
          when: true
          service:
            cadence: {every_days: 30, channels: [sms]}
      """;

  @Autowired JdbcClient db;
  @Autowired SummaryStore summaries;
  @Autowired RunService runs;
  @Autowired MovableClock clock;
  Api admin;

  @BeforeEach
  void data() {
    admin = admin();
    clock.day("2026-03-10");
    if (db.sql("select count(*) from customer").query(Long.class).single() > 0) return;
    new TestData(db, summaries)
        .customer("A1", "甲公司", "张伟").customer("B2", "乙公司", "李娜").customer("C3", "丙公司", "张伟")
        .customer("D4", "丁公司", "张伟")
        .purchase("A1", "2026-02-05", 1200).purchase("B2", "2026-02-10", 1500)
        .purchase("C3", "2026-03-02", 20).purchase("D4", "2026-02-01", 2000)
        .commit();
    db.sql("update customer set phone = '13800000000'").update();
    admin.post("/api/v1/users", Map.of("username", "analyst1", "password", "analyst-password", "role", "analyst"));
    admin.post("/api/v1/users", Map.of("username", "zhangwei", "password", "zhangwei-password", "role", "sales",
        "owner", "张伟"));
    assertThat(admin.put("/api/v1/model", Map.of("yaml", STORED, "note", "calls")).status()).isEqualTo(201);
    runs.runNow("manual", "admin", null);
  }

  @Test
  void previewsTheUnsavedPlaybookPerTierAndRepAndStoresNothing() {
    int version = admin.get("/api/v1/model").json().get("version").asInt();
    long stored = db.sql("select count(*) from service_task").query(Long.class).single();
    Api.Response r = anonymous().as("analyst1", "analyst-password").post("/api/v1/tasks/preview",
        Map.of("yaml", EDITED));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode p = r.json();
    assertThat(p.get("asOf").asString()).isEqualTo("2026-03-10");
    assertThat(p.get("horizonDays").asInt()).isEqualTo(14);
    // Each big customer: the call due today (week of Monday 03-09) uses the one phone touch of that week, so the
    // sale's call on 03-12 is suppressed by the cap. C3 (small, has a phone): an SMS due today.
    assertThat(p.get("total").toString()).isEqualTo("{\"tasks\":4,\"suppressedByCaps\":3}");
    assertThat(p.get("tiers").toString()).isEqualTo("{\"big\":{\"tasks\":3,\"suppressedByCaps\":3},"
        + "\"small\":{\"tasks\":1,\"suppressedByCaps\":0}}");
    assertThat(p.get("owners").toString()).isEqualTo("{\"张伟\":{\"tasks\":3,\"suppressedByCaps\":2},"
        + "\"李娜\":{\"tasks\":1,\"suppressedByCaps\":1}}");
    assertThat(p.get("notInModel").size()).isZero();
    // The stored model's preview is unchanged: three calls, nothing suppressed.
    assertThat(admin.get("/api/v1/tasks/preview").json().get("total").toString())
        .isEqualTo("{\"tasks\":3,\"suppressedByCaps\":0}");
    assertThat(admin.get("/api/v1/model").json().get("version").asInt()).isEqualTo(version);
    assertThat(db.sql("select count(*) from service_task").query(Long.class).single()).isEqualTo(stored);
  }

  @Test
  void customersOfATierTheEditRemovesAreCountedNotPlanned() {
    String renamed = STORED.replace("id: small", "id: rest");
    JsonNode p = admin.post("/api/v1/tasks/preview", Map.of("yaml", renamed)).json();
    assertThat(p.get("total").toString()).isEqualTo("{\"tasks\":3,\"suppressedByCaps\":0}");
    assertThat(p.get("notInModel").toString()).isEqualTo("{\"small\":1}"); // C3
  }

  @Test
  void badModelsAreRefusedWithTheKeyAndTierAndASalesUserIsRefused() {
    Api.Response malformed = admin.post("/api/v1/tasks/preview", Map.of("yaml", "tiers: [\n"));
    assertThat(malformed.status()).isEqualTo(422);
    assertThat(malformed.json().get("code").asString()).isEqualTo("validation_failed");
    assertThat(malformed.json().get("errors").get(0).get("code").asString()).isEqualTo("yaml_syntax");

    JsonNode fax = admin.post("/api/v1/tasks/preview", Map.of("yaml", EDITED.replace("channels: [sms]",
        "channels: [fax]"))).json().get("errors").get(0);
    assertThat(fax.get("code").asString()).isEqualTo("unknown_channel");
    assertThat(fax.get("field").asString()).isEqualTo("tiers[1].service.cadence.channels");
    assertThat(fax.get("tier").asString()).isEqualTo("small");
    assertThat(fax.get("rule").asInt()).isEqualTo(2);
    assertThat(fax.get("args").get("key").asString()).isEqualTo("service.cadence.channels");
    assertThat(fax.get("args").get("value").asString()).isEqualTo("fax");
    assertThat(fax.get("text").get("zh").asString()).contains("未知的渠道 'fax'（可选：visit,");
    assertThat(fax.get("line").asInt()).isEqualTo(14); // "cadence: {every_days: 30, channels: [fax]}"
    assertThat(fax.get("message").asString()).contains("unknown channel 'fax'");

    String negative = """
        tiers:
          - id: big
            name: {zh: 大客户, en: Big}
            when: true
            service:
              cadence:
                every_days: -5
                channels: [phone]
        """;
    Api.Response r = admin.post("/api/v1/tasks/preview", Map.of("yaml", negative));
    assertThat(r.status()).isEqualTo(422);
    JsonNode every = r.json().get("errors").get(0);
    assertThat(every.get("field").asString()).isEqualTo("tiers[0].service.cadence.every_days");
    assertThat(every.get("line").asInt()).isEqualTo(7);
    assertThat(every.get("message").asString()).contains("service.cadence.every_days: must not be negative, got -5");
    // The same check as saving: the editor's validate gives the same located error.
    assertThat(admin.post("/api/v1/model/validate", Map.of("yaml", negative)).json().get("errors").get(0)
        .get("field").asString()).isEqualTo("tiers[0].service.cadence.every_days");

    assertThat(admin.post("/api/v1/tasks/preview", Map.of("note", "no yaml")).status()).isEqualTo(400);
    assertThat(admin.post("/api/v1/tasks/preview", Map.of("yaml", "x".repeat((1 << 20) + 1))).status())
        .isEqualTo(400);
    Api rep = anonymous().as("zhangwei", "zhangwei-password");
    Api.Response refused = rep.post("/api/v1/tasks/preview", Map.of("yaml", EDITED));
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.json().get("code").asString()).isEqualTo("forbidden");
    // The stored preview stays theirs to read: their own two calls.
    assertThat(rep.get("/api/v1/tasks/preview").json().get("total").get("tasks").asLong()).isEqualTo(2);
    assertThat(anonymous().post("/api/v1/tasks/preview", Map.of("yaml", EDITED)).status()).isEqualTo(401);
  }
}
