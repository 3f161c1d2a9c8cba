package strata.server.tag;

import static org.assertj.core.api.Assertions.assertThat;
import static strata.server.testing.TierHistory.runToEnd;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
 * Customer tags (issue 15 §4, bulk actions): one by one on a customer, in bulk from the list, and as a list filter.
 * T-A1 and T-C3 are 周敏's, T-B2 吴刚's; by TestModels.SPEND, T-A1 and T-B2 are big, T-C3 small.
 */
abstract class TagApiContract extends ServerTest {
  @Autowired JdbcClient db;
  @Autowired SummaryStore summaries;
  Api admin;
  Api zhoumin;

  @BeforeEach
  void data() {
    admin = admin();
    if (db.sql("select count(*) from customer where id = 'T-A1'").query(Long.class).single() == 0) {
      new TestData(db, summaries).customer("T-A1", "甲商行", "周敏").customer("T-B2", "乙商行", "吴刚")
          .customer("T-C3", "丙商行", "周敏")
          .purchase("T-A1", "2026-02-05", 1200).purchase("T-B2", "2026-02-10", 1500)
          .purchase("T-C3", "2026-03-02", 20).commit();
      assertThat(admin.post("/api/v1/users", Map.of("username", "zhoumin", "password", "zhoumin-password",
          "role", "sales", "owner", "周敏")).status()).isEqualTo(201);
      assertThat(admin.put("/api/v1/model", Map.of("yaml", TestModels.SPEND, "note", "tags")).status()).isEqualTo(201);
      runToEnd(admin, "2026-03-31");
    }
    db.sql("delete from customer_tag").update();
    zhoumin = anonymous().as("zhoumin", "zhoumin-password");
  }

  @Test
  void aTagTypedFullWidthIsTheSameTagAndTheListFiltersByIt() {
    long auditBefore = db.sql("select coalesce(max(id), 0) from audit_log").query(Long.class).single();
    JsonNode tagged = admin.post("/api/v1/customers/T-A1/tags", Map.of("tag", " ＶＩＰ ")).json();
    assertThat(tagged.get("tags").valueStream().map(JsonNode::asString)).containsExactly("VIP");
    assertThat(admin.post("/api/v1/customers/T-A1/tags", Map.of("tag", "VIP")).json().get("tags")).hasSize(1);
    assertThat(admin.post("/api/v1/customers/T-A1/tags", Map.of("tag", "华东/重点")).status()).isEqualTo(200);
    assertThat(admin.get("/api/v1/customers/T-A1/tags").json().get("tags").valueStream().map(JsonNode::asString))
        .containsExactly("VIP", "华东/重点");

    assertThat(ids(admin, "/api/v1/customers?tag=VIP")).containsExactly("T-A1");
    assertThat(ids(admin, "/api/v1/customers?tag=" + enc("ＶＩＰ"))).containsExactly("T-A1");
    assertThat(ids(admin, "/api/v1/customers?tag=vip")).isEmpty(); // case is kept
    assertThat(ids(admin, "/api/v1/customers?tag=" + enc("华东/重点") + "&tier=big")).containsExactly("T-A1");
    assertThat(ids(admin, "/api/v1/customers?tag=VIP&tier=small")).isEmpty();

    Api.Response removed = admin.delete("/api/v1/customers/T-A1/tags?tag=" + enc("华东/重点"));
    assertThat(removed.status()).isEqualTo(200);
    assertThat(removed.json().get("tags").valueStream().map(JsonNode::asString)).containsExactly("VIP");
    assertThat(audit("tag_", auditBefore)).containsExactly("tag_add {\"tag\":\"VIP\",\"customer\":\"T-A1\"}",
        "tag_add {\"tag\":\"华东/重点\",\"customer\":\"T-A1\"}",
        "tag_remove {\"tag\":\"华东/重点\",\"customer\":\"T-A1\"}");
  }

  @Test
  void bulkTaggingTagsTheSelectionOnceAndUntaggingRemovesIt() {
    admin.post("/api/v1/customers/T-B2/tags", Map.of("tag", "春节礼品"));
    JsonNode picked = admin.post("/api/v1/customers/bulk/tag", Map.of("ids", List.of("T-A1", "T-B2"), "tag", "春节礼品"))
        .json();
    assertThat(picked.get("selected").asInt()).isEqualTo(2);
    assertThat(picked.get("changed").asInt()).isEqualTo(1); // T-B2 had it
    JsonNode byFilter = admin.post("/api/v1/customers/bulk/tag", Map.of("filter", Map.of("tier", "small"),
        "tag", "待激活")).json();
    assertThat(byFilter.get("changed").asInt()).isEqualTo(1);
    assertThat(ids(admin, "/api/v1/customers?tag=" + enc("待激活"))).containsExactly("T-C3");

    JsonNode counts = admin.get("/api/v1/tags").json();
    assertThat(counts.valueStream().map(c -> c.get("tag").asString() + " " + c.get("customers").asLong()))
        .containsExactly("春节礼品 2", "待激活 1");

    JsonNode untagged = admin.post("/api/v1/customers/bulk/untag", Map.of("filter", Map.of(), "tag", "春节礼品"))
        .json();
    assertThat(untagged.get("selected").asInt()).isEqualTo(3);
    assertThat(untagged.get("changed").asInt()).isEqualTo(2);
    assertThat(ids(admin, "/api/v1/customers?tag=" + enc("春节礼品"))).isEmpty();
  }

  @Test
  void badTagsAreRefusedWithTheirCodeAndStoreNothing() {
    for (Map.Entry<String, String> bad : Map.of("", "tag_empty", "重点\n客户", "tag_control", "VIP\u200B",
        "tag_control", "客".repeat(31), "tag_too_long").entrySet()) {
      Api.Response one = admin.post("/api/v1/customers/T-A1/tags", Map.of("tag", bad.getKey()));
      assertThat(one.status()).as(bad.getKey()).isEqualTo(400);
      assertThat(one.json().get("code").asString()).isEqualTo(bad.getValue());
      Api.Response bulk = admin.post("/api/v1/customers/bulk/tag", Map.of("ids", List.of("T-A1"), "tag", bad.getKey()));
      assertThat(bulk.json().get("code").asString()).isEqualTo(bad.getValue());
    }
    assertThat(admin.post("/api/v1/customers/bulk/tag", Map.of("tag", "VIP")).status()).isEqualTo(400); // no selection
    assertThat(admin.post("/api/v1/customers/NOPE/tags", Map.of("tag", "VIP")).status()).isEqualTo(404);
    assertThat(tagRows()).isZero();
  }

  @Test
  void aCustomerHoldsAtMostFiftyTagsAndABulkActionOverItChangesNobody() {
    for (int i = 0; i < 50; i++) {
      assertThat(admin.post("/api/v1/customers/T-A1/tags", Map.of("tag", "t" + i)).status()).isEqualTo(200);
    }
    Api.Response one = admin.post("/api/v1/customers/T-A1/tags", Map.of("tag", "t50"));
    assertThat(one.status()).isEqualTo(422);
    assertThat(one.json().get("code").asString()).isEqualTo("too_many_tags");
    Api.Response bulk = admin.post("/api/v1/customers/bulk/tag", Map.of("ids", List.of("T-B2", "T-A1"), "tag", "新"));
    assertThat(bulk.status()).isEqualTo(422);
    assertThat(admin.get("/api/v1/customers/T-B2/tags").json().get("tags")).isEmpty(); // all or nothing
    assertThat(tagRows()).isEqualTo(50);
  }

  @Test
  void aSalesUserTagsOnlyTheirOwnCustomersAndCountsOnlyTheirTags() {
    admin.post("/api/v1/customers/T-B2/tags", Map.of("tag", "吴刚的重点"));
    admin.post("/api/v1/customers/T-B2/tags", Map.of("tag", "重点"));
    Api.Response mixed = zhoumin.post("/api/v1/customers/bulk/tag", Map.of("ids", List.of("T-A1", "T-B2"),
        "tag", "重点"));
    assertThat(mixed.status()).isEqualTo(403);
    assertThat(mixed.json().get("code").asString()).isEqualTo("not_yours");
    assertThat(admin.get("/api/v1/customers/T-A1/tags").json().get("tags")).isEmpty(); // nothing changed
    assertThat(zhoumin.post("/api/v1/customers/T-B2/tags", Map.of("tag", "重点")).status()).isEqualTo(404);
    assertThat(zhoumin.delete("/api/v1/customers/T-B2/tags?tag=" + enc("重点")).status()).isEqualTo(404);
    assertThat(zhoumin.get("/api/v1/customers/T-B2/tags").status()).isEqualTo(404);

    JsonNode own = zhoumin.post("/api/v1/customers/bulk/tag", Map.of("filter", Map.of(), "tag", "重点")).json();
    assertThat(own.get("selected").asInt()).isEqualTo(2); // T-A1 and T-C3, not T-B2
    assertThat(ids(zhoumin, "/api/v1/customers?tag=" + enc("重点"))).containsExactly("T-A1", "T-C3");
    Api.Response counts = zhoumin.get("/api/v1/tags");
    assertThat(counts.json().valueStream().map(c -> c.get("tag").asString() + " " + c.get("customers").asLong()))
        .containsExactly("重点 2");
    assertThat(counts.body()).doesNotContain("吴刚");
    assertThat(admin.get("/api/v1/tags").json().get(0).get("customers").asLong()).isEqualTo(3);
  }

  @Test
  void aSavedViewKeepsTheTagFilter() {
    Api.Response view = admin.post("/api/v1/views", Map.of("name", "VIP 客户", "definition",
        Map.of("filters", Map.of("tag", "VIP"))));
    assertThat(view.status()).as(view.body()).isEqualTo(201);
    assertThat(view.json().at("/definition/filters/tag").asString()).isEqualTo("VIP");
    admin.delete("/api/v1/views/" + view.json().get("id").asLong());
  }

  private long tagRows() {
    return db.sql("select count(*) from customer_tag").query(Long.class).single();
  }

  private List<String> audit(String prefix, long after) {
    return db.sql("select action || ' ' || detail_params from audit_log where action like ? and id > ? order by id")
        .params(prefix + "%", after).query(String.class).list();
  }

  private static List<String> ids(Api api, String url) {
    Api.Response r = api.get(url);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().get("items").valueStream().map(i -> i.get("id").asString()).sorted().toList();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
