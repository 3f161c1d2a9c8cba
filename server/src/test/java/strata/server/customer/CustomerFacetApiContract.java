package strata.server.customer;

import static org.assertj.core.api.Assertions.assertThat;

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
 * Counts in the list's filter dropdowns. A1 (1,200) and C3 (20) are 张伟's, B2 (1,500) 李娜's, D4 (30) has no
 * owner; spend from 1,000 is "big": A1 and B2.
 */
abstract class CustomerFacetApiContract extends ServerTest {
  static final String MODEL = """
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
  @Autowired RunService runs;
  Api admin;
  Api zhangwei;

  @BeforeEach
  void data() {
    admin = admin();
    if (db.sql("select count(*) from customer").query(Long.class).single() == 0) {
      new TestData(db, summaries).customer("A1", "甲公司", "张伟").customer("B2", "乙公司", "李娜")
          .customer("C3", "丙公司", "张伟").customer("D4", "丁公司", "")
          .purchase("A1", "2026-02-05", 1200).purchase("B2", "2026-02-10", 1500).purchase("C3", "2026-03-02", 20)
          .purchase("D4", "2026-03-01", 30).commit();
      assertThat(admin.post("/api/v1/users", Map.of("username", "zhangwei", "password", "zhangwei-password", "role",
          "sales", "owner", "张伟")).status()).isEqualTo(201);
      assertThat(admin.put("/api/v1/model", Map.of("yaml", MODEL, "note", "facets")).status()).isEqualTo(201);
      runs.runNow("manual", "admin", null);
    }
    zhangwei = anonymous().as("zhangwei", "zhangwei-password");
  }

  @Test
  void eachFacetIsCountedWithTheOtherFiltersButNotItsOwn() {
    JsonNode all = facets(admin, "");
    assertThat(counts(all.get("tier"))).isEqualTo(Map.of("big", 2L, "small", 2L));
    assertThat(counts(all.get("owner"))).isEqualTo(Map.of("张伟", 2L, "", 1L, "李娜", 1L));
    JsonNode big = facets(admin, "?tier=big");
    assertThat(counts(big.get("tier"))).isEqualTo(Map.of("big", 2L, "small", 2L)); // its own filter left out
    assertThat(counts(big.get("owner"))).isEqualTo(Map.of("李娜", 1L, "张伟", 1L));
    assertThat(counts(facets(admin, "?tier=big&owner=张伟").get("tier"))).isEqualTo(Map.of("big", 1L, "small", 1L));
    assertThat(counts(facets(admin, "?q=甲").get("tier"))).isEqualTo(Map.of("big", 1L));
    assertThat(all.has("q")).isFalse();
  }

  @Test
  void everyCountIsWhatTheListShowsForThatValue() {
    for (Map<String, String> filter : List.of(Map.<String, String>of(), Map.of("tier", "small"), Map.of("q", "公司"))) {
      JsonNode facets = facets(admin, query(filter));
      for (var facet : facets.properties()) {
        for (var value : facet.getValue().properties()) {
          if (value.getKey().isEmpty()) continue; // an empty filter means "any" in the list
          Map<String, String> withValue = new java.util.TreeMap<>(filter);
          withValue.put(facet.getKey(), value.getKey()); // the facet's own filter replaced, as the dropdown does
          String query = query(withValue);
          assertThat(admin.get("/api/v1/customers" + query).json().get("total").asLong()).as(query)
              .isEqualTo(value.getValue().asLong());
        }
      }
    }
  }

  @Test
  void aSalesUserCountsOnlyTheirOwnCustomers() {
    JsonNode own = facets(zhangwei, "");
    assertThat(counts(own.get("tier"))).isEqualTo(Map.of("big", 1L, "small", 1L));
    assertThat(counts(own.get("owner"))).isEqualTo(Map.of("张伟", 2L));
    assertThat(counts(facets(zhangwei, "?owner=李娜").get("tier"))).isEmpty();
    assertThat(anonymous().get("/api/v1/customers/facets").status()).isEqualTo(401);
    assertThat(admin.get("/api/v1/customers/facets?snapshot=999999").status()).isEqualTo(404);
  }

  private static JsonNode facets(Api api, String query) {
    Api.Response r = api.get("/api/v1/customers/facets" + query);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().get("facets");
  }

  /** A facet's counts, whatever order values with equal counts come in (collations differ between databases). */
  private static Map<String, Long> counts(JsonNode facet) {
    Map<String, Long> counts = new java.util.HashMap<>();
    facet.properties().forEach(e -> counts.put(e.getKey(), e.getValue().asLong()));
    return counts;
  }

  private static String query(Map<String, String> filter) {
    StringBuilder q = new StringBuilder();
    filter.forEach((k, v) -> q.append(q.isEmpty() ? '?' : '&').append(k).append('=')
        .append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8)));
    return q.toString();
  }
}
