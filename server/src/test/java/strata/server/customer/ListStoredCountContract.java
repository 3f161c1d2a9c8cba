package strata.server.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static strata.server.testing.TierHistory.runToEnd;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import strata.server.data.SummaryStore;
import strata.server.testing.Api;
import strata.server.testing.ServerTest;
import strata.server.testing.TestData;
import tools.jackson.databind.JsonNode;

/**
 * A list filtered by tier and owner alone takes its total from the snapshot's stored aggregates: the total must be
 * exactly the rows the list walks page by page, with overrides moving customers between tiers, for a past snapshot
 * and the current one, as an admin and as a sales user, and for customers without an owner or without a record. The
 * dashboard's tiers and trend, read from the same aggregates, must equal the snapshot's rows too.
 */
abstract class ListStoredCountContract extends ServerTest {
  private static final String[] OWNERS = {"王芳", "李娜", ""}; // a record without an owner

  @Autowired JdbcClient db;
  @Autowired SummaryStore summaries;

  @Test
  void aTierAndOwnerListCountsExactlyTheRowsItWalks() {
    Api admin = admin();
    TestData data = new TestData(db, summaries);
    for (int i = 0; i < 60; i++) {
      String id = String.format("K%03d", i);
      if (i % 7 != 6) data.customer(id, "客户" + i, OWNERS[i % 3]); // every seventh buys without a record
      for (int k = 0; k <= i % 5; k++) data.purchase(id, "2026-0" + (1 + (i + k) % 3) + "-1" + k, 10 + i * 37 % 900);
    }
    data.commit();
    admin.post("/api/v1/users", Map.of("username", "lina", "password", "lina-password-1", "role", "sales",
        "owner", "李娜"));
    long past = runToEnd(admin, "2026-04-01");
    long current = runToEnd(admin, "2026-04-01");
    List<String> tiers = db.sql("select distinct model_tier from snapshot_row where run_id = ? order by model_tier")
        .param(current).query(String.class).list();
    assertThat(tiers).hasSizeGreaterThan(1);
    // Overrides into another tier: one of each owner and one without a record.
    for (String id : List.of("K000", "K001", "K002", "K006")) {
      String model = db.sql("select model_tier from snapshot_row where run_id = ? and customer_id = ?")
          .params(current, id).query(String.class).single();
      String other = tiers.stream().filter(t -> !t.equals(model)).findFirst().orElseThrow();
      Api.Response set = admin.put("/api/v1/customers/" + id + "/override", Map.of("tier", other, "reason", "test"));
      assertThat(set.status()).as(set.body()).isEqualTo(201);
    }
    Api lina = anonymous().as("lina", "lina-password-1");
    List<String> tierFilters = new ArrayList<>(tiers);
    tierFilters.add(null);
    for (long run : List.of(past, current)) {
      for (String tier : tierFilters) {
        for (String owner : Arrays.asList("王芳", "李娜", null)) {
          check(admin, run, tier, owner, rows(run, tier, owner, null));
          check(lina, run, tier, owner, rows(run, tier, owner, "李娜"));
        }
      }
      // The dashboard reads the same aggregates, moved by the same overridden rows: its tiers and its trend.
      for (Api viewer : List.of(admin, lina)) {
        String scope = viewer == lina ? "李娜" : null;
        JsonNode dash = viewer.get("/api/v1/dashboard?snapshot=" + run).json();
        Map<String, String> shown = new java.util.TreeMap<>();
        dash.get("tiers").forEach(t -> shown.put(t.get("tier").asString(),
            t.get("customers").asLong() + "/" + Math.round(t.get("revenue").asDouble() * 100)));
        assertThat(shown).as("dashboard of %d for %s", run, scope).isEqualTo(tierSums(run, scope));
        dash.get("trend").forEach(point -> {
          Map<String, String> counts = new java.util.TreeMap<>();
          point.get("tiers").properties().forEach(e -> counts.put(e.getKey(), e.getValue().asLong() + ""));
          Map<String, String> expected = new java.util.TreeMap<>();
          tierSums(point.get("runId").asLong(), scope).forEach((t, v) -> expected.put(t, v.split("/")[0]));
          assertThat(counts).as("trend point %s for %s", point, scope).isEqualTo(expected);
        });
      }
    }
  }

  /** Customers and revenue in cents per effective tier of a snapshot, counted in its rows. */
  private Map<String, String> tierSums(long run, String scope) {
    Map<String, String> out = new java.util.TreeMap<>();
    db.sql("select tier, count(*), coalesce(sum(monetary_cents), 0) from snapshot_row where run_id = ? "
            + "and (cast(? as varchar(200)) is null or owner = ?) group by tier")
        .params(run, scope, scope)
        .query((rs, n) -> out.put(rs.getString(1), rs.getLong(2) + "/" + rs.getLong(3))).list();
    return out;
  }

  /** The rows the filter selects, counted in the snapshot itself; {@code scope} the sales user's owner. */
  private long rows(long run, String tier, String owner, String scope) {
    return db.sql("select count(*) from snapshot_row where run_id = ? and (cast(? as varchar(64)) is null or tier = ?) "
            + "and (cast(? as varchar(200)) is null or owner = ?) and (cast(? as varchar(200)) is null or owner = ?)")
        .params(run, tier, tier, owner, owner, scope, scope).query(Long.class).single();
  }

  private static void check(Api api, long run, String tier, String owner, long expected) {
    String query = "/api/v1/customers?snapshot=" + run + (tier == null ? "" : "&tier=" + tier)
        + (owner == null ? "" : "&owner=" + URLEncoder.encode(owner, StandardCharsets.UTF_8)) + "&size=7";
    JsonNode first = api.get(query).json();
    String what = query + " " + first;
    assertThat(first.get("total").asLong()).as(what).isEqualTo(expected);
    assertThat(first.get("totalExact").asBoolean()).as(what).isTrue();
    long walked = 0;
    for (int page = 0; ; page++) {
      JsonNode p = api.get(query + "&page=" + page).json();
      if (p.get("items").isEmpty()) break;
      walked += p.get("items").size();
    }
    assertThat(walked).as(what).isEqualTo(expected);
    if (first.hasNonNull("next")) {
      JsonNode second = api.get(query + "&after=" + first.get("next").asString()).json();
      assertThat(second.get("total").asLong()).as(query + " after").isEqualTo(expected);
      assertThat(second.get("totalExact").asBoolean()).isTrue();
    }
  }
}
