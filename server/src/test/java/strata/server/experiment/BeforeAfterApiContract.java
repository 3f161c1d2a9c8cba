package strata.server.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.hipparchus.distribution.continuous.TDistribution;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import strata.server.data.SummaryStore;
import strata.server.testing.Api;
import strata.server.testing.MovableClock;
import strata.server.testing.ServerTest;
import strata.server.testing.TestData;
import strata.server.testing.TierHistory;
import tools.jackson.databind.JsonNode;

/**
 * Before/after of a model change through the API. Version 2 of the model visits big customers every 14 days instead
 * of 30; the run as of 2026-04-30 is the first to use it, so with 30-day windows the before window is 04-01..04-30 and
 * the after window 05-01..05-30. Revenue in the windows (outside them ignored), worked by hand:
 * big (touched): B-1 100 → 300, B-2 0 → 100, B-3 200 → 200, B-4 0 → 0: changes 200, 100, 0, 0 (mean 75, variance
 * 9,166.7); small (untouched): S-1 50 → 0, S-2 0 → 50, S-3 20 → 20: changes -50, 50, 0 (mean 0, variance 2,500).
 * Difference in differences 75; se² = 9,166.7/4 + 2,500/3 = 3,125; Welch df = 3,125² / (2,291.7²/3 + 833.3²/2) = 4.6552.
 * Repurchase: big 2/4 → 3/4, small 2/3 → 2/3: 0.25. 王芳 owns B-1, B-2, S-1.
 */
@Import(MovableClock.Config.class)
@TestPropertySource(properties = "strata.experiments.min-per-group=2")
abstract class BeforeAfterApiContract extends ServerTest {
  static final String V1 = """
      tiers:
        - id: big
          name: {zh: 大客户, en: Big}
          when: monetary >= 1000.0
          service:
            cadence: {every_days: 30, channels: [visit]}
        - id: small
          name: {zh: 小客户, en: Small}
          when: true
      """;

  @Autowired JdbcClient db;
  @Autowired SummaryStore summaries;
  @Autowired MovableClock clock;

  @Test
  void aModelChangeIsComparedTouchedAgainstUntouchedAndScopedToTheViewer() {
    clock.day("2026-06-15");
    Api admin = admin();
    assertThat(admin.put("/api/v1/model", Map.of("yaml", V1)).status()).isEqualTo(201);
    TestData data = new TestData(db, summaries);
    for (String b : new String[] {"B-1", "B-2", "B-3", "B-4"}) {
      data.customer(b, "大" + b, b.equals("B-1") || b.equals("B-2") ? "王芳" : "李娜").purchase(b, "2025-06-01", 1500);
    }
    for (String s : new String[] {"S-1", "S-2", "S-3"}) {
      data.customer(s, "小" + s, s.equals("S-1") ? "王芳" : "李娜").purchase(s, "2025-06-01", 50);
    }
    data.purchase("B-1", "2026-03-15", 999).purchase("B-1", "2026-04-02", 100).purchase("B-1", "2026-05-20", 300)
        .purchase("B-2", "2026-05-30", 100).purchase("B-3", "2026-04-30", 200).purchase("B-3", "2026-05-01", 200)
        .purchase("S-1", "2026-04-10", 50).purchase("S-2", "2026-05-03", 50).purchase("S-3", "2026-04-11", 20)
        .purchase("S-3", "2026-05-11", 20).purchase("S-3", "2026-06-01", 400).commit();
    long first = TierHistory.runToEnd(admin, "2026-03-31");
    assertThat(admin.get("/api/v1/before-after").json().get("change").isNull()).as("no change yet").isTrue();
    assertThat(admin.get("/api/v1/before-after?run=" + first).status()).isEqualTo(404);

    assertThat(admin.put("/api/v1/model", Map.of("yaml", V1.replace("every_days: 30", "every_days: 14"))).status())
        .isEqualTo(201);
    long change = TierHistory.runToEnd(admin, "2026-04-30");
    JsonNode r = admin.get("/api/v1/before-after?days=30").json();
    assertThat(r.at("/change/run").asLong()).isEqualTo(change);
    assertThat(r.at("/change/toVersion").asInt()).isEqualTo(r.at("/change/fromVersion").asInt() + 1);
    assertThat(r.at("/change/touchedTiers").toString()).isEqualTo("[\"big\"]");
    assertThat(r.at("/window/beforeFrom").asString()).isEqualTo("2026-04-01");
    assertThat(r.at("/window/afterTo").asString()).isEqualTo("2026-05-30");
    assertThat(r.at("/window/complete").asBoolean()).isTrue();
    assertThat(r.at("/evidence/code").asString()).isEqualTo("before_after");
    assertThat(r.at("/evidence/text/zh").asString()).isNotBlank();
    assertThat(r.get("warnings")).isEmpty();

    JsonNode repurchase = r.at("/comparisons/0");
    assertThat(repurchase.get("metric").asString()).isEqualTo("repurchase_rate");
    assertThat(repurchase.get("touchedBefore").asDouble()).isCloseTo(0.5, within(1e-9));
    assertThat(repurchase.get("touchedAfter").asDouble()).isCloseTo(0.75, within(1e-9));
    assertThat(repurchase.at("/difference/estimate").asDouble()).isCloseTo(0.25, within(1e-9));
    JsonNode revenue = r.at("/comparisons/1");
    assertThat(revenue.get("touched").asLong()).isEqualTo(4);
    assertThat(revenue.get("untouched").asLong()).isEqualTo(3);
    assertThat(revenue.get("touchedBefore").asDouble()).isCloseTo(75, within(1e-9));
    assertThat(revenue.get("untouchedAfter").asDouble()).isCloseTo(70.0 / 3, within(1e-9));
    double half = new TDistribution(4.6552).inverseCumulativeProbability(0.975) * Math.sqrt(3125);
    assertThat(revenue.at("/difference/estimate").asDouble()).isCloseTo(75, within(1e-9));
    assertThat(revenue.at("/difference/lower").asDouble()).isCloseTo(75 - half, within(0.01));
    assertThat(revenue.at("/difference/upper").asDouble()).isCloseTo(75 + half, within(0.01));

    // A sales user sees her three customers only: one untouched is below the minimum, so no interval, and a reason.
    assertThat(admin.post("/api/v1/users", Map.of("username", "wangfang", "password", "wangfang-password", "role",
        "sales", "owner", "王芳")).status()).isEqualTo(201);
    JsonNode own = anonymous().as("wangfang", "wangfang-password").get("/api/v1/before-after?days=30").json();
    assertThat(own.at("/comparisons/1/touched").asLong()).isEqualTo(2);
    assertThat(own.at("/comparisons/1/untouched").asLong()).isEqualTo(1);
    assertThat(own.at("/comparisons/1/touchedBefore").asDouble()).isCloseTo(50, within(1e-9));
    assertThat(own.at("/comparisons/1/difference").isNull()).isTrue();
    assertThat(own.at("/warnings/0/code").asString()).isEqualTo("too_few");

    // Read mid-window: the after window stops at today and says so.
    clock.day("2026-05-15");
    JsonNode early = admin.get("/api/v1/before-after?days=30&run=" + change).json();
    assertThat(early.at("/window/afterTo").asString()).isEqualTo("2026-05-15");
    assertThat(early.at("/warnings/0/code").asString()).isEqualTo("after_incomplete");
    assertThat(early.at("/warnings/0/text/en").asString()).contains("2026-05-30");
    assertThat(admin.get("/api/v1/before-after?days=3").status()).isEqualTo(400);
    assertThat(admin.get("/api/v1/before-after?days=abc").status()).isEqualTo(400);
    assertThat(anonymous().get("/api/v1/before-after").status()).isEqualTo(401);
  }
}
