package strata.server.experiment;

import strata.server.testing.MovableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static strata.server.testing.TierHistory.runToEnd;

import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import strata.server.data.SummaryStore;
import strata.server.testing.Api;
import strata.server.testing.ServerTest;
import tools.jackson.databind.JsonNode;

/**
 * An experiment's life through the API: started by the first run of a model declaring it, measured on the data of
 * {@link ExperimentData} (expected figures worked by hand there and below), ended with a note by a model that removes
 * its tier. Read on 2026-05-15 (the test clock); the planned duration is the default 90 days.
 */
@Import(MovableClock.Config.class)
// One snapshot kept: the experiment's start snapshot must outlive the retention, or its cohort would be lost.
@TestPropertySource(properties = "strata.runs.keep=1")
abstract class ExperimentApiContract extends ServerTest {
  static final String WITH_HOLDOUT = """
      tiers:
        - id: big
          name: {zh: 大客户, en: Big}
          when: monetary >= 1000.0
          service:
            cadence: {every_days: 30, channels: [visit]}
            holdout: {experiment: care_test, share: 0.5}
        - id: small
          name: {zh: 小客户, en: Small}
          when: true
      """;
  static final String WITHOUT_BIG = """
      tiers:
        - id: top
          name: {zh: 顶级, en: Top}
          when: monetary >= 1000.0
        - id: small
          name: {zh: 小客户, en: Small}
          when: true
          service:
            holdout: {experiment: tiny_test, share: 0.5, days: 3}
      """;

  @Autowired JdbcClient db;
  @Autowired SummaryStore summaries;
  @Autowired MovableClock clock;

  @org.junit.jupiter.api.BeforeEach
  void readOnTheFifteenthOfMay() {
    clock.day("2026-05-15");
  }

  @Test
  void anExperimentStartsIsMeasuredScopedAndEndsWithANote() {
    Api admin = admin();
    ExperimentData data = new ExperimentData();
    assertThat(admin.put("/api/v1/model", Map.of("yaml", WITH_HOLDOUT)).status()).isEqualTo(201);
    data.history(db, summaries);
    long first = runToEnd(admin, "2026-03-31");
    JsonNode started = await(() -> admin.get("/api/v1/experiments").json(), list -> list.size() == 1);
    assertThat(started.at("/0/id").asString()).isEqualTo("care_test");
    assertThat(started.at("/0/status").asString()).isEqualTo("running");
    assertThat(started.at("/0/startRun").asLong()).isEqualTo(first);
    assertThat(started.at("/0/startedAsOf").asString()).isEqualTo("2026-03-31");
    assertThat(started.at("/0/plannedEnd").asString()).isEqualTo("2026-06-29"); // 90 days on

    data.period(db, summaries);
    runToEnd(admin, "2026-04-30"); // the same model version again: nothing restarts
    assertThat(admin.get("/api/v1/experiments").json()).hasSize(1);
    // Held-out customers get no task of the experiment: their visits are withheld with the experiment as reason.
    await(() -> db.sql("select count(*) from service_task where tier = 'big'").query(Long.class).single(), n -> n >= 60);
    for (String id : data.heldOut) assertThat(suppressedBy(id)).contains("care_test");
    for (String id : data.treated) assertThat(suppressedBy(id)).doesNotContain("care_test");

    JsonNode detail = admin.get("/api/v1/experiments/care_test").json();
    assertThat(detail.at("/window/from").asString()).isEqualTo("2026-04-01");
    assertThat(detail.at("/window/to").asString()).isEqualTo("2026-05-15");
    assertThat(detail.at("/window/preFrom").asString()).isEqualTo("2026-01-01");
    assertThat(detail.get("tiers")).as("tiers of the cohort").hasSize(1);
    JsonNode big = detail.at("/tiers/0");
    assertThat(big.get("tier").asString()).isEqualTo("big");
    assertThat(big.get("treated").asLong()).isEqualTo(30);
    assertThat(big.get("heldOut").asLong()).isEqualTo(30);
    // 24/30 against 12/30; Newcombe's hybrid score interval (method 10) worked from the two Wilson intervals.
    JsonNode repurchase = metric(big, "repurchase_rate");
    assertThat(repurchase.at("/difference/estimate").asDouble()).isCloseTo(0.4, within(1e-9));
    assertThat(repurchase.at("/difference/lower").asDouble()).isCloseTo(0.15260, within(1e-4));
    assertThat(repurchase.at("/difference/upper").asDouble()).isCloseTo(0.58644, within(1e-4));
    // 160 against 80 a customer; Welch: se 23.4888, df 55.77, t 2.00342 (scipy.stats.t.ppf).
    JsonNode revenue = metric(big, "revenue_per_customer");
    assertThat(revenue.get("treated").asDouble()).isCloseTo(160, within(1e-9));
    assertThat(revenue.at("/difference/lower").asDouble()).isCloseTo(32.942, within(1e-2));
    assertThat(revenue.at("/difference/upper").asDouble()).isCloseTo(127.058, within(1e-2));
    assertThat(revenue.get("bootstrap").isNull()).isFalse();
    // NPS 66.7 (20 promoters, 10 passives) against 0 (10 each); scores ±100, Welch se 17.5075, df 46.4.
    JsonNode nps = metric(big, "nps");
    assertThat(nps.at("/difference/estimate").asDouble()).isCloseTo(66.667, within(1e-3));
    assertThat(nps.at("/difference/lower").asDouble()).isCloseTo(31.434, within(1e-2));
    // Retention counts the 15 a group active before: below the 30 a group needed, so no interval.
    JsonNode retention = metric(big, "retention");
    assertThat(retention.get("nTreated").asLong()).isEqualTo(15);
    assertThat(retention.get("heldOut").asDouble()).isCloseTo(0.8, within(1e-9));
    assertThat(retention.get("tooFew").asBoolean()).isTrue();
    assertThat(retention.get("difference").isNull()).isTrue();
    assertThat(metric(big, "migration_up").at("/difference/estimate").asDouble()).isZero();
    assertThat(detail.at("/overall/treated").asLong()).isEqualTo(30);
    // MDE at the pre-period rate 0.5 over 60 customers, 30 a group: d = (1.95996 + 0.84162) * sqrt(0.5 * 0.5 / 30
    // + (0.5 + d)(0.5 - d) / 30), solved by bisection in Python: 0.32200.
    JsonNode mde = detail.at("/mde/0");
    assertThat(mde.get("baseline").asDouble()).isCloseTo(0.5, within(1e-9));
    assertThat(mde.get("mde").asDouble()).isCloseTo(0.32200, within(1e-4));
    assertThat(codes(detail)).contains("peeking:", "too_few:big").doesNotContain("unbalanced:big");
    assertThat(detail.at("/warnings/0/text/en").asString()).contains("2026-06-29");

    admin.post("/api/v1/users", Map.of("username", "wangfang", "password", "wangfang-password-1", "role", "sales",
        "owner", "王芳"));
    Api rep = anonymous().as("wangfang", "wangfang-password-1");
    JsonNode own = rep.get("/api/v1/experiments/care_test").json();
    long ownHeld = data.heldOut.stream().filter(id -> id.compareTo("K-30") <= 0).count();
    assertThat(own.at("/overall/heldOut").asLong()).isEqualTo(ownHeld);
    assertThat(own.at("/overall/treated").asLong()).isEqualTo(30 - ownHeld);
    assertThat(own.at("/strata/0/enrolled").asLong()).isEqualTo(30);
    String heldId = data.heldOut.get(0);
    JsonNode membership = admin.get("/api/v1/customers/" + heldId + "/experiments").json();
    assertThat(membership.at("/0/experiment").asString()).isEqualTo("care_test");
    assertThat(membership.at("/0/heldOut").asBoolean()).isTrue();
    assertThat(admin.get("/api/v1/customers/" + data.treated.get(0) + "/experiments").json().at("/0/heldOut")
        .asBoolean()).isFalse();
    assertThat(rep.get("/api/v1/customers/K-31/experiments").status()).isEqualTo(404);

    assertThat(admin.put("/api/v1/model", Map.of("yaml", WITHOUT_BIG)).status()).isEqualTo(201);
    runToEnd(admin, "2026-05-10");
    JsonNode ended = await(() -> admin.get("/api/v1/experiments/care_test").json(),
        e -> e.at("/experiment/status").asString().equals("ended"));
    assertThat(ended.at("/experiment/ended/code").asString()).isEqualTo("tier_removed");
    assertThat(ended.at("/experiment/ended/detail").asString()).isEqualTo("big");
    assertThat(ended.at("/experiment/ended/text/en").asString()).contains("big");
    assertThat(ended.at("/window/to").asString()).isEqualTo("2026-05-10");
    assertThat(admin.get("/api/v1/customers/" + heldId + "/experiments").json()).isEmpty();

    // Three small customers: no interval anywhere, and the reader is told why.
    JsonNode tiny = admin.get("/api/v1/experiments/tiny_test").json();
    assertThat(tiny.at("/overall/treated").asLong() + tiny.at("/overall/heldOut").asLong()).isEqualTo(3);
    for (JsonNode c : tiny.at("/overall/comparisons")) assertThat(c.get("difference").isNull()).isTrue();
    assertThat(codes(tiny)).contains("too_few:small", "too_few:");
    // Its own duration, not the server's 90 days: started on 2026-05-10, planned to end 3 days on, so reading it on
    // the 15th is after the planned end and not a peek.
    assertThat(tiny.at("/experiment/plannedEnd").asString()).isEqualTo("2026-05-13");
    assertThat(codes(tiny)).doesNotContain("peeking:");
  }

  @Test
  void anUnknownExperimentIsNotFound() {
    assertThat(admin().get("/api/v1/experiments/no_such_experiment").status()).isEqualTo(404);
  }

  private String suppressedBy(String customer) {
    return String.join(",", db.sql("select coalesce(suppressed_by, '') from service_task where customer_id = ?")
        .param(customer).query(String.class).list());
  }

  private static java.util.List<String> codes(JsonNode detail) {
    java.util.List<String> out = new java.util.ArrayList<>();
    for (JsonNode w : detail.get("warnings")) out.add(w.get("code").asString() + ":" + w.get("tier").asString());
    return out;
  }

  private static JsonNode metric(JsonNode group, String metric) {
    for (JsonNode c : group.get("comparisons")) if (c.get("metric").asString().equals(metric)) return c;
    throw new AssertionError("no " + metric + " in " + group);
  }

  /** The experiments follow a publication just after it: wait for them. */
  private static <T> T await(Supplier<T> read, java.util.function.Predicate<T> done) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      T value = read.get();
      if (done.test(value)) return value;
      assertThat(System.nanoTime()).as("waiting, last saw " + value).isLessThan(deadline);
      sleep();
    }
  }


  private static void sleep() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
