package strata.server.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import strata.server.data.SummaryStore;
import strata.server.testing.Api;
import strata.server.testing.ServerTest;
import strata.server.testing.TestModels;
import strata.server.testing.TestData;
import tools.jackson.databind.JsonNode;

/**
 * Runs, snapshots, overrides, migrations and the model editor on a small hand-made data set. The model used tiers by
 * net spend only, so every expected tier follows from the amounts below by hand.
 */
@Import(RunsApiContract.Faults.class)
@org.springframework.test.context.TestPropertySource(properties = "strata.runs.keep=3")
abstract class RunsApiContract extends ServerTest {
  static final String MODEL = TestModels.SPEND;

  /** Fails the next run midway when armed: the atomic-publish check. */
  @TestConfiguration
  static class Faults {
    static final AtomicBoolean ARMED = new AtomicBoolean();

    /** Something to do once while the next run writes its rows. */
    static final java.util.concurrent.atomic.AtomicReference<Runnable> ON_ROWS =
        new java.util.concurrent.atomic.AtomicReference<>();

    @Bean
    RunListener failWhenArmed() {
      return (runId, rows) -> {
        Runnable action = ON_ROWS.getAndSet(null);
        if (action != null) action.run();
        if (ARMED.getAndSet(false)) throw new IllegalStateException("disk full (injected)");
      };
    }
  }

  @Autowired JdbcClient db;
  @Autowired SummaryStore summaries;
  @Autowired strata.server.data.Dialect dialect;
  @Autowired SnapshotTables tables;
  @Autowired strata.server.cluster.Instance instance;
  Api admin;
  Api analyst;

  @BeforeEach
  void data() {
    admin = admin();
    if (db.sql("select count(*) from customer").query(Long.class).single() == 0) {
      new TestData(db, summaries)
          .customer("A1", "甲公司", "张伟").customer("B2", "乙公司", "李娜").customer("C3", "丙 O'Brien; --", "张伟")
          .purchase("A1", "2026-01-05", 800).purchase("A1", "2026-02-05", 400) // 1200: big
          .purchase("B2", "2026-03-01", 150)                                    // 150: mid
          .purchase("C3", "2026-03-02", 20)                                     // 20: small
          .commit();
      admin.post("/api/v1/users", Map.of("username", "analyst1", "password", "analyst-password",
          "role", "analyst"));
      admin.post("/api/v1/users", Map.of("username", "zhangwei", "password", "zhangwei-password",
          "role", "sales", "owner", "张伟"));
      assertThat(admin.put("/api/v1/model", Map.of("yaml", MODEL, "note", "spend only")).status()).isEqualTo(201);
    }
    analyst = anonymous().as("analyst1", "analyst-password");
  }

  JsonNode runToEnd(Api api) {
    Api.Response started = api.post("/api/v1/runs", Map.of("asOf", "2026-04-01"));
    assertThat(started.status()).as(started.body()).isEqualTo(202);
    return awaitRun(api, started.json().get("id").asLong());
  }

  Map<String, String> tiers(Api api) {
    Map<String, String> out = new java.util.TreeMap<>();
    api.get("/api/v1/customers?size=500").json().get("items")
        .forEach(i -> out.put(i.get("id").asString(), i.get("tier").asString()));
    return out;
  }

  @Test
  void aRunTiersEveryCustomerByTheModelAndBecomesCurrent() {
    JsonNode run = runToEnd(analyst);
    assertThat(run.get("status").asString()).isEqualTo("succeeded");
    assertThat(run.get("current").asBoolean()).isTrue();
    assertThat(tiers(analyst)).containsAllEntriesOf(Map.of("A1", "big", "B2", "mid", "C3", "small"));
    JsonNode a1 = analyst.get("/api/v1/customers/A1").json();
    assertThat(a1.get("metrics").get("monetary").asDouble()).isEqualTo(1200.0);
    assertThat(a1.get("metrics").get("frequency").asLong()).isEqualTo(2);
    assertThat(a1.get("metrics").get("recency_days").asLong()).isEqualTo(55); // 2026-02-05 .. 2026-04-01
    assertThat(a1.get("explanation").get("en").asString()).isEqualTo("Big: net spend is 1200");
    assertThat(a1.get("explanation").get("zh").asString()).isEqualTo("大客户：消费金额为1200");
    JsonNode reason = a1.get("reason");
    assertThat(reason.get("tier").asString()).isEqualTo("big");
    assertThat(reason.get("rule").asInt()).isZero();
    assertThat(reason.get("reads").propertyNames()).containsExactly("monetary");
    assertThat(reason.get("reads").get("monetary").asDouble()).isEqualTo(1200.0);
    assertThat(reason.get("not_checked")).isEmpty();
    assertThat(a1.get("summary").get("orders").asLong()).isEqualTo(2);
    assertThat(a1.get("summary").get("net").asDouble()).isEqualTo(1200.0);
  }

  @Test
  void overridesApplyAtOnceAndToLaterRunsWithTheirReason() {
    runToEnd(analyst);
    Api.Response set = analyst.put("/api/v1/customers/C3/override",
        Map.of("tier", "big", "reason", "strategic partner", "expiresAt", "2099-01-01T00:00:00Z"));
    assertThat(set.status()).as(set.body()).isEqualTo(201);
    assertThat(tiers(analyst).get("C3")).isEqualTo("big");
    runToEnd(analyst);
    JsonNode c3 = analyst.get("/api/v1/customers/C3").json();
    assertThat(c3.get("tier").asString()).isEqualTo("big");
    assertThat(c3.get("modelTier").asString()).isEqualTo("small");
    assertThat(c3.get("explanation").get("en").asString()).contains("strategic partner");
    // The reason as data stays the model's: C3 is small by its spend.
    assertThat(c3.get("reason").get("tier").asString()).isEqualTo("small");
    assertThat(analyst.put("/api/v1/customers/C3/override", Map.of("tier", "nope", "reason", "x")).status())
        .isEqualTo(400);
    assertThat(analyst.get("/api/v1/customers?tier=big&size=500").json().get("items").findValuesAsString("id"))
        .contains("C3");
    assertThat(analyst.delete("/api/v1/customers/C3/override").status()).isEqualTo(204);
    assertThat(tiers(analyst).get("C3")).isEqualTo("small");
    assertThat(analyst.get("/api/v1/customers/C3").json().get("explanation").get("en").asString())
        .doesNotContain("strategic partner");
    assertThat(analyst.get("/api/v1/customers?tier=big&size=500").json().get("items").findValuesAsString("id"))
        .doesNotContain("C3");
    assertThat(admin.get("/api/v1/audit?action=override_set").json().get("total").asLong()).isGreaterThan(0);
  }

  /**
   * The explanation tells of the override in force when it is read, whatever the snapshot row's text says: an override
   * replaced after the run shows its own reason, and a model's reason that happens to read like an override's note
   * is left alone. Rows written before (V40) carry the old note under a flag, and lose it.
   */
  @Test
  void theOverrideNoteIsTheOneInForceNotTheTextOfTheRow() {
    runToEnd(analyst);
    JsonNode model = analyst.get("/api/v1/customers/B2").json().get("explanation");
    String en = model.get("en").asString();
    String zh = model.get("zh").asString();
    assertThat(analyst.put("/api/v1/customers/B2/override", Map.of("tier", "big", "reason", "first reason")).status())
        .isEqualTo(201);
    long runId = runToEnd(analyst).get("id").asLong();
    assertThat(analyst.put("/api/v1/customers/B2/override", Map.of("tier", "big", "reason", "second reason")).status())
        .isEqualTo(201);
    // labels override.explanation and override.explanation.model, in front of the model's own text
    JsonNode now = analyst.get("/api/v1/customers/B2").json().get("explanation");
    assertThat(now.get("en").asString()).isEqualTo("overridden by analyst1: second reason; model: " + en);
    assertThat(now.get("zh").asString()).isEqualTo("由 analyst1 手动调整：second reason；模型：" + zh);
    assertThat(analyst.delete("/api/v1/customers/B2/override").status()).isEqualTo(204);
    assertThat(analyst.get("/api/v1/customers/B2").json().get("explanation")).isEqualTo(model);

    String legacy = Api.MAPPER.writeValueAsString(Map.of("overridden", true,
        "en", "overridden by ann: old; model: " + en, "zh", "由 ann 手动调整：old；模型：" + zh));
    db.sql("update snapshot_row set explanation = ? where run_id = ? and customer_id = 'B2'").params(legacy, runId)
        .update();
    assertThat(analyst.get("/api/v1/customers/B2").json().get("explanation")).isEqualTo(model);

    String lookalike = Api.MAPPER.writeValueAsString(Map.of("en", "overridden queue: net spend is 150",
        "zh", "待复核：消费金额为150"));
    db.sql("update snapshot_row set explanation = ? where run_id = ? and customer_id = 'B2'").params(lookalike, runId)
        .update();
    JsonNode shown = analyst.get("/api/v1/customers/B2").json().get("explanation");
    assertThat(shown.get("en").asString()).isEqualTo("overridden queue: net spend is 150");
    assertThat(shown.get("zh").asString()).isEqualTo("待复核：消费金额为150");
  }

  /** Snapshot rows go in by COPY on PostgreSQL and by JDBC batch on H2: both must store texts and numbers as given. */
  @Test
  void snapshotRowsKeepQuotesNewlinesAndNumbersExactly() {
    String reason = "board said \"yes\", twice; 董事会\nsecond line, 'quoted' \\ done";
    Api.Response set = analyst.put("/api/v1/customers/B2/override",
        Map.of("tier", "big", "reason", reason, "expiresAt", "2099-01-01T00:00:00Z"));
    assertThat(set.status()).as(set.body()).isEqualTo(201);
    long runId = runToEnd(analyst).get("id").asLong();
    var row = db.sql("select tier, model_tier, override_id, monetary_cents, frequency, explanation from snapshot_row "
        + "where run_id = ? and customer_id = 'B2'").param(runId).query((rs, n) -> new Object[] {rs.getString(1),
            rs.getString(2), rs.getObject(3), rs.getLong(4), rs.getLong(5), rs.getString(6)}).single();
    assertThat(row[0]).isEqualTo("big");
    assertThat(row[1]).isEqualTo("mid");
    assertThat(row[2]).isEqualTo(set.json().get("id").asLong());
    assertThat(row[3]).isEqualTo(15000L);
    assertThat(row[4]).isEqualTo(1L);
    JsonNode b2 = analyst.get("/api/v1/customers/B2").json();
    assertThat(b2.get("explanation").get("en").asString()).contains(reason);
    assertThat(b2.get("explanation").get("zh").asString()).contains(reason).contains("；模型：");
    JsonNode item = analyst.get("/api/v1/customers?q=B2").json().get("items").get(0);
    assertThat(item.get("compositeScore").asDouble())
        .isCloseTo(b2.get("metrics").get("composite_score").asDouble(), org.assertj.core.data.Offset.offset(1e-4));
    assertThat(item.get("monetary").asDouble()).isEqualTo(150.0);
    assertThat(analyst.delete("/api/v1/customers/B2/override").status()).isEqualTo(204);
  }

  /**
   * Rows store their metrics' values as an array named once per run and their explanation as a reference to one
   * stored per run (V45); rows written before, with the object and the explanation inline, must read the same: the
   * customer's answer is byte for byte the same with the row turned back into what the server stored before and its
   * run's key list removed.
   */
  @Test
  void rowsStoredByPositionAndReferenceReadAsTheRowsStoredBefore() {
    long runId = runToEnd(analyst).get("id").asLong();
    String keys = db.sql("select metric_keys from tier_run where id = ?").param(runId).query(String.class).single();
    var row = db.sql("select metrics, explanation from snapshot_row where run_id = ? and customer_id = 'A1'")
        .param(runId).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).single();
    JsonNode names = Api.MAPPER.readTree(keys);
    JsonNode values = Api.MAPPER.readTree(row[0]);
    assertThat(names.get(0).asString()).isEqualTo("has_purchase");
    assertThat(values.isArray()).as(row[0]).isTrue();
    assertThat(values.get(0).asBoolean()).isTrue();
    int ref = Api.MAPPER.readTree(row[1]).get("ref").asInt();
    String explanation = db.sql("select explanation from snapshot_explanation where run_id = ? and ref = ?")
        .params(runId, ref).query(String.class).single();
    String before = analyst.get("/api/v1/customers/A1").body();

    tools.jackson.databind.node.ObjectNode object = Api.MAPPER.createObjectNode();
    for (int k = 0; k < values.size(); k++) object.set(names.get(k).asString(), values.get(k));
    db.sql("update snapshot_row set metrics = ?, explanation = ? where run_id = ? and customer_id = 'A1'")
        .params(object.toString(), explanation, runId).update();
    db.sql("update tier_run set metric_keys = null where id = ?").param(runId).update();
    assertThat(analyst.get("/api/v1/customers/A1").body()).isEqualTo(before);
    assertThat(before).contains("\"monetary\":1200.0").contains("\"en\":\"Big: net spend is 1200\"");
  }

  @Test
  void anOverrideSetWhileARunWritesIsInTheSnapshotItPublishes() {
    runToEnd(analyst);
    Faults.ON_ROWS.set(() -> analyst.put("/api/v1/customers/B2/override",
        Map.of("tier", "small", "reason", "set during the run")));
    runToEnd(analyst);
    assertThat(tiers(analyst).get("B2")).isEqualTo("small");
    analyst.delete("/api/v1/customers/B2/override");
    assertThat(tiers(analyst).get("B2")).isIn("mid", "big");
  }

  @Test
  void aFailedRunLeavesThePreviousSnapshotCurrent() {
    JsonNode good = runToEnd(analyst);
    Faults.ARMED.set(true);
    JsonNode bad = runToEnd(analyst);
    assertThat(bad.get("status").asString()).isEqualTo("failed");
    assertThat(bad.get("error").get("code").asString()).isEqualTo("run_unexpected");
    assertThat(bad.get("error").get("en").asString()).isEqualTo(
        "the run stopped on an unexpected error (IllegalStateException: disk full (injected)); the previous snapshot "
            + "stayed current");
    assertThat(analyst.get("/api/v1/runs/current").json().get("id").asLong()).isEqualTo(good.get("id").asLong());
    assertThat(db.sql("select count(*) from snapshot_row where run_id = ?").param(bad.get("id").asLong())
        .query(Long.class).single()).isZero();
    assertThat(tableOf(bad.get("id").asLong())).isNull(); // PostgreSQL: the failed run's own table is gone too
    assertThat(tiers(analyst)).containsKeys("A1", "B2", "C3");
  }

  @Test
  void aFailureReadsInEachLanguageAndOldEnglishOnesStillShow() {
    Faults.ARMED.set(true);
    long failed = runToEnd(analyst).get("id").asLong();
    // The library's message stays as it was thrown; the sentence around it is the reader's.
    JsonNode error = analyst.get("/api/v1/runs/" + failed).json().get("error");
    assertThat(error.get("zh").asString())
        .isEqualTo("运行因意外错误中止（IllegalStateException: disk full (injected)）；之前的快照仍为当前快照");
    JsonNode listed = analyst.get("/api/v1/runs?size=50").json().get("items").valueStream()
        .filter(r -> r.get("id").asLong() == failed).findFirst().orElseThrow();
    assertThat(listed.get("error")).isEqualTo(error);

    // A sales rep reads that it failed, in either language, not why.
    Api rep = anonymous().as("zhangwei", "zhangwei-password");
    JsonNode hidden = rep.get("/api/v1/runs/" + failed).json().get("error");
    assertThat(hidden.get("code").asString()).isEqualTo("run_failed_hidden");
    assertThat(hidden.get("zh").asString()).isEqualTo("运行失败；分析师或管理员可以查看原因");
    assertThat(hidden.get("en").asString()).isEqualTo("the run failed; an analyst or admin can see why");

    // A run that failed before failures had codes kept English text: it shows as written, without a code.
    db.sql("insert into tier_run (status, trigger_kind, started_at, finished_at, progress, error) values "
            + "('failed', 'manual', current_timestamp, current_timestamp, 0, ?)")
        .param("IllegalStateException: disk full").update();
    long old = db.sql("select max(id) from tier_run where error = ?").param("IllegalStateException: disk full")
        .query(Long.class).single();
    JsonNode legacy = analyst.get("/api/v1/runs/" + old).json().get("error");
    assertThat(legacy.get("code").isNull()).isTrue();
    assertThat(legacy.get("zh").asString()).isEqualTo("IllegalStateException: disk full");
    assertThat(legacy.get("en").asString()).isEqualTo("IllegalStateException: disk full");
  }

  @Test
  void migrationsCountMovesBetweenTwoRuns() {
    new TestData(db, summaries).customer("M9", "移动公司", "李娜").purchase("M9", "2026-03-01", 150).commit();
    JsonNode first = runToEnd(analyst);
    new TestData(db, summaries).purchase("M9", "2026-03-20", 900).commit(); // 1050: mid -> big
    JsonNode second = runToEnd(analyst);
    JsonNode m = analyst.get("/api/v1/migrations?from=" + first.get("id").asLong() + "&to="
        + second.get("id").asLong()).json();
    assertThat(m.get("up").asLong()).isGreaterThanOrEqualTo(1);
    JsonNode movers = analyst.get("/api/v1/migrations/customers?from=" + first.get("id").asLong() + "&to="
        + second.get("id").asLong() + "&direction=up").json();
    assertThat(movers.get("items").findValuesAsString("id")).containsExactly("M9");
    JsonNode history = analyst.get("/api/v1/customers/M9/history").json();
    assertThat(history.get(0).get("tier").asString()).isEqualTo("big");
  }

  @Test
  void salesUsersSeeOnlyTheirOwnCustomersEverywhere() {
    JsonNode run = runToEnd(analyst);
    Api rep = anonymous().as("zhangwei", "zhangwei-password");
    assertThat(tiers(rep).keySet()).containsExactlyInAnyOrder("A1", "C3");
    assertThat(rep.get("/api/v1/customers/B2").status()).isEqualTo(404);
    assertThat(rep.get("/api/v1/customers/B2/history").status()).isEqualTo(404);
    assertThat(rep.get("/api/v1/customers/B2/transactions").status()).isEqualTo(404);
    assertThat(rep.get("/api/v1/customers?owner=李娜").json().get("total").asLong()).isZero();
    assertThat(rep.get("/api/v1/customers?q=乙").json().get("total").asLong()).isZero();
    String csv = rep.get("/api/v1/customers/export?format=csv").body();
    assertThat(csv).contains("A1").contains("C3").doesNotContain("B2").doesNotContain("乙公司");
    assertThat(rep.get("/api/v1/dashboard").json().get("kpis").get("customers").asLong()).isEqualTo(2);
    assertThat(rep.get("/api/v1/meta").json().get("owners").findValuesAsString("")).isEmpty();
    assertThat(rep.post("/api/v1/runs", Map.of()).status()).isEqualTo(403);
    assertThat(rep.put("/api/v1/customers/A1/override", Map.of("tier", "big", "reason", "x")).status())
        .isEqualTo(403);
    assertThat(rep.get("/api/v1/customers/A1/tier?snapshot=" + run.get("id").asLong()).status()).isEqualTo(200);
  }

  @Test
  void theModelEditorLocatesErrorsDryRunsAndVersions() {
    runToEnd(analyst);
    String broken = MODEL.replace("monetary >= 100.0", "monetry >= 100.0");
    Api.Response invalid = analyst.post("/api/v1/model/validate", Map.of("yaml", broken));
    assertThat(invalid.status()).isEqualTo(422);
    JsonNode error = invalid.json().get("errors").get(0);
    assertThat(error.get("field").asString()).isEqualTo("tiers[1].when");
    assertThat(error.get("tier").asString()).isEqualTo("mid");
    assertThat(error.get("line").asInt()).isEqualTo(7); // the line of "when: monetry >= 100.0"
    String lower = MODEL.replace("monetary >= 1000.0", "monetary >= 100.0");
    JsonNode dry = analyst.post("/api/v1/model/dry-run", Map.of("yaml", lower)).json();
    assertThat(dry.get("counts").get("big").asLong()).isEqualTo(2); // A1 1200, B2 150
    assertThat(dry.get("moved").asLong()).isEqualTo(1);            // B2 mid -> big
    assertThat(analyst.put("/api/v1/model", Map.of("yaml", lower)).status()).isEqualTo(403);
    int before = admin.get("/api/v1/model").json().get("version").asInt();
    assertThat(admin.put("/api/v1/model", Map.of("yaml", broken)).status()).isEqualTo(422);
    assertThat(admin.put("/api/v1/model", Map.of("yaml", lower)).json().get("version").asInt()).isEqualTo(before + 1);
    assertThat(admin.put("/api/v1/model", Map.of("yaml", MODEL)).status()).isEqualTo(201);
  }

  /** quadrant= was ignored (issue 17): each quadrant's list is exactly the customers the full list shows in it. */
  @Test
  void theQuadrantFilterListsExactlyThatQuadrant() {
    runToEnd(analyst);
    JsonNode all = analyst.get("/api/v1/customers?size=500").json().get("items");
    Map<String, java.util.Set<String>> byQuadrant = new java.util.TreeMap<>();
    all.forEach(c -> {
      if (c.hasNonNull("quadrant")) {
        byQuadrant.computeIfAbsent(c.get("quadrant").asString(), k -> new java.util.TreeSet<>())
            .add(c.get("id").asString());
      }
    });
    assertThat(byQuadrant).isNotEmpty();
    byQuadrant.forEach((quadrant, ids) -> assertThat(new java.util.TreeSet<>(analyst
        .get("/api/v1/customers?size=500&quadrant=" + quadrant).json().get("items").findValuesAsString("id")))
        .as(quadrant).isEqualTo(ids));
    assertThat(analyst.get("/api/v1/customers?quadrant=nowhere").json().get("total").asLong()).isZero();
  }

  /**
   * The dashboard's value x potential matrix (issue 17) counts what the customer list shows, for the analyst and for
   * a sales user over their own customers; V36 gives snapshots published before it the same cells.
   */
  @Test
  void theDashboardMatrixCountsTheListsQuadrants() throws Exception {
    runToEnd(analyst);
    Api rep = anonymous().as("zhangwei", "zhangwei-password");
    for (Api viewer : List.of(analyst, rep)) {
      assertThat(quadrants(viewer.get("/api/v1/dashboard").json())).isEqualTo(quadrantsOfList(viewer));
    }
    long run = analyst.get("/api/v1/runs/current").json().get("id").asLong();
    db.sql("delete from snapshot_stats where run_id = ? and kind = 'quadrant'").param(run).update();
    assertThat(quadrants(analyst.get("/api/v1/dashboard").json())).isEmpty();
    String backfill = new String(getClass().getResourceAsStream("/db/migration/V36__quadrant_stats.sql")
        .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    db.sql(backfill.replaceAll("(?m)^--.*$", "").strip().replaceAll(";$", "")).update();
    assertThat(quadrants(analyst.get("/api/v1/dashboard").json())).isEqualTo(quadrantsOfList(analyst));
    assertThat(quadrants(rep.get("/api/v1/dashboard").json())).isEqualTo(quadrantsOfList(rep));
  }

  /** Quadrant to "customers/revenue" of a dashboard answer. */
  private static Map<String, String> quadrants(JsonNode dashboard) {
    Map<String, String> out = new java.util.TreeMap<>();
    dashboard.get("quadrants").forEach(q -> out.put(q.get("quadrant").asString(), q.get("customers").asLong() + "/"
        + new java.math.BigDecimal(q.get("revenue").asString()).setScale(2, java.math.RoundingMode.HALF_EVEN)));
    return out;
  }

  /** The same figures summed over the viewer's customer list (a quadrant not computed counts as unknown). */
  private static Map<String, String> quadrantsOfList(Api viewer) {
    Map<String, long[]> sums = new java.util.TreeMap<>();
    viewer.get("/api/v1/customers?size=500").json().get("items").forEach(c -> {
      String q = c.hasNonNull("quadrant") ? c.get("quadrant").asString() : "unknown";
      long[] s = sums.computeIfAbsent(q, k -> new long[2]);
      s[0]++;
      s[1] += new java.math.BigDecimal(c.get("monetary").asString()).movePointRight(2)
          .setScale(0, java.math.RoundingMode.HALF_EVEN).longValueExact();
    });
    Map<String, String> out = new java.util.TreeMap<>();
    sums.forEach((q, s) -> out.put(q, s[0] + "/" + java.math.BigDecimal.valueOf(s[1], 2)));
    return out;
  }

  @Test
  void exportsHoldTheFilteredListInCsvAndExcel() throws Exception {
    runToEnd(analyst);
    String csv = analyst.get("/api/v1/customers/export?format=csv&tier=big").body();
    assertThat(csv).startsWith("\uFEFFcustomer_id,name,owner");
    assertThat(csv.lines().skip(1).map(l -> l.split(",")[0]).toList()).contains("A1").doesNotContain("B2", "C3");
    byte[] xlsx = analyst.bytes("/api/v1/customers/export?format=xlsx&owner=张伟");
    try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
      var sheet = book.getSheetAt(0);
      assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("customer_id");
      java.util.Set<String> ids = new java.util.TreeSet<>();
      for (int r = 1; r <= sheet.getLastRowNum(); r++) ids.add(sheet.getRow(r).getCell(0).getStringCellValue());
      assertThat(ids).containsExactly("A1", "C3");
      assertThat(sheet.getRow(1).getCell(15).getNumericCellValue()).isIn(1200.0, 20.0); // monetary, a number
    }
    assertThat(analyst.get("/api/v1/customers/export?format=pdf").status()).isEqualTo(400);
  }

  @Test
  void anExportForPeopleSpeaksTheirLanguageAndKeepsTheCodes() throws Exception {
    runToEnd(analyst);
    String machine = analyst.get("/api/v1/customers/export?format=csv&tier=big").body();
    String zh = analyst.get("/api/v1/customers/export?format=csv&tier=big&lang=zh").body();
    List<String> header = List.of(zh.lines().findFirst().orElseThrow().substring(1).split(","));
    assertThat(header).startsWith("客户编号", "客户名称", "负责人").contains("分级", "最近购买距今天数", "生命周期阶段")
        .endsWith("tier_code", "model_tier_code", "rfm_segment_code", "rfm_segment11_code", "lifecycle_stage_code",
            "value_quadrant_code");
    // The same rows as the machine export, the first row's tier by its name in the test model ("大客户"), the code kept.
    String[] a1 = zh.lines().filter(l -> l.startsWith("A1,")).findFirst().orElseThrow().split(",", -1);
    String[] codes = machine.lines().filter(l -> l.startsWith("A1,")).findFirst().orElseThrow().split(",", -1);
    assertThat(a1[header.indexOf("分级")]).isEqualTo("大客户");
    assertThat(a1[header.indexOf("tier_code")]).isEqualTo("big");
    assertThat(a1[header.indexOf("人工调整分级")]).isEqualTo("否");
    List<String> machineHeader = List.of(machine.lines().findFirst().orElseThrow().substring(1).split(","));
    String stage = codes[machineHeader.indexOf("lifecycle_stage")];
    assertThat(a1[header.indexOf("lifecycle_stage_code")]).isEqualTo(stage);
    assertThat(a1[header.indexOf("生命周期阶段")]).isEqualTo(strata.i18n.Labels.get("lifecycle.stage." + stage,
        java.util.Locale.SIMPLIFIED_CHINESE)).isNotEqualTo(stage);
    assertThat(zh.lines().count()).isEqualTo(machine.lines().count());
    byte[] en = analyst.bytes("/api/v1/customers/export?format=xlsx&lang=en");
    try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(en))) {
      assertThat(book.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("customer ID");
    }
    assertThat(analyst.get("/api/v1/customers/export?format=csv&lang=fr").status()).isEqualTo(400);
  }

  @Test
  void onlyTheNewestSnapshotsAreKept() {
    long first = runToEnd(analyst).get("id").asLong();
    for (int i = 0; i < 3; i++) runToEnd(analyst);
    // Retention follows the publication on the run's thread, so it may land a moment after the run succeeded.
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!analyst.get("/api/v1/runs/" + first).json().get("status").asString().equals("expired")
        && System.nanoTime() < deadline) {
      sleep();
    }
    assertThat(analyst.get("/api/v1/runs/" + first).json().get("status").asString()).isEqualTo("expired");
    assertThat(db.sql("select count(*) from snapshot_row where run_id = ?").param(first).query(Long.class).single())
        .isZero();
    assertThat(tableOf(first)).isNull();
    assertThat(analyst.get("/api/v1/customers/A1/tier?snapshot=" + first).status()).isEqualTo(404);
    assertThat(analyst.get("/api/v1/customers?snapshot=" + first).status()).isEqualTo(404);
  }

  @Test
  void onPostgresARunsRowsAreItsOwnPartitionWithTheParentsKeyAndIndexes() {
    org.junit.jupiter.api.Assumptions.assumeTrue(dialect.postgres());
    JsonNode run = runToEnd(analyst);
    long id = run.get("id").asLong();
    assertThat(tableOf(id)).isEqualTo("attached");
    assertThat(db.sql("select count(*) from snapshot_run_" + id).query(Long.class).single())
        .isEqualTo(run.get("customers").asLong()).isEqualTo(
            db.sql("select count(*) from snapshot_row where run_id = ?").param(id).query(Long.class).single());
    // Every index of the parent has this partition's index attached to it: the run built them, the attach adopted
    // them (an index the attach had to build would be attached too, so the count of the partition's own is checked).
    long parents = db.sql("select count(*) from pg_indexes where tablename = 'snapshot_row'").query(Long.class)
        .single();
    assertThat(parents).isGreaterThanOrEqualTo(7);
    assertThat(db.sql("select count(*) from pg_inherits i join pg_class x on x.oid = i.inhrelid "
        + "join pg_index p on p.indexrelid = x.oid where p.indrelid = ?::regclass").param("snapshot_run_" + id)
        .query(Long.class).single()).isEqualTo(parents);
    assertThat(db.sql("select count(*) from pg_indexes where tablename = ?").param("snapshot_run_" + id)
        .query(Long.class).single()).isEqualTo(parents);
    // Copied frozen in the transaction that made the table: every page all-visible from the publication on, so the
    // lists' index-only scans skip the rows without waiting for a vacuum (ListPlanPostgresTest's owner sorts).
    assertThat(db.sql("select relpages || '/' || relallvisible from pg_class where relname = ?")
        .param("snapshot_run_" + id).query(String.class).single()).matches("([1-9][0-9]*)/\\1");
  }

  @Test
  void onPostgresTheSweepDropsTablesNoRunNeeds() {
    org.junit.jupiter.api.Assumptions.assumeTrue(dialect.postgres());
    // Left by a kill: a failed run's bare table, one of a run still running elsewhere, one of no run at all.
    // The running one is this server's, started after it, so no sweep of orphaned runs takes it for one.
    db.sql("insert into tier_run (id, status, trigger_kind, started_at, progress) values (990001, 'failed', 'manual', "
        + "current_timestamp, 0)").update();
    db.sql("insert into tier_run (id, status, trigger_kind, started_at, progress, instance_id) values (990002, "
        + "'running', 'manual', current_timestamp, 0, ?)").param(instance.id()).update();
    for (long id : new long[] {990_001, 990_002, 990_003}) {
      db.sql("create table snapshot_run_" + id + " (like snapshot_row including defaults)").update();
    }
    tables.sweep();
    assertThat(tableOf(990_001)).isNull();
    assertThat(tableOf(990_002)).isEqualTo("bare");
    assertThat(tableOf(990_003)).isNull();
    db.sql("drop table snapshot_run_990002").update();
    db.sql("delete from tier_run where id in (990001, 990002)").update();
  }

  /** The run's own table on PostgreSQL: "attached", "bare" or null for none (always null on H2). */
  private String tableOf(long runId) {
    if (!dialect.postgres()) return null;
    return db.sql("select case when relispartition then 'attached' else 'bare' end from pg_class where relname = ?")
        .param("snapshot_run_" + runId).query(String.class).optional().orElse(null);
  }

  @Test
  void theRestOfTheReadEndpointsAnswerWhatWasStored() {
    runToEnd(analyst);
    JsonNode tx = analyst.get("/api/v1/customers/A1/transactions").json();
    assertThat(tx.get("total").asLong()).isEqualTo(2);
    assertThat(tx.get("items").get(0).get("date").asString()).isEqualTo("2026-02-05"); // newest first
    assertThat(tx.get("items").get(0).get("amount").asDouble()).isEqualTo(400.0);
    assertThat(analyst.get("/api/v1/customers/A1/interactions").json().get("total").asLong()).isZero();
    assertThat(analyst.get("/api/v1/customers/A1/surveys").json().get("total").asLong()).isZero();
    JsonNode meta = analyst.get("/api/v1/meta").json();
    assertThat(meta.get("tiers").findValuesAsString("id")).containsExactly("big", "mid", "small");
    assertThat(meta.get("lifecycle").get(0).get("name").get("zh").asString()).isEqualTo("潜在客户");
    assertThat(meta.get("owners").valueStream().map(JsonNode::asString)).contains("张伟", "李娜");
    JsonNode recency = meta.get("metrics").valueStream().filter(m -> m.get("id").asString().equals("recency_days"))
        .findFirst().orElseThrow();
    assertThat(recency.get("type").asString()).isEqualTo("int");
    assertThat(recency.get("name").get("zh").asString()).isEqualTo("最近购买距今天数");
    assertThat(recency.get("help").get("en").asString()).contains("last purchase");
    assertThat(meta.get("rejectReasons").valueStream().filter(r -> r.get("id").asString().equals("bad_date"))
        .findFirst().orElseThrow().get("name").get("zh").asString()).isEqualTo("日期无效");
    assertThat(analyst.get("/api/v1/model/versions").json().size()).isGreaterThanOrEqualTo(2);
    assertThat(analyst.get("/api/v1/model/versions/1").json().get("tiers").findValuesAsString("id"))
        .containsExactly("high_value", "at_risk", "potential", "low_value");
    analyst.put("/api/v1/customers/B2/override", Map.of("tier", "small", "reason", "test reason"));
    JsonNode active = analyst.get("/api/v1/overrides").json();
    assertThat(active.get("items").findValuesAsString("customerId")).contains("B2");
    analyst.delete("/api/v1/customers/B2/override");
    JsonNode dash = analyst.get("/api/v1/dashboard").json();
    long customers = dash.get("kpis").get("customers").asLong();
    long inTiers = 0;
    for (JsonNode t : dash.get("tiers")) inTiers += t.get("customers").asLong();
    assertThat(inTiers).isEqualTo(customers);
    assertThat(dash.get("trend").size()).isGreaterThanOrEqualTo(1);
  }

  @Test
  void aRunAsOfAnEarlierDayScoresWhatWasKnownThen() {
    Api.Response started = analyst.post("/api/v1/runs", Map.of("asOf", "2026-01-20"));
    assertThat(started.status()).as(started.body()).isEqualTo(202);
    JsonNode run = awaitRun(analyst, started.json().get("id").asLong());
    assertThat(run.get("status").asString()).isEqualTo("succeeded");
    assertThat(run.get("asOf").asString()).isEqualTo("2026-01-20");
    // By 2026-01-20 only A1's purchase of 2026-01-05 (800) had happened: mid. B2 and C3, without a created day, were
    // first seen buying later: not yet customers then, so not in that snapshot (not even as prospects).
    assertThat(tiers(analyst)).containsEntry("A1", "mid").doesNotContainKeys("B2", "C3");
    JsonNode a1 = analyst.get("/api/v1/customers/A1").json().get("metrics");
    assertThat(a1.get("monetary").asDouble()).isEqualTo(800.0);
    assertThat(a1.get("frequency").asLong()).isEqualTo(1);
    assertThat(a1.get("recency_days").asLong()).isEqualTo(15); // 2026-01-05 .. 2026-01-20
    long later = db.sql("select count(*) from purchase where purchase_day > ?")
        .param(java.time.LocalDate.of(2026, 1, 20)).query(Long.class).single();
    assertThat(later).isGreaterThanOrEqualTo(3); // A1's second, B2's and C3's, and any other test's
    assertThat(run.get("notes").toString())
        .contains(later + " stored purchases are dated after the as-of date 2026-01-20");
    // A handful of customers are too few for BG/NBD (at least 20): the note says why in each language, its reason a
    // code of its own stored with it, not English text.
    JsonNode clv = java.util.stream.StreamSupport.stream(run.get("notes").spliterator(), false)
        .filter(n -> n.get("code").asString().equals("clv_not_fitted")).findFirst().orElseThrow();
    assertThat(clv.get("zh").asString()).startsWith("未计算 CLV 和仍活跃概率：BG/NBD 至少需要 20 位客户，现有 ");
    assertThat(clv.get("en").asString()).startsWith("CLV and P(alive) not computed: BG/NBD needs at least 20 customers");
  }

  @Test
  void theDefaultAsOfIsTheDayAfterTheLatestPurchaseAndAFutureDateCannotMoveIt() {
    String nextMonth = java.time.LocalDate.now().plusMonths(1).toString();
    JsonNode batch = admin.post("/api/v1/batch/transactions", List.of(Map.of("recordId", "F1", "customerId", "B2",
        "date", nextMonth, "amount", 99999))).json();
    assertThat(batch.get("rejected").get(0).get("reason").asString()).isEqualTo("future_date");
    JsonNode run = awaitRun(analyst, analyst.post("/api/v1/runs", "{}").json().get("id").asLong());
    java.time.LocalDate latest = db.sql("select max(purchase_day) from purchase").query(java.time.LocalDate.class)
        .single();
    assertThat(latest).isBefore(java.time.LocalDate.now());
    assertThat(run.get("asOf").asString()).isEqualTo(latest.plusDays(1).toString());
    assertThat(tiers(analyst)).containsEntry("B2", "mid");
  }

  JsonNode awaitRun(Api api, long id) {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode run = api.get("/api/v1/runs/" + id).json();
      if (!run.get("status").asString().equals("running")) return run;
      sleep();
    }
    throw new AssertionError("run " + id + " did not finish");
  }

  @Test
  void badRequestsAreClear4xx() {
    runToEnd(analyst);
    assertThat(analyst.get("/api/v1/customers?sort=name;drop%20table%20customer").status()).isEqualTo(400);
    assertThat(analyst.get("/api/v1/customers?size=100000").status()).isEqualTo(400);
    assertThat(analyst.get("/api/v1/customers?page=abc").status()).isEqualTo(400);
    assertThat(analyst.get("/api/v1/customers/%2e%2e%2fetc%2fpasswd").status()).isIn(400, 404);
    assertThat(analyst.post("/api/v1/runs", Map.of("asOf", "2025-02-30")).status()).isEqualTo(400);
    assertThat(analyst.get("/api/v1/customers?q=%25%27%20or%201=1%20--").json().get("total").asLong()).isZero();
    assertThat(db.sql("select count(*) from customer").query(Long.class).single()).isEqualTo(3);
  }

  private static void sleep() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
