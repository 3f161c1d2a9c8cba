package strata.server.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import strata.server.data.SummaryStore;
import strata.server.run.RunService;
import strata.server.testing.Api;
import strata.server.testing.ServerTest;
import strata.server.testing.TestData;
import tools.jackson.databind.JsonNode;

/**
 * Saved views of the customer list. A1 (1,200) and C3 (20) are 张伟's, B2 (1,500) 李娜's, D4 (30) has no owner;
 * the model makes spend from 1,000 "big", so A1 and B2 are big.
 */
abstract class SavedViewApiContract extends ServerTest {
  static final String MODEL = """
      tiers:
        - id: big
          name: {zh: 大客户, en: Big}
          when: monetary >= 1000.0
        - id: small
          name: {zh: 小客户, en: Small}
          when: true
      """;
  static final String HOSTILE = "<script>alert(1)</script>'; drop table saved_view; --";

  @Autowired JdbcClient db;
  @Autowired SummaryStore summaries;
  @Autowired RunService runs;
  Api admin;
  Api analyst;
  Api zhangwei;

  @BeforeEach
  void data() {
    admin = admin();
    if (db.sql("select count(*) from customer").query(Long.class).single() == 0) {
      new TestData(db, summaries).customer("A1", "甲公司", "张伟").customer("B2", "乙公司", "李娜")
          .customer("C3", "丙公司", "张伟").customer("D4", "丁公司", "")
          .purchase("A1", "2026-02-05", 1200).purchase("B2", "2026-02-10", 1500).purchase("C3", "2026-03-02", 20)
          .purchase("D4", "2026-03-01", 30).commit();
      for (String[] u : List.of(new String[] {"zhangwei", "sales", "张伟"}, new String[] {"zhao", "analyst", ""})) {
        assertThat(admin.post("/api/v1/users", Map.of("username", u[0], "password", u[0] + "-password", "role", u[1],
            "owner", u[2])).status()).isEqualTo(201);
      }
      assertThat(admin.put("/api/v1/model", Map.of("yaml", MODEL, "note", "views")).status()).isEqualTo(201);
      runs.runNow("manual", "admin", null);
    }
    db.sql("delete from saved_view").update();
    analyst = anonymous().as("zhao", "zhao-password");
    zhangwei = anonymous().as("zhangwei", "zhangwei-password");
  }

  @Test
  void aSalesUserApplyingAnAnalystsSharedViewSeesOnlyTheirOwnCustomers() {
    Api.Response made = analyst.post("/api/v1/views", body("大客户按消费", true,
        definition(Map.of("tier", "big"), "monetary,desc", List.of("id", "name", "tier", "monetary"))));
    assertThat(made.status()).as(made.body()).isEqualTo(201);
    assertThat(made.json().get("owner").asString()).isEqualTo("zhao");
    assertThat(made.json().get("editable").asBoolean()).isTrue();

    JsonNode seen = only(zhangwei.get("/api/v1/views").json());
    assertThat(seen.get("name").asString()).isEqualTo("大客户按消费");
    assertThat(seen.get("shared").asBoolean()).isTrue();
    assertThat(seen.get("editable").asBoolean()).isFalse();
    assertThat(seen.at("/definition/columns").toString()).isEqualTo("[\"id\",\"name\",\"tier\",\"monetary\"]");
    // The view applied as the list applies it: its filters and sort as the list's query.
    assertThat(ids(zhangwei, seen.get("definition"))).containsExactly("A1");
    assertThat(ids(analyst, seen.get("definition"))).containsExactly("B2", "A1");
    assertThat(zhangwei.get("/api/v1/customers/facets?tier=big").json().at("/facets/owner").properties())
        .extracting(e -> e.getKey() + "=" + e.getValue().asLong()).containsExactly("张伟=1");
  }

  @Test
  void onlyItsOwnerOrAnAdminChangesASharedViewAndAPrivateOneIsInvisibleToOthers() {
    long shared = analyst.post("/api/v1/views", body("共享", true, definition(Map.of(), null, null))).json()
        .get("id").asLong();
    long mine = analyst.post("/api/v1/views", body("私有", false, definition(Map.of(), null, null))).json()
        .get("id").asLong();

    Api.Response refused = zhangwei.put("/api/v1/views/" + shared, body("改名", true, definition(Map.of(), null, null)));
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.json().get("code").asString()).isEqualTo("not_view_owner");
    assertThat(zhangwei.delete("/api/v1/views/" + shared).status()).isEqualTo(403);
    // Another user's private view does not exist for them: listed nowhere, 404 on change or delete.
    assertThat(zhangwei.get("/api/v1/views").body()).doesNotContain("私有");
    assertThat(zhangwei.put("/api/v1/views/" + mine, body("x", false, definition(Map.of(), null, null))).status())
        .isEqualTo(404);
    assertThat(zhangwei.delete("/api/v1/views/" + mine).status()).isEqualTo(404);
    assertThat(admin.delete("/api/v1/views/" + mine).status()).isEqualTo(404);

    Api.Response renamed = admin.put("/api/v1/views/" + shared, body("管理员改名", true,
        definition(Map.of("lifecycle", "active"), "clv,desc", null)));
    assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
    assertThat(renamed.json().get("owner").asString()).isEqualTo("zhao");
    assertThat(analyst.get("/api/v1/views").body()).contains("管理员改名", "私有");

    long own = zhangwei.post("/api/v1/views", body("我的", false, definition(Map.of("q", "甲"), null, null))).json()
        .get("id").asLong();
    assertThat(zhangwei.put("/api/v1/views/" + own, body(" 我的大客户 ", true, definition(Map.of(), "name", null)))
        .json().get("name").asString()).isEqualTo("我的大客户");
    assertThat(zhangwei.delete("/api/v1/views/" + own).status()).isEqualTo(204);
    assertThat(zhangwei.delete("/api/v1/views/" + own).status()).isEqualTo(404);
    assertThat(admin.delete("/api/v1/views/" + shared).status()).isEqualTo(204);
    assertThat(db.sql("select count(*) from saved_view").query(Long.class).single()).isEqualTo(1); // 私有
  }

  @Test
  void badDefinitionsAndNamesAreRefusedWithACodeAndNothingIsStored() {
    assertRefused(definition(Map.of("colour", "red"), null, null), 422, "unknown_filter");
    assertRefused(definition(Map.of(), "password,desc", null), 422, "unknown_sort");
    assertRefused(definition(Map.of(), "name,sideways", null), 422, "unknown_sort");
    assertRefused(definition(Map.of(), null, List.of("id", "phone")), 422, "unknown_column");
    assertRefused(definition(Map.of(), null, List.of("id", "id")), 422, "invalid_view");
    assertRefused(Map.of("filters", List.of("tier")), 422, "invalid_view");
    assertRefused(Map.of("filters", Map.of("tier", 3)), 422, "invalid_view");
    assertRefused(Map.of("layout", "grid"), 422, "invalid_view");
    assertRefused(definition(Map.of("q", "x".repeat(201)), null, null), 422, "view_too_large");
    assertRefused(definition(Map.of("q", "x".repeat(5000)), null, null), 422, "view_too_large");
    assertThat(zhangwei.post("/api/v1/views", body("x", false, null)).json().get("code").asString())
        .isEqualTo("invalid_view");
    for (String name : new String[] {"", "   ", "名".repeat(81), "a\u0000b"}) {
      Api.Response r = zhangwei.post("/api/v1/views", body(name, false, definition(Map.of(), null, null)));
      assertThat(r.status()).as(name).isEqualTo(400);
      assertThat(r.json().at("/errors/0/field").asString()).isEqualTo("name");
    }
    assertThat(db.sql("select count(*) from saved_view").query(Long.class).single()).isZero();
    assertThat(zhangwei.post("/api/v1/views", body("名".repeat(80), false, definition(Map.of(), null, null)))
        .status()).isEqualTo(201);
    assertThat(anonymous().get("/api/v1/views").status()).isEqualTo(401);
  }

  @Test
  void hostileStringsAreStoredAndReturnedAsTheyCame() {
    Api.Response made = zhangwei.post("/api/v1/views", body(HOSTILE, false,
        definition(Map.of("q", HOSTILE, "owner", "\"}]"), null, null)));
    assertThat(made.status()).as(made.body()).isEqualTo(201);
    JsonNode back = only(zhangwei.get("/api/v1/views").json());
    assertThat(back.get("name").asString()).isEqualTo(HOSTILE);
    assertThat(back.at("/definition/filters/q").asString()).isEqualTo(HOSTILE);
    assertThat(back.at("/definition/filters/owner").asString()).isEqualTo("\"}]");
    assertThat(ids(zhangwei, back.get("definition"))).isEmpty();
  }

  private void assertRefused(Object definition, int status, String code) {
    Api.Response r = zhangwei.post("/api/v1/views", body("坏视图", false, definition));
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.json().get("code").asString()).as(r.body()).isEqualTo(code);
  }

  /** The customer ids the list shows for a view's filters and sort, as the web list builds its query. */
  static List<String> ids(Api api, JsonNode definition) {
    StringBuilder query = new StringBuilder("/api/v1/customers?size=50");
    for (var f : definition.get("filters").properties()) {
      query.append('&').append(f.getKey()).append('=')
          .append(java.net.URLEncoder.encode(f.getValue().asString(), java.nio.charset.StandardCharsets.UTF_8));
    }
    if (definition.hasNonNull("sort")) query.append("&sort=").append(definition.get("sort").asString());
    Api.Response r = api.get(query.toString());
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    r.json().get("items").forEach(row -> ids.add(row.get("id").asString()));
    return ids;
  }

  private static JsonNode only(JsonNode list) {
    assertThat(list).hasSize(1);
    return list.get(0);
  }

  private static Map<String, Object> body(String name, boolean shared, Object definition) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", name);
    body.put("shared", shared);
    body.put("definition", definition);
    return body;
  }

  private static Map<String, Object> definition(Map<String, String> filters, String sort, List<String> columns) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("filters", filters);
    d.put("sort", sort);
    d.put("columns", columns);
    return d;
  }
}
