package strata.server.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static strata.server.testing.TierHistory.runToEnd;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import strata.server.data.SummaryStore;
import strata.server.testing.Api;
import strata.server.testing.MovableClock;
import strata.server.testing.ServerTest;
import strata.server.testing.TestData;
import strata.server.testing.TestModels;
import tools.jackson.databind.JsonNode;

/**
 * GET /api/v1/surveys/satisfaction on a small fixture, every figure counted by hand: five customers of two owners,
 * invitations inside and before the period, page answers, imported answers without an invitation and one of an
 * import not switched on. Today is 2026-06-30, so 30 days run from 2026-06-01.
 */
@Import(MovableClock.Config.class)
abstract class SatisfactionContract extends ServerTest {
  @Autowired JdbcClient db;
  @Autowired SummaryStore summaries;
  @Autowired MovableClock clock;

  @Test
  void figuresByTierCategoryAndOwnerForAnAdminAndASalesUser() {
    clock.day("2026-06-30");
    Api admin = admin();
    // Tiers by spend (big ≥ 1000, mid ≥ 100): W-1 big 茶叶, W-2 mid 咖啡, L-1 big 茶叶, L-2 small (no category),
    // L-3 mid 茶叶.
    new TestData(db, summaries).customer("W-1", "王芳客户一", "王芳").customer("W-2", "王芳客户二", "王芳")
        .customer("L-1", "李娜客户一", "李娜").customer("L-2", "李娜客户二", "李娜").customer("L-3", "李娜客户三", "李娜")
        .purchase("W-1", "2026-03-01", 1500, "茶叶", "").purchase("W-2", "2026-03-02", 300, "咖啡", "")
        .purchase("L-1", "2026-03-03", 2000, "茶叶", "").purchase("L-2", "2026-03-04", 50)
        .purchase("L-3", "2026-03-05", 120, "茶叶", "").commit();
    assertThat(admin.put("/api/v1/model", Map.of("yaml", TestModels.SPEND, "note", "spend")).status()).isEqualTo(201);
    runToEnd(admin, "2026-06-01");
    invitation("W-1", "2026-05-20", true); // before the period: neither sent nor answered in it
    invitation("W-1", "2026-06-10", true);
    invitation("W-2", "2026-06-15", false);
    invitation("L-1", "2026-06-05", true);
    invitation("L-1", "2026-06-20", false);
    invitation("L-2", "2026-06-25", true);
    answer("W-1", "2026-05-20T09:00", 3, null, null); // before the period
    answer("W-1", "2026-06-11T09:00", 9, 5, null);
    answer("L-1", "2026-06-06T09:00", 10, 4, null);
    answer("L-1", "2026-06-28T09:00", 6, null, null); // imported, later: L-1's NPS is 6, the CSAT still 4
    answer("L-2", "2026-06-26T09:00", 7, null, null);
    answer("L-3", "2026-06-12T09:00", 2, 1, null); // imported, without an invitation
    db.sql("insert into import_hidden (import_id) values (77)").update();
    answer("L-3", "2026-06-13T09:00", 10, 5, 77L); // an import not switched on: nobody counts it

    JsonNode byTier = ok(admin, "by=tier&days=30");
    assertThat(byTier.get("from").asString()).isEqualTo("2026-06-01");
    assertThat(byTier.get("to").asString()).isEqualTo("2026-06-30");
    // All: sent W-1 1, W-2 1, L-1 2, L-2 1 = 5, answered 3. NPS 9, 6, 7, 2: 1 promoter, 2 detractors of 4.
    row(byTier, 0, null, 5, 3, 0.6, -25.0, 4, 10 / 3.0, 3);
    row(byTier, 1, "big", 3, 2, 2 / 3.0, 0.0, 2, 4.5, 2); // W-1, L-1: NPS 9 and 6, CSAT 5 and 4
    row(byTier, 2, "mid", 1, 0, 0.0, -100.0, 1, 1.0, 1); // W-2 silent, L-3 imported 2 and 1
    row(byTier, 3, "small", 1, 1, 1.0, 0.0, 1, null, 0); // L-2: 7
    assertThat(byTier.get("rows")).hasSize(4);
    // Wilson 3/5 at 95 %, as in core's SatisfactionTableTest.
    assertThat(byTier.get("rows").get(0).get("rateLower").asDouble()).isCloseTo(0.230724, within(1e-5));

    JsonNode byCategory = ok(admin, "by=category&days=30");
    row(byCategory, 1, "咖啡", 1, 0, 0.0, null, 0, null, 0); // W-2
    row(byCategory, 2, "茶叶", 3, 2, 2 / 3.0, -100 / 3.0, 3, 10 / 3.0, 3); // W-1, L-1, L-3: 9, 6, 2
    row(byCategory, 3, null, 1, 1, 1.0, 0.0, 1, null, 0); // L-2 buys no category
    assertThat(byCategory.get("rows").get(3).get("all").asBoolean()).isFalse();

    JsonNode byOwner = ok(admin, "by=owner&days=30");
    row(byOwner, 1, "李娜", 3, 2, 2 / 3.0, -200 / 3.0, 3, 2.5, 2); // 6, 7, 2; CSAT 4 and 1
    row(byOwner, 2, "王芳", 2, 1, 0.5, 100.0, 1, 5.0, 1);

    // 90 days from 2026-04-02 take in W-1's May invitation and answer; W-1's latest NPS is still June's 9.
    row(ok(admin, ""), 0, null, 6, 4, 4 / 6.0, -25.0, 4, 10 / 3.0, 3);

    admin.post("/api/v1/users", Map.of("username", "wangfang", "password", "wangfang-password", "role", "sales",
        "owner", "王芳"));
    Api rep = anonymous().as("wangfang", "wangfang-password");
    JsonNode own = ok(rep, "by=tier&days=30");
    row(own, 0, null, 2, 1, 0.5, 100.0, 1, 5.0, 1);
    row(own, 1, "big", 1, 1, 1.0, 100.0, 1, 5.0, 1);
    row(own, 2, "mid", 1, 0, 0.0, null, 0, null, 0);
    assertThat(own.get("rows")).hasSize(3);
    JsonNode ownOwners = ok(rep, "by=owner&days=30");
    assertThat(ownOwners.get("rows")).hasSize(2);
    assertThat(ownOwners.toString()).doesNotContain("李娜");

    assertThat(admin.get("/api/v1/surveys/satisfaction?by=region").status()).isEqualTo(400);
    assertThat(admin.get("/api/v1/surveys/satisfaction?days=0").status()).isEqualTo(400);
    assertThat(rep.get("/api/v1/surveys/invitations").status()).as("the rest of /surveys stays closed to reps")
        .isEqualTo(403);
  }

  private void invitation(String customer, String day, boolean answered) {
    OffsetDateTime at = LocalDate.parse(day).atTime(3, 0).atOffset(java.time.ZoneOffset.UTC);
    db.sql("insert into survey_invitation (customer_id, tier, kind, channel, invited_on, created_at, created_by, "
            + "expires_at, answered_at) values (?, 'big', 'nps', 'sms', ?, ?, 'admin', ?, ?)")
        .params(customer, LocalDate.parse(day), at, at.plusDays(14), answered ? at.plusHours(1) : null).update();
  }

  private int answers;

  private void answer(String customer, String at, Integer nps, Integer csat, Long importId) {
    db.sql("insert into survey (record_id, customer_id, at, nps, csat, comment, import_id) values (?, ?, ?, ?, ?, '', ?)")
        .params("s" + (++answers), customer, LocalDateTime.parse(at), nps, csat, importId).update();
  }

  private static JsonNode ok(Api api, String query) {
    Api.Response r = api.get("/api/v1/surveys/satisfaction" + (query.isEmpty() ? "" : "?" + query));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  private static void row(JsonNode table, int index, String group, long invited, long answered, Double rate,
      Double nps, long npsAnswers, Double csat, long csatAnswers) {
    JsonNode row = table.get("rows").get(index);
    List<String> problems = new ArrayList<>();
    check(problems, "group", group, row.get("group").isNull() ? null : row.get("group").asString());
    check(problems, "invited", invited, row.get("invited").asLong());
    check(problems, "answered", answered, row.get("answered").asLong());
    close(problems, "responseRate", rate, row.get("responseRate"));
    close(problems, "nps", nps, row.get("nps"));
    check(problems, "npsAnswers", npsAnswers, row.get("npsAnswers").asLong());
    close(problems, "csat", csat, row.get("csat"));
    check(problems, "csatAnswers", csatAnswers, row.get("csatAnswers").asLong());
    assertThat(problems).as("row " + index + ": " + row).isEmpty();
  }

  private static void check(List<String> problems, String field, Object expected, Object actual) {
    if (!java.util.Objects.equals(expected, actual)) problems.add(field + " " + actual + ", expected " + expected);
  }

  private static void close(List<String> problems, String field, Double expected, JsonNode actual) {
    if (expected == null ? !actual.isNull() : actual.isNull() || Math.abs(actual.asDouble() - expected) > 1e-9) {
      problems.add(field + " " + actual + ", expected " + expected);
    }
  }
}
