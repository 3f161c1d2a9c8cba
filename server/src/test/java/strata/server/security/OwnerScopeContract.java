package strata.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static strata.server.testing.TierHistory.runToEnd;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import strata.server.data.SummaryStore;
import strata.server.testing.Api;
import strata.server.testing.NestedConnections;
import strata.server.testing.ServerTest;
import strata.server.testing.TestModels;
import strata.server.testing.TestData;
import tools.jackson.databind.JsonNode;

/**
 * The README's promise to sales users, checked on every GET route the OpenAPI description lists: a sales user sees
 * only their own customers "in every list, export, aggregate and lookup". The rep below owns 3 customers; another owner
 * has 12, spread over every tier with larger amounts, so any figure computed over everyone is larger than the rep's
 * own and shows.
 */
@Import(NestedConnections.class)
abstract class OwnerScopeContract extends ServerTest {
  /** The shared spend model with an experiment on the big tier, so the experiment routes are walked with figures. */
  static final String MODEL = TestModels.SPEND.replace("when: monetary >= 1000.0\n",
      "when: monetary >= 1000.0\n    service:\n      holdout: {experiment: spend_care, share: 0.5}\n");
  static final String REP = "王芳";
  static final String OTHER = "李娜";
  static final Set<String> OWN = Set.of("W-1", "W-2", "W-3");

  /** The rep's own figures, by hand from the purchases below; the largest of each over both runs. */
  static final long OWN_CUSTOMERS = 3;
  static final double OWN_REVENUE = 1500 + 1100 + 40; // second run: W-1, W-2 after its second purchase, W-3

  /** Fields holding a number of customers (or of runs, tokens, purchases: all at most 3 for the rep here). */
  static final Set<String> COUNTS = Set.of("customers", "total", "count", "buyers", "up", "down", "changed", "same",
      "entered", "left", "moved");
  /** Objects whose every number is a count of customers by some key (tier). */
  static final Set<String> COUNT_MAPS = Set.of("tierCounts", "counts", "current", "tiers");
  /** Fields holding an amount of money. */
  static final Set<String> MONEY = Set.of("revenue", "atRiskRevenue", "monetary", "net", "amount", "refunds");

  /** A planner's reason as the task table stores it (bench/tasks-generate.sql writes the same shape). */
  static final String REASON = "{\"tier\":\"big\",\"trigger\":\"cadence\",\"detail\":\"test\",\"values\":[],"
      + "\"purpose\":{\"zh\":\"回访\",\"en\":\"Follow-up\"}}";

  @Autowired JdbcClient db;
  @Autowired SummaryStore summaries;

  @Test
  void everyGetRouteShowsASalesUserOnlyFiguresOfTheirOwnCustomers() {
    NestedConnections.reset();
    Api admin = admin();
    TestData data = new TestData(db, summaries)
        .customer("W-1", "王芳客户一", REP).customer("W-2", "王芳客户二", REP).customer("W-3", "王芳客户三", REP)
        .purchase("W-1", "2026-01-10", 1500) // big
        .purchase("W-2", "2026-02-10", 300)  // mid, big in the second run
        .purchase("W-3", "2026-03-10", 40);  // small
    // The other owner: four customers in each tier, each spending more than the rep's customer of that tier.
    for (int i = 1; i <= 12; i++) {
      String id = "X-LINA-%02d".formatted(i);
      data.customer(id, "李娜客户%02d".formatted(i), OTHER)
          .purchase(id, "2026-03-0" + (1 + i % 9), i <= 4 ? 2000 : i <= 8 ? 500 : 50);
    }
    data.commit();
    // Tags on both owners' customers: the rep's tag list counts only their own and never names the other's tag.
    for (String id : List.of("W-1", "W-2", "W-3", "X-LINA-01", "X-LINA-02", "X-LINA-03", "X-LINA-04")) {
      db.sql("insert into customer_tag (customer_id, tag, created_by, created_at) values (?, '重点', 'admin', "
          + "current_timestamp)").param(id).update();
    }
    db.sql("insert into customer_tag (customer_id, tag, created_by, created_at) values ('X-LINA-05', '李娜专属', "
        + "'admin', current_timestamp)").update();
    admin.post("/api/v1/users", Map.of("username", "wangfang", "password", "wangfang-password", "role", "sales",
        "owner", REP, "team", "south"));
    admin.post("/api/v1/users", Map.of("username", "zhaomin", "password", "zhaomin-password", "role", "manager",
        "team", "south"));
    assertThat(admin.put("/api/v1/model", Map.of("yaml", MODEL, "note", "spend only")).status()).isEqualTo(201);
    long first = runToEnd(admin, "2026-04-01");
    new TestData(db, summaries).purchase("W-2", "2026-03-15", 800).purchase("X-LINA-05", "2026-03-15", 1600)
        .commit();
    long second = runToEnd(admin, "2026-04-01");
    // The rep's tier counts per run, by hand: W-1 big, W-2 mid then big, W-3 small.
    Map<Long, Map<String, Long>> ownTiers = Map.of(
        first, Map.of("big", 1L, "mid", 1L, "small", 1L), second, Map.of("big", 2L, "mid", 0L, "small", 1L));

    // An open task of each owner, so the routes over tasks (rep hours, team view) have the other owner's to leak.
    for (String[] t : List.of(new String[] {"W-1", REP}, new String[] {"X-LINA-01", OTHER})) {
      db.sql("insert into service_task (task_key, customer_id, owner, tier, type, channel, due_date, trigger_kind, "
              + "reason, reason_en, reason_zh, status, created_at, created_by, updated_at, updated_by) values (?, ?, ?, "
              + "'big', 'follow_up', 'visit', date '2026-04-10', 'cadence', ?, '', '', 'open', current_timestamp, "
              + "'test', current_timestamp, 'test')").params(t[0] + "|cadence|none", t[0], t[1], REASON).update();
    }
    Api rep = anonymous().as("wangfang", "wangfang-password");
    List<String> problems = new ArrayList<>();
    int walked = walk(rep, List.of(first, second), ownTiers, problems);
    // The rep's manager: team south has the rep alone (the other owner has no user), so the manager's figures are
    // exactly the rep's.
    Api manager = anonymous().as("zhaomin", "zhaomin-password");
    walk(manager, List.of(first, second), ownTiers, problems);
    assertThat(walked).isGreaterThan(20);
    assertThat(problems).as("figures over other owners' customers shown to a sales user").isEmpty();
    for (String id : List.of("X-LINA-01", "X-LINA-12")) {
      assertThat(rep.get("/api/v1/customers/" + id).status()).as(id).isEqualTo(404);
      assertThat(manager.get("/api/v1/customers/" + id).status()).as(id).isEqualTo(404);
    }
    assertThat(manager.get("/api/v1/customers/W-1").status()).isEqualTo(200);
    // Admins and analysts keep the figures over everyone.
    JsonNode current = admin.get("/api/v1/runs/current").json();
    assertThat(current.get("customers").asLong()).isEqualTo(15);
    assertThat(current.get("tierCounts").get("big").asLong()).isEqualTo(7); // W-1, W-2, X-LINA-01..05
    // Every route as the admin too; no request, whoever asks, takes a second connection while it holds one.
    for (String url : urls(anonymous().get("/api/v1/openapi.json").json(), List.of(first, second))) admin.get(url);
    assertThat(NestedConnections.seen()).as("requests that held two pooled connections at once").isEmpty();
  }

  /**
   * Asks every GET route as the user; adds to {@code problems} each answer showing another owner's customers or a
   * figure larger than the rep's own.
   *
   * @return how many URLs were asked
   */
  private int walk(Api user, List<Long> runs, Map<Long, Map<String, Long>> ownTiers, List<String> problems) {
    int walked = 0;
    for (String url : urls(anonymous().get("/api/v1/openapi.json").json(), runs)) {
      Api.Response r = user.get(url);
      walked++;
      if (r.status() == 403 || r.status() == 404) continue; // a route the user may not use, or a run without them
      if (r.status() != 200) {
        problems.add(url + " answered " + r.status() + ": " + r.body());
        continue;
      }
      for (String leak : List.of("X-LINA", "李娜")) {
        if (r.body().contains(leak)) problems.add(url + " shows '" + leak + "' (another owner's customers)");
      }
      if (r.body().startsWith("{") || r.body().startsWith("[")) check(url, "", null, r.json(), ownTiers, problems);
    }
    return walked;
  }

  /** Walks a JSON answer; names the field of every figure larger than the rep's own customers can give. */
  private static void check(String url, String path, String field, JsonNode node, Map<Long, Map<String, Long>> own,
      List<String> problems) {
    if (node.isObject()) {
      if (node.has("tierCounts") && node.has("id")) checkRun(url, path, node, own, problems);
      for (String name : node.propertyNames()) {
        JsonNode child = node.get(name);
        if (COUNT_MAPS.contains(name) && child.isObject()) {
          for (String key : child.propertyNames()) {
            JsonNode count = child.get(key);
            if (count.isNumber() && count.asLong() > OWN_CUSTOMERS) {
              problems.add(url + " " + path + "." + name + "." + key + " = " + count + " > " + OWN_CUSTOMERS);
            }
          }
        }
        check(url, path + "." + name, name, child, own, problems);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) check(url, path + "[" + i + "]", field, node.get(i), own, problems);
    } else if (node.isNumber() && field != null) {
      if (COUNTS.contains(field) && node.asLong() > OWN_CUSTOMERS) {
        problems.add(url + " " + path + " = " + node + " > " + OWN_CUSTOMERS);
      }
      if (MONEY.contains(field) && node.asDouble() > OWN_REVENUE) {
        problems.add(url + " " + path + " = " + node + " > " + OWN_REVENUE);
      }
    }
  }

  /** A run anywhere in an answer carries the rep's own counts, exactly, and no notes about the whole data set. */
  private static void checkRun(String url, String path, JsonNode run, Map<Long, Map<String, Long>> own,
      List<String> problems) {
    Map<String, Long> expected = own.get(run.get("id").asLong());
    if (expected == null) return;
    Map<String, Long> counts = new LinkedHashMap<>();
    run.get("tierCounts").propertyNames().forEach(t -> counts.put(t, run.get("tierCounts").get(t).asLong()));
    if (!counts.equals(expected) || run.get("customers").asLong() != OWN_CUSTOMERS) {
      problems.add(url + " " + path + " run " + run.get("id") + ": customers " + run.get("customers")
          + ", tierCounts " + counts + "; the rep's own are " + OWN_CUSTOMERS + ", " + expected);
    }
  }

  /**
   * Every GET path of the API with its path variables filled from the data: runs, the rep's customers, model
   * versions; a path with a variable this test cannot fill fails it, so a new route is walked too. Routes that take a
   * snapshot are walked once per run.
   */
  private List<String> urls(JsonNode openApi, List<Long> runs) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    List<String> runIds = runs.stream().map(String::valueOf).toList();
    values.put("/runs/{id}", runIds);
    values.put("/customers/{id}", List.copyOf(new java.util.TreeSet<>(OWN)));
    values.put("/versions/{version}", List.of("1", "2"));
    values.put("/diff/{other}", List.of("1", "2"));
    values.put("/imports/{id}", List.of("1"));
    values.put("/batch/{kind}", List.of("customers", "purchases"));
    values.put("/users/{username}", List.of("wangfang", "admin"));
    values.put("/tokens/{id}", List.of("1"));
    values.put("/experiments/{id}", List.of("spend_care"));
    values.put("/backups/{name}", List.of("strata-20260101-000000.zip"));
    List<String> out = new ArrayList<>();
    for (String path : openApi.get("paths").propertyNames()) {
      JsonNode get = openApi.get("paths").get(path).get("get");
      if (get == null || !path.startsWith("/api/")) continue;
      List<String> filled = List.of(path);
      while (filled.get(0).contains("{")) {
        String p = filled.get(0);
        int open = p.indexOf('{');
        String variable = p.substring(open, p.indexOf('}', open) + 1);
        String key = values.keySet().stream()
            .filter(k -> p.substring(0, p.indexOf('}', open) + 1).endsWith(k)).findFirst()
            .orElseThrow(() -> new AssertionError("cannot fill " + variable + " of " + path + ": add it to urls()"));
        filled = filled.stream().flatMap(f -> values.get(key).stream()
            .map(v -> f.replace(variable, URLEncoder.encode(v, StandardCharsets.UTF_8)))).toList();
      }
      boolean takesSnapshot = false;
      boolean needsSnapshot = false;
      boolean takesPair = false;
      for (JsonNode param : get.path("parameters")) {
        if (!param.path("in").asString().equals("query")) continue;
        String name = param.get("name").asString();
        takesSnapshot |= name.equals("snapshot");
        needsSnapshot |= name.equals("snapshot") && param.path("required").asBoolean();
        takesPair |= name.equals("from");
      }
      for (String url : filled) {
        if (!needsSnapshot) out.add(url);
        if (takesSnapshot) runIds.forEach(id -> out.add(url + "?snapshot=" + id));
        if (takesPair) out.add(url + "?from=" + runIds.get(0) + "&to=" + runIds.get(1));
      }
    }
    return out;
  }
}
