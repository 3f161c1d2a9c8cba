package strata.server.model;

import static org.assertj.core.api.Assertions.assertThat;
import static strata.server.testing.TierHistory.runToEnd;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import strata.server.data.SummaryStore;
import strata.server.testing.Api;
import strata.server.testing.ServerTest;
import strata.server.testing.TestData;
import strata.server.testing.TestModels;
import tools.jackson.databind.JsonNode;

/**
 * The model editor's plain-word errors, version diff and dry-run movers, on three customers tiered by spend alone
 * (TestModels.SPEND), so every expected tier follows from the amounts by hand.
 */
abstract class ModelApiContract extends ServerTest {
  static final String MODEL = TestModels.SPEND;

  @Autowired JdbcClient db;
  @Autowired SummaryStore summaries;
  Api admin;
  Api analyst;
  Api rep;

  @BeforeEach
  void data() {
    admin = admin();
    if (db.sql("select count(*) from customer").query(Long.class).single() == 0) {
      new TestData(db, summaries)
          .customer("A1", "甲公司", "张伟").customer("B2", "乙公司", "李娜").customer("C3", "丙公司", "张伟")
          .purchase("A1", "2026-01-05", 1200) // big
          .purchase("B2", "2026-03-01", 150)  // mid
          .purchase("C3", "2026-03-02", 20)   // small
          .commit();
      admin.post("/api/v1/users", Map.of("username", "analyst1", "password", "analyst-password", "role", "analyst"));
      admin.post("/api/v1/users", Map.of("username", "zhangwei", "password", "zhangwei-password", "role", "sales",
          "owner", "张伟"));
      assertThat(admin.put("/api/v1/model", Map.of("yaml", MODEL, "note", "spend only")).status()).isEqualTo(201);
      runToEnd(admin, "2026-04-01");
    }
    analyst = anonymous().as("analyst1", "analyst-password");
    rep = anonymous().as("zhangwei", "zhangwei-password");
  }

  @Test
  void aBrokenConditionComesBackAsACodeWithItsRuleAndToken() {
    Api.Response r = analyst.post("/api/v1/model/validate",
        Map.of("yaml", MODEL.replace("monetary >= 100.0", "monetary >=")));
    assertThat(r.status()).isEqualTo(422);
    JsonNode error = r.json().get("errors").get(0);
    assertThat(error.get("code").asString()).isEqualTo("missing_operand");
    assertThat(error.get("rule").asInt()).isEqualTo(2);
    assertThat(error.get("tier").asString()).isEqualTo("mid");
    assertThat(error.get("args").get("token").asString()).isEqualTo(">=");
    assertThat(error.get("column").asInt()).isEqualTo(12); // just past "monetary >="
    assertThat(error.get("line").asInt()).isEqualTo(7);
    assertThat(error.get("message").asString()).endsWith("a value is missing after `>=`").doesNotContain("expecting");

    JsonNode typo = analyst.post("/api/v1/model/validate", Map.of("yaml", MODEL.replace("monetary >= 1000.0",
        "monetry >= 1000.0"))).json().get("errors").get(0);
    assertThat(typo.get("code").asString()).isEqualTo("unknown_metric");
    assertThat(typo.get("rule").asInt()).isEqualTo(1);
    assertThat(typo.get("args").get("suggestion").asString()).isEqualTo("monetary");
    assertThat(typo.get("text").get("zh").asString()).isEqualTo("等级 'big'：条件 \"monetry >= 1000.0\" 无效："
        + "`monetry` 不是已知的指标；是否想写 `monetary`？");
  }

  @Test
  void otherModelErrorsComeBackAsACodeWithTheirValuesAndAChineseSentence() {
    // Placed at the offending tier's id: "- id: mid" is line 5 of the model.
    JsonNode unknownKey = analyst.post("/api/v1/model/validate", Map.of("yaml", MODEL.replace(
        "name: {zh: 中客户, en: Mid}", "name: {zh: 中客户, en: Mid}\n    colour: red"))).json().get("errors").get(0);
    assertThat(unknownKey.get("code").asString()).isEqualTo("unknown_key");
    assertThat(unknownKey.get("tier").asString()).isEqualTo("mid");
    assertThat(unknownKey.get("field").asString()).isEqualTo("tiers[1]");
    assertThat(unknownKey.get("line").asInt()).isEqualTo(5);
    assertThat(unknownKey.get("args").get("key").asString()).isEqualTo("colour");
    assertThat(unknownKey.get("args").get("expected").asString()).isEqualTo("id, name, description, when, service");
    assertThat(unknownKey.get("text").get("zh").asString())
        .isEqualTo("等级 'mid'：colour：未知的键（可用的键：id, name, description, when, service）");
    assertThat(unknownKey.get("message").asString())
        .isEqualTo("tier 'mid': colour: unknown key (expected id, name, description, when, service)");

    JsonNode twice = analyst.post("/api/v1/model/validate", Map.of("yaml", MODEL.replace("id: mid", "id: big")))
        .json().get("errors").get(0);
    assertThat(twice.get("code").asString()).isEqualTo("duplicate_tier");
    assertThat(twice.get("args").get("tier").asString()).isEqualTo("big");
    assertThat(twice.get("field").asString()).isEqualTo("tiers[1]");
    assertThat(twice.get("text").get("zh").asString()).isEqualTo("等级 'big' 定义了两次");
    assertThat(twice.get("text").get("en").asString()).isEqualTo("tier 'big' is defined twice");

    // A YAML syntax error is placed by SnakeYAML's own line: the tab that starts line 2.
    JsonNode tab = analyst.post("/api/v1/model/validate", Map.of("yaml", "tiers:\n\t- id: a\n")).json()
        .get("errors").get(0);
    assertThat(tab.get("code").asString()).isEqualTo("yaml_tab");
    assertThat(tab.get("line").asInt()).isEqualTo(2);
    assertThat(tab.get("text").get("zh").asString()).isEqualTo("第 2 行第 1 列不符合 YAML 格式：请用空格缩进，不要用 Tab");
    assertThat(admin.put("/api/v1/model", Map.of("yaml", "tiers: []\n")).json().get("errors").get(0).get("code")
        .asString()).isEqualTo("no_tiers");
  }

  @Test
  void theDiffOfTwoVersionsNamesWhatChangedTierByTier() {
    int base = admin.get("/api/v1/model").json().get("version").asInt();
    String changed = """
        tiers:
          - id: big
            name: {zh: 大客户, en: Big}
            when: monetary >= 500.0
          - id: tiny
            name: {zh: 微客户, en: Tiny}
            when: monetary < 10.0
          - id: small
            name: {zh: 小客户, en: Small}
            when: true
        """;
    int next = admin.put("/api/v1/model", Map.of("yaml", changed, "note", "diff test")).json().get("version").asInt();
    JsonNode d = analyst.get("/api/v1/model/versions/" + base + "/diff/" + next).json();
    assertThat(d.get("same").asBoolean()).isFalse();
    // By reading the two texts: big's threshold changed, mid was removed, tiny added, small unchanged.
    assertThat(d.get("tiers").findValuesAsString("id")).containsExactly("big", "mid", "tiny", "small");
    assertThat(d.get("tiers").findValuesAsString("change")).containsExactly("changed", "removed", "added", "unchanged");
    assertThat(d.get("tiers").get(0).get("changed").get(0).asString()).isEqualTo("condition");
    assertThat(d.get("tiers").get(0).get("conditionBefore").asString()).isEqualTo("monetary >= 1000.0");
    assertThat(d.get("tiers").get(2).get("name").get("zh").asString()).isEqualTo("微客户");
    assertThat(analyst.get("/api/v1/model/versions/" + base + "/diff/" + base).json().get("same").asBoolean()).isTrue();
    assertThat(analyst.get("/api/v1/model/versions/" + base + "/diff/9999").status()).isEqualTo(404);
    assertThat(admin.put("/api/v1/model", Map.of("yaml", MODEL)).status()).isEqualTo(201);
  }

  @Test
  void theDryRunListsTheCustomersWhoWouldMove() {
    String lower = MODEL.replace("monetary >= 100.0", "monetary >= 10.0").replace("monetary >= 1000.0",
        "monetary >= 100.0");
    JsonNode dry = analyst.post("/api/v1/model/dry-run", Map.of("yaml", lower)).json();
    // big from 100: A1 1200 and B2 150; mid from 10: C3 20. B2 mid → big, C3 small → mid.
    assertThat(dry.get("moved").asLong()).isEqualTo(2);
    JsonNode movers = dry.get("movers");
    assertThat(movers.findValuesAsString("customerId")).containsExactly("B2", "C3");
    assertThat(movers.get(0).get("name").asString()).isEqualTo("乙公司");
    assertThat(movers.get(0).get("owner").asString()).isEqualTo("李娜");
    assertThat(movers.get(0).get("from").asString()).isEqualTo("mid");
    assertThat(movers.get(0).get("to").asString()).isEqualTo("big");
    assertThat(movers.get(1).get("from").asString()).isEqualTo("small");
  }

  /**
   * Purchases stored after the current snapshot's as-of day (2026-04-01) are left out of the dry run, which scores as
   * of that day to compare like with like: none has a negative recency, and D4, first buying after it, is no customer
   * yet. Issue 14 §2: one purchase dated later once failed every dry run with "recencyDays[…] is -22".
   */
  @Test
  void theDryRunLeavesOutPurchasesDatedAfterTheCurrentAsOfDay() {
    new TestData(db, summaries).customer("D4", "丁公司", "张伟")
        .purchase("B2", "2026-04-23", 900)  // would make B2 big (1,050) and 22 days ahead of the as-of day
        .purchase("D4", "2026-04-20", 5000, "办公", "打印机")
        .commit();
    String recent = MODEL.replace("monetary >= 100.0", "recency_days <= 31");
    JsonNode dry = analyst.post("/api/v1/model/dry-run", Map.of("yaml", recent)).json();
    // As of 2026-04-01: A1 spent 1,200 (big); B2 last bought 2026-03-01, 31 days before, C3 2026-03-02, 30 days
    // before (both mid); nobody is small. Only C3 moves (small → mid).
    assertThat(dry.get("customers").asInt()).isEqualTo(3);
    assertThat(dry.get("counts").get("big").asLong()).isEqualTo(1);
    assertThat(dry.get("counts").get("mid").asLong()).isEqualTo(2);
    assertThat(dry.get("counts").get("small").asLong()).isZero();
    assertThat(dry.get("movers").findValuesAsString("customerId")).containsExactly("C3");
    assertThat(dry.get("asOf").asString()).isEqualTo("2026-04-01");
    // The reader learns what was left out: the two later purchases.
    assertThat(dry.get("notes").get(0).get("code").asString()).isEqualTo("purchases_after_as_of");
    assertThat(dry.get("notes").get(0).get("en").asString())
        .isEqualTo("2 stored purchases are dated after the as-of date 2026-04-01 and were left out");
    // And the model reading the product columns, which the later purchase alone names, scores too.
    String products = MODEL.replace("monetary >= 100.0", "top_category == '办公'");
    Api.Response withProducts = analyst.post("/api/v1/model/dry-run", Map.of("yaml", products));
    assertThat(withProducts.status()).as(withProducts.body()).isEqualTo(200);
    assertThat(withProducts.json().get("counts").get("mid").asLong()).isZero();
  }

  @Test
  void onlyTheDefaultModelStrataStoredItselfIsBuiltIn() {
    // data() saved the spend model over the default, which the first use of the store had made version 1.
    JsonNode versions = analyst.get("/api/v1/model/versions").json();
    JsonNode first = versions.get(versions.size() - 1);
    assertThat(first.get("version").asInt()).isEqualTo(1);
    assertThat(first.get("builtIn").asBoolean()).isTrue();
    assertThat(first.get("createdBy").asString()).isEqualTo("system");
    assertThat(first.get("note").asString()).isEqualTo("Strata default model");
    assertThat(versions.get(0).get("builtIn").asBoolean()).isFalse();
    assertThat(versions.get(0).get("note").asString()).isEqualTo("spend only");
    assertThat(analyst.get("/api/v1/model/versions/1").json().get("builtIn").asBoolean()).isTrue();
    assertThat(analyst.get("/api/v1/model").json().get("builtIn").asBoolean()).isFalse();
  }

  @Test
  void aSalesRepIsRefusedEveryEditorRoute() {
    int v = admin.get("/api/v1/model").json().get("version").asInt();
    assertThat(rep.post("/api/v1/model/validate", Map.of("yaml", MODEL)).status()).isEqualTo(403);
    assertThat(rep.post("/api/v1/model/dry-run", Map.of("yaml", MODEL)).status()).isEqualTo(403);
    assertThat(rep.get("/api/v1/model/versions/" + v + "/diff/" + v).status()).isEqualTo(403);
    assertThat(rep.put("/api/v1/model", Map.of("yaml", MODEL)).status()).isEqualTo(403);
    assertThat(analyst.get("/api/v1/model/versions/" + v + "/diff/" + v).status()).isEqualTo(200);
  }
}
