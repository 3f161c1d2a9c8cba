package strata.server.duplicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static strata.server.testing.TierHistory.runToEnd;

import java.util.List;
import java.util.Map;
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
 * What an accepted duplicate pair changes beyond the summaries: the products of the merged-away id count under its
 * survivor, the run says how many ids it merged, and the merged-away customer's page says into whom, within what the
 * viewer may see. M-1 (王芳) and M-2 (李娜) are one customer; M-3 (李娜) is not merged.
 */
abstract class MergedCustomerApiContract extends ServerTest {
  @Autowired JdbcClient db;
  @Autowired SummaryStore summaries;

  @Test
  void aMergedAwayCustomersProductsCountUnderTheSurvivorAndItsPageSaysWhere() {
    Api admin = admin();
    assertThat(admin.put("/api/v1/model", Map.of("yaml", TestModels.SPEND)).status()).isEqualTo(201);
    new TestData(db, summaries).customer("M-1", "合一", "王芳").customer("M-2", "合二", "李娜")
        .customer("M-3", "合三", "李娜")
        .purchase("M-1", "2026-01-10", 600, "茶叶", "龙井").purchase("M-1", "2026-02-01", 100, "茶具", "茶杯")
        .purchase("M-2", "2026-01-20", 300, "茶叶", "碧螺春").purchase("M-2", "2026-03-01", 200, "茶具", "茶杯")
        .purchase("M-3", "2026-02-05", 50, "茶叶", "龙井").commit();
    long before = runToEnd(admin, "2026-03-31");
    assertThat(note(admin, before)).isNull();
    assertThat(categories(admin, "M-1", before)).containsExactly("茶叶 60000 0.857", "茶具 10000 0.143");
    assertThat(admin.get("/api/v1/customers/M-2").json().get("mergedInto").isNull()).isTrue();
    assertThat(admin.get("/api/v1/customers/M-1").json().get("mergedFrom").isNull()).isTrue();

    db.sql("insert into duplicate_pair (id_a, id_b, reasons, score, status, found_run) "
        + "values ('M-1', 'M-2', 'same_phone', 0.7, 'pending', 0)").update();
    long pair = db.sql("select id from duplicate_pair where id_a = 'M-1' and id_b = 'M-2'").query(Long.class).single();
    assertThat(admin.post("/api/v1/duplicates/" + pair + "/accept", Map.of()).status()).isEqualTo(200);
    // Accepted, not yet applied: M-2 keeps the tier of the current snapshot until the next run.
    JsonNode pending = admin.get("/api/v1/customers/M-2").json();
    assertThat(pending.get("tier").asString()).isEqualTo("mid");
    assertThat(pending.at("/mergedInto/into").asString()).isEqualTo("M-1");
    assertThat(pending.at("/mergedInto/name").asString()).isEqualTo("合一");
    assertThat(pending.at("/mergedInto/applied").asBoolean()).isFalse();

    long run = runToEnd(admin, "2026-04-01");
    // By hand: 茶叶 600 + 300 = 900 of 1,200 (0.75), last bought 01-20; 茶具 100 + 200 = 300 (0.25), last 03-01.
    // Products 龙井 600 (0.5), then 碧螺春 and 茶杯 300 each (0.25; equal spend by name, 碧 U+78A7 before 茶 U+8336).
    JsonNode m1 = products(admin, "M-1", run);
    assertThat(m1.get("topCategory").asString()).isEqualTo("茶叶");
    assertThat(m1.get("topShare").asDouble()).isCloseTo(0.75, within(1e-6));
    assertThat(categories(admin, "M-1", run)).containsExactly("茶叶 90000 0.75", "茶具 30000 0.25");
    assertThat(m1.at("/categories/0/last").asString()).isEqualTo("2026-01-20");
    assertThat(m1.at("/categories/1/last").asString()).isEqualTo("2026-03-01");
    assertThat(m1.get("products").valueStream().map(i -> i.get("name").asString() + " " + i.get("cents").asLong()))
        .containsExactly("龙井 60000", "碧螺春 30000", "茶杯 30000");
    assertThat(products(admin, "M-2", run).get("categories")).isEmpty();
    assertThat(db.sql("select count(*) from snapshot_product where run_id = ? and customer_id = 'M-2'").param(run)
        .query(Long.class).single()).isZero();
    assertThat(categories(admin, "M-3", run)).containsExactly("茶叶 5000 1.0"); // unchanged
    assertThat(admin.get("/api/v1/customers/M-1").json().at("/metrics/monetary").asDouble()).isEqualTo(1200.0);

    // The run says it merged one id, in both languages.
    JsonNode note = note(admin, run);
    assertThat(note.get("en").asString()).contains("accepted duplicate pairs: 1;");
    assertThat(note.get("zh").asString()).contains("合并的客户编号：1 个");

    JsonNode merged = admin.get("/api/v1/customers/M-2").json();
    assertThat(merged.get("tier").isNull()).isTrue();
    assertThat(merged.at("/mergedInto/into").asString()).isEqualTo("M-1");
    assertThat(merged.at("/mergedInto/applied").asBoolean()).isTrue();
    assertThat(merged.at("/profile/name").asString()).isEqualTo("合二"); // its own record stays readable
    assertThat(admin.get("/api/v1/customers/M-1").json().get("mergedInto").isNull()).isTrue();
    // The survivor's page names the record whose purchases it now counts.
    JsonNode survivor = admin.get("/api/v1/customers/M-1").json();
    assertThat(survivor.at("/mergedFrom/ids").valueStream().map(i -> i.get("id").asString() + " "
        + i.get("name").asString())).containsExactly("M-2 合二");
    assertThat(survivor.at("/mergedFrom/hidden").asInt()).isZero();
    assertThat(admin.get("/api/v1/customers/M-3").json().get("mergedFrom").isNull()).isTrue();

    // 李娜's rep owns M-2 but not M-1: told M-2 was merged, not into whom.
    Api lina = rep(admin, "lina", "李娜");
    Api.Response own = lina.get("/api/v1/customers/M-2");
    assertThat(own.status()).isEqualTo(200);
    assertThat(own.json().at("/mergedInto/applied").asBoolean()).isTrue();
    assertThat(own.json().at("/mergedInto/into").isNull()).isTrue();
    assertThat(own.json().at("/mergedInto/name").isNull()).isTrue();
    assertThat(own.body()).doesNotContain("M-1", "合一");
    assertThat(lina.get("/api/v1/customers/M-1").status()).isEqualTo(404);
    assertThat(lina.get("/api/v1/runs/" + run).body()).doesNotContain("merges_applied");
    // 王芳's rep owns the survivor, not the merged-away record.
    Api wang = rep(admin, "wangfang", "王芳");
    assertThat(wang.get("/api/v1/customers/M-2").status()).isEqualTo(404);
    Api.Response wangs = wang.get("/api/v1/customers/M-1");
    assertThat(wangs.json().at("/metrics/monetary").asDouble()).isEqualTo(1200.0);
    // Told that one record they may not see counts here, not which.
    assertThat(wangs.json().at("/mergedFrom/ids")).isEmpty();
    assertThat(wangs.json().at("/mergedFrom/hidden").asInt()).isEqualTo(1);
    assertThat(wangs.body()).doesNotContain("M-2", "合二");

    // Undone: M-2 is no longer merged (its tier comes back with the next run).
    assertThat(admin.post("/api/v1/duplicates/" + pair + "/undo", Map.of()).status()).isEqualTo(200);
    assertThat(admin.get("/api/v1/customers/M-2").json().get("mergedInto").isNull()).isTrue();
    assertThat(admin.get("/api/v1/customers/M-1").json().get("mergedFrom").isNull()).isTrue();
    long apart = runToEnd(admin, "2026-04-02");
    assertThat(note(admin, apart)).isNull();
    assertThat(categories(admin, "M-2", apart)).containsExactly("茶叶 30000 0.6", "茶具 20000 0.4");
  }

  private Api rep(Api admin, String username, String owner) {
    String password = username + "-password-1";
    assertThat(admin.post("/api/v1/users", Map.of("username", username, "password", password, "role", "sales",
        "owner", owner)).status()).isEqualTo(201);
    return anonymous().as(username, password);
  }

  /** The run's merges_applied note, or null. */
  private static JsonNode note(Api api, long run) {
    for (JsonNode n : api.get("/api/v1/runs/" + run).json().get("notes")) {
      if (n.get("code").asString().equals("merges_applied")) return n;
    }
    return null;
  }

  private static JsonNode products(Api api, String id, long run) {
    Api.Response r = api.get("/api/v1/customers/" + id + "/products?snapshot=" + run);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  /** Each category as "name cents share", the share to three places. */
  private static List<String> categories(Api api, String id, long run) {
    return products(api, id, run).get("categories").valueStream().map(i -> i.get("name").asString() + " "
        + i.get("cents").asLong() + " " + Math.round(i.get("share").asDouble() * 1000) / 1000.0).toList();
  }
}
