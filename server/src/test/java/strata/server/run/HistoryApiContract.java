package strata.server.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import strata.server.data.SummaryStore;
import strata.server.testing.Api;
import strata.server.testing.ServerTest;
import strata.server.testing.TestData;
import tools.jackson.databind.JsonNode;

/**
 * History stays true: overrides to tiers a new model lacks end, migrations across model versions are a model change,
 * and a past snapshot shows the overrides in force when it was published. Same spend-only model and data as
 * {@link RunsApiContract}: A1 spent 1,200 (big), B2 150 (mid), C3 20 (small).
 */
abstract class HistoryApiContract extends ServerTest {
  /** Two tiers instead of three, named differently: A1 and B2 (≥ 100) are gold, C3 basic. */
  static final String OTHER_MODEL = """
      tiers:
        - id: gold
          name: {zh: 金牌, en: Gold}
          when: monetary >= 100.0
        - id: basic
          name: {zh: 普通, en: Basic}
          when: true
      """;

  /** The spend-only model without its middle tier: B2 (150) falls to small. */
  static final String WITHOUT_MID = """
      tiers:
        - id: big
          name: {zh: 大客户, en: Big}
          when: monetary >= 1000.0
        - id: small
          name: {zh: 小客户, en: Small}
          when: true
      """;

  @Autowired JdbcClient db;
  @Autowired SummaryStore summaries;
  Api admin;

  @BeforeEach
  void data() {
    admin = admin();
    if (db.sql("select count(*) from customer").query(Long.class).single() == 0) {
      new TestData(db, summaries)
          .customer("A1", "甲公司", "张伟").customer("B2", "乙公司", "李娜").customer("C3", "丙公司", "张伟")
          .purchase("A1", "2026-01-05", 800).purchase("A1", "2026-02-05", 400)
          .purchase("B2", "2026-03-01", 150)
          .purchase("C3", "2026-03-02", 20)
          .commit();
    }
    // Each test starts from the spend-only model and no override.
    if (!admin.get("/api/v1/model").json().get("yaml").asString().equals(RunsApiContract.MODEL)) {
      assertThat(admin.put("/api/v1/model", Map.of("yaml", RunsApiContract.MODEL)).status()).isEqualTo(201);
    }
    admin.get("/api/v1/overrides?size=500").json().get("items")
        .forEach(o -> admin.delete("/api/v1/customers/" + o.get("customerId").asString() + "/override"));
  }

  @Test
  void anOverrideToATierTheNewModelLacksEndsWithANoteWhenItsRunPublishes() {
    runToEnd();
    assertThat(admin.put("/api/v1/customers/C3/override", Map.of("tier", "mid", "reason", "key account"))
        .status()).isEqualTo(201);
    int version = admin.put("/api/v1/model", Map.of("yaml", WITHOUT_MID)).json().get("version").asInt();
    runToEnd();
    JsonNode c3 = admin.get("/api/v1/customers/C3").json();
    // C3 spent 20: small in the new model, and nothing overrides that any more
    assertThat(c3.get("tier").asString()).isEqualTo("small");
    assertThat(c3.get("modelTier").asString()).isEqualTo("small");
    assertThat(c3.get("override").isNull()).isTrue();
    JsonNode ended = admin.get("/api/v1/overrides?active=false").json().get("items").get(0);
    assertThat(ended.get("customerId").asString()).isEqualTo("C3");
    assertThat(ended.get("removedBy").asString()).isEqualTo("system");
    JsonNode note = ended.get("endNote");
    assertThat(note.get("code").asString()).isEqualTo("override_tier_removed");
    assertThat(note.get("en").asString()).isEqualTo("tier 'mid' no longer exists in model v" + version);
    assertThat(note.get("zh").asString()).isEqualTo("模型 v" + version + " 已没有等级“mid”");
    // The customer's own history (the 360° page) shows the same ended override.
    JsonNode own = admin.get("/api/v1/customers/C3/overrides").json();
    assertThat(own.size()).isEqualTo(1);
    assertThat(own.get(0).get("tier").asString()).isEqualTo("mid");
    assertThat(own.get(0).get("endNote").get("zh").asString()).isEqualTo(note.get("zh").asString());
    JsonNode endedEntry = admin.get("/api/v1/audit?action=override_ended").json().at("/items/0/detailParams");
    assertThat(endedEntry.get("customer").asString() + " -> " + endedEntry.get("tier").asString())
        .isEqualTo("C3 -> mid");
  }

  @Test
  void anEndNoteStoredAsTextBeforeCodesReadsAsItIsInBothLanguages() {
    db.sql("insert into tier_override (customer_id, tier, reason, created_by, created_at, removed_at, removed_by, "
        + "end_note) values ('B2', 'mid', 'old', 'admin', current_timestamp, current_timestamp, 'system', "
        + "'tier ''mid'' no longer exists in model v3')").update();
    JsonNode note = admin.get("/api/v1/customers/B2/overrides").json().get(0).get("endNote");
    assertThat(note.get("code").isNull()).isTrue();
    assertThat(note.get("zh").asString()).isEqualTo("tier 'mid' no longer exists in model v3");
    assertThat(note.get("en").asString()).isEqualTo("tier 'mid' no longer exists in model v3");
  }

  @Test
  void aCustomersOverridesAreNewestFirstAndHiddenFromOtherOwnersReps() {
    assertThat(admin.put("/api/v1/customers/A1/override", Map.of("tier", "small", "reason", "first")).status())
        .isEqualTo(201);
    assertThat(admin.put("/api/v1/customers/A1/override", Map.of("tier", "mid", "reason", "second")).status())
        .isEqualTo(201);
    JsonNode all = admin.get("/api/v1/customers/A1/overrides").json();
    assertThat(all.findValuesAsString("reason")).startsWith("second", "first");
    assertThat(all.get(0).get("removedAt").isNull()).isTrue();
    assertThat(all.get(1).get("removedBy").asString()).isEqualTo("admin"); // ended by the second, not the system
    assertThat(all.get(1).get("endNote").isNull()).isTrue();
    admin.post("/api/v1/users", Map.of("username", "lina", "password", "lina-password", "role", "sales",
        "owner", "李娜"));
    Api lina = anonymous().as("lina", "lina-password");
    assertThat(lina.get("/api/v1/customers/A1/overrides").status()).isEqualTo(404); // 张伟's customer
    assertThat(lina.get("/api/v1/customers/B2/overrides").status()).isEqualTo(200);
  }

  @Test
  void migrationsBetweenSnapshotsOfTwoModelVersionsAreAModelChangeNotUpsAndDowns() {
    JsonNode first = runToEnd();
    int version = admin.put("/api/v1/model", Map.of("yaml", OTHER_MODEL)).json().get("version").asInt();
    JsonNode second = runToEnd();
    String pair = "from=" + first.get("id").asLong() + "&to=" + second.get("id").asLong();
    JsonNode m = admin.get("/api/v1/migrations?" + pair).json();
    assertThat(m.get("modelChange").get("from").asInt()).isEqualTo(first.get("modelVersion").asInt());
    assertThat(m.get("modelChange").get("to").asInt()).isEqualTo(version);
    assertThat(m.get("up").isNull()).isTrue();
    assertThat(m.get("down").isNull()).isTrue();
    // big -> gold (A1), mid -> gold (B2), small -> basic (C3): three changed, none the same
    assertThat(m.get("changed").asLong()).isEqualTo(3);
    assertThat(m.get("same").asLong()).isZero();
    assertThat(m.get("fromTiers").valueStream().map(JsonNode::asString)).containsExactly("big", "mid", "small");
    assertThat(m.get("tiers").valueStream().map(JsonNode::asString)).containsExactly("gold", "basic");
    assertThat(admin.get("/api/v1/migrations/customers?" + pair + "&direction=up").status()).isEqualTo(400);
    assertThat(admin.get("/api/v1/migrations/customers?" + pair + "&fromTier=mid").json().get("items").get(0)
        .get("toTier").asString()).isEqualTo("gold");
    JsonNode sameModel = admin.get("/api/v1/migrations?from=" + second.get("id").asLong() + "&to="
        + runToEnd().get("id").asLong()).json();
    assertThat(sameModel.get("modelChange").isNull()).isTrue();
    assertThat(sameModel.get("up").asLong()).isZero();
  }

  @Test
  void aPastSnapshotShowsTheOverridesInForceWhenItWasPublished() {
    assertThat(admin.put("/api/v1/customers/A1/override", Map.of("tier", "small", "reason", "before run 1"))
        .status()).isEqualTo(201);
    long first = runToEnd().get("id").asLong();
    // While run 1 is current: A1's override is removed, B2 gets one.
    assertThat(admin.delete("/api/v1/customers/A1/override").status()).isEqualTo(204);
    assertThat(admin.put("/api/v1/customers/B2/override", Map.of("tier", "small", "reason", "after run 1"))
        .status()).isEqualTo(201);
    assertThat(tierAt("A1", first).get("tier").asString()).isEqualTo("big");   // the current view follows at once
    assertThat(tierAt("B2", first).get("tier").asString()).isEqualTo("small");
    long second = runToEnd().get("id").asLong();
    // Run 1 is past now: A1 overridden to small as when it was published, B2 at its model tier mid.
    assertThat(tierAt("A1", first).get("tier").asString()).isEqualTo("small");
    assertThat(tierAt("A1", first).get("overridden").asBoolean()).isTrue();
    assertThat(tierAt("B2", first).get("tier").asString()).isEqualTo("mid");
    assertThat(tierAt("B2", first).get("overridden").asBoolean()).isFalse();
    assertThat(admin.get("/api/v1/customers?snapshot=" + first + "&tier=small").json().get("items")
        .findValuesAsString("id")).containsExactlyInAnyOrder("A1", "C3");
    // Run 2, current: A1 big by the model, B2 small by its override.
    assertThat(tierAt("A1", second).get("tier").asString()).isEqualTo("big");
    assertThat(tierAt("B2", second).get("tier").asString()).isEqualTo("small");
  }

  private JsonNode tierAt(String customer, long run) {
    return admin.get("/api/v1/customers/" + customer + "/tier?snapshot=" + run).json();
  }

  private JsonNode runToEnd() {
    Api.Response started = admin.post("/api/v1/runs", Map.of("asOf", "2026-04-01"));
    assertThat(started.status()).as(started.body()).isEqualTo(202);
    long id = started.json().get("id").asLong();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode run = admin.get("/api/v1/runs/" + id).json();
      if (!run.get("status").asString().equals("running")) {
        assertThat(run.get("status").asString()).as(run.toString()).isEqualTo("succeeded");
        return run;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    throw new AssertionError("run " + id + " did not finish");
  }
}
