package strata.server.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import strata.server.data.SummaryStore;
import strata.server.testing.Api;
import strata.server.testing.ServerTest;
import strata.server.testing.TierHistory;
import tools.jackson.databind.JsonNode;

/**
 * The tier forecast over the four snapshots of {@link TierHistory}. Transitions (big, mid, small) of its three
 * pairs: Jan→Feb A b→b, B m→b, C s→m, D s→s; Feb→Mar A b→b, B b→b, C m→m, D s→m; Mar→Apr A b→b, B b→b, C m→b,
 * D m→s. Summed: big [5 0 0], mid [2 1 1], small [0 2 1]. Interval: mean ± 1.959964 sd with
 * Var = Σ_i c_i p (1 − p) + c_i (c_i − 1) p (1 − p) / (n_i + 1) (README "Tier forecast").
 */
abstract class ForecastApiContract extends ServerTest {
  private static final double Z = 1.959963984540054;
  @Autowired JdbcClient db;
  @Autowired SummaryStore summaries;

  @Test
  void forecastBacktestAndModelChangeFromTheStoredHistory() {
    Api admin = admin();
    List<Long> runs = TierHistory.build(admin, db, summaries);
    JsonNode f = admin.get("/api/v1/forecast").json();
    assertThat(f.get("runId").asLong()).isEqualTo(runs.get(3));
    assertThat(f.get("unavailable").isNull()).isTrue();
    assertThat(f.get("tiers").toString()).isEqualTo("[\"big\",\"mid\",\"small\"]");
    assertThat(f.at("/matrix/pairs").asInt()).isEqualTo(3);
    assertThat(f.at("/matrix/from").asString()).isEqualTo("2026-01-31");
    assertThat(f.at("/matrix/to").asString()).isEqualTo("2026-04-30");
    assertThat(f.at("/matrix/counts").toString()).isEqualTo("[[5,0,0],[2,1,1],[0,2,1]]");
    assertThat(f.at("/matrix/probabilities/1/0").asDouble()).isEqualTo(0.5);
    // From April's 3 big, 0 mid, 1 small: big 3 for sure; D moves to mid with 2/3, stays small with 1/3,
    // each with variance 1 · 2/3 · 1/3 = 2/9 (one customer, so no matrix term).
    JsonNode big = f.at("/forecast/0");
    assertThat(big.get("current").asLong()).isEqualTo(3);
    assertThat(big.get("expected").asDouble()).isCloseTo(3, within(1e-9));
    assertThat(big.get("low").asDouble()).isCloseTo(3, within(1e-9));
    assertThat(big.get("high").asDouble()).isCloseTo(3, within(1e-9));
    assertThat(big.get("downgradeRisk").asDouble()).isZero();
    JsonNode mid = f.at("/forecast/1");
    assertThat(mid.get("expected").asDouble()).isCloseTo(2.0 / 3, within(1e-9));
    assertThat(mid.get("low").asDouble()).isZero();
    assertThat(mid.get("high").asDouble()).isCloseTo(2.0 / 3 + Z * Math.sqrt(2.0 / 9), within(1e-9));
    assertThat(mid.get("downgradeRisk").asDouble()).isEqualTo(0.25); // D of mid's four moves
    assertThat(f.at("/forecast/2/expected").asDouble()).isCloseTo(1.0 / 3, within(1e-9));
    assertThat(f.get("modelChanges")).isEmpty();

    // Backtest: March from the Jan→Feb matrix (big [1 0 0], mid [1 0 0], small [0 1 1]) applied to February's
    // 2 big, 1 mid, 1 small: 3, 0.5, 0.5 against 2, 2, 0. April from Jan→Mar (big [3 0 0], mid [1 1 0],
    // small [0 2 1]) applied to March's 2, 2, 0: big 3 with Var 2·¼ + 2·1·¼/3 = 2/3, mid 1 alike, small 0.
    JsonNode backtest = f.get("backtest");
    assertThat(backtest).hasSize(6);
    assertRow(backtest.get(0), "2026-03-31", "big", 3, 3, 3, 2, false);
    assertRow(backtest.get(1), "2026-03-31", "mid", 0.5, 0, 0.5 + Z * 0.5, 2, false);
    assertRow(backtest.get(2), "2026-03-31", "small", 0.5, 0, 0.5 + Z * 0.5, 0, true);
    assertRow(backtest.get(3), "2026-04-30", "big", 3, 3 - Z * Math.sqrt(2.0 / 3), 4, 3, true);
    assertRow(backtest.get(4), "2026-04-30", "mid", 1, 0, 1 + Z * Math.sqrt(2.0 / 3), 0, true);
    assertRow(backtest.get(5), "2026-04-30", "small", 0, 0, 0, 1, false);

    // A sales user's forecast moves their own customers (A and B) only: big [5 0 0], mid [1 0 0], small none.
    admin.post("/api/v1/users", Map.of("username", "wangfang", "password", "wangfang-password-1", "role", "sales",
        "owner", "王芳"));
    JsonNode own = anonymous().as("wangfang", "wangfang-password-1").get("/api/v1/forecast").json();
    assertThat(own.at("/matrix/counts").toString()).isEqualTo("[[5,0,0],[1,0,0],[0,0,0]]");
    assertThat(own.at("/forecast/0/current").asLong()).isEqualTo(2);
    assertThat(own.at("/forecast/0/expected").asDouble()).isCloseTo(2, within(1e-9));
    assertThat(own.get("tiersWithoutHistory").toString()).isEqualTo("[\"small\"]");

    // A new model version (big from 2,000): its first snapshot cannot be forecast from the old tiers.
    Api.Response saved = admin.put("/api/v1/model", Map.of("yaml", TestModelsV2.YAML));
    assertThat(saved.status()).as(saved.body()).isEqualTo(201);
    long may = TierHistory.runToEnd(admin, "2026-05-31");
    JsonNode changed = admin.get("/api/v1/forecast").json();
    assertThat(changed.get("runId").asLong()).isEqualTo(may);
    assertThat(changed.get("unavailable").asString()).isEqualTo("model_changed");
    assertThat(changed.get("matrix").isNull()).isTrue();
    JsonNode change = changed.at("/modelChanges/0");
    assertThat(change.get("before").asString()).isEqualTo("2026-04-30");
    assertThat(change.get("after").asString()).isEqualTo("2026-05-31");
    assertThat(change.get("versionAfter").asInt()).isEqualTo(change.get("versionBefore").asInt() + 1);
    assertThat(changed.get("backtest")).hasSize(6); // the old version's periods are still reported
    // A second snapshot of the new version: its one pair only (A, B, C mid, D small, no purchases in June).
    TierHistory.runToEnd(admin, "2026-06-30");
    JsonNode next = admin.get("/api/v1/forecast").json();
    assertThat(next.get("unavailable").isNull()).isTrue();
    assertThat(next.at("/matrix/pairs").asInt()).isEqualTo(1);
    assertThat(next.at("/matrix/counts").toString()).isEqualTo("[[0,0,0],[0,3,0],[0,0,1]]");
    assertThat(next.get("modelChanges")).hasSize(1);
  }

  private static void assertRow(JsonNode row, String asOf, String tier, double expected, double low, double high,
      long actual, boolean covered) {
    assertThat(row.get("asOf").asString()).isEqualTo(asOf);
    assertThat(row.get("tier").asString()).isEqualTo(tier);
    assertThat(row.get("expected").asDouble()).as(asOf + " " + tier).isCloseTo(expected, within(1e-9));
    assertThat(row.get("low").asDouble()).as(asOf + " " + tier).isCloseTo(low, within(1e-9));
    assertThat(row.get("high").asDouble()).as(asOf + " " + tier).isCloseTo(high, within(1e-9));
    assertThat(row.get("actual").asLong()).as(asOf + " " + tier).isEqualTo(actual);
    assertThat(row.get("covered").asBoolean()).as(asOf + " " + tier).isEqualTo(covered);
  }

  /** The spend model with a higher bar for big. */
  private static final class TestModelsV2 {
    static final String YAML = """
        tiers:
          - id: big
            name: {zh: 大客户, en: Big}
            when: monetary >= 2000.0
          - id: mid
            name: {zh: 中客户, en: Mid}
            when: monetary >= 100.0
          - id: small
            name: {zh: 小客户, en: Small}
            when: true
        """;
  }
}
