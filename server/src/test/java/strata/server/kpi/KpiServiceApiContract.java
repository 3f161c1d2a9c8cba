package strata.server.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static strata.server.kpi.KpiApiContract.group;
import static strata.server.kpi.KpiApiContract.kpis;
import static strata.server.kpi.KpiApiContract.tier;
import static strata.server.testing.TierHistory.runToEnd;

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
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Contact coverage and task completion stored with a snapshot's KPIs (README "KPIs by tier"), every figure worked by
 * hand from the interactions and tasks below. Big customers have a 30-day cadence, small ones none; the tasks' zone
 * is Asia/Shanghai (+08). The second snapshot's period is 2026-03-01..03-31.
 */
abstract class KpiServiceApiContract extends ServerTest {
  static final String MODEL = """
      tiers:
        - id: big
          name: {zh: 大客户, en: Big}
          when: monetary >= 1000.0
          service:
            cadence: {every_days: 30, channels: [phone]}
        - id: small
          name: {zh: 小客户, en: Small}
          when: true
      """;

  @Autowired JdbcClient db;
  @Autowired SummaryStore summaries;
  @Autowired KpiTables tables;
  @Autowired JsonMapper json;

  @Test
  void coverageAndCompletionPerTierAndOwner() throws Exception {
    Api admin = admin();
    assertThat(admin.put("/api/v1/model", Map.of("yaml", MODEL)).status()).isEqualTo(201);
    new TestData(db, summaries).customer("A-1", "甲一", "王芳").customer("A-2", "甲二", "王芳")
        .customer("A-3", "甲三", "李娜").customer("B-1", "乙一", "李娜").purchase("A-1", "2026-01-10", 1500)
        .purchase("A-2", "2026-02-10", 1200).purchase("A-3", "2026-01-05", 2000).purchase("B-1", "2026-01-20", 40)
        .commit();
    long first = runToEnd(admin, "2026-02-28");
    // The plan made tasks due from today on, outside both periods; only those below count.
    interaction("i1", "A-1", "2026-03-05 10:00:00", "call", "电话"); // 26 days before 03-31: covered
    interaction("i2", "A-3", "2026-02-27 10:00:00", "call", "电话"); // 32 days before 03-31: not covered
    interaction("i3", "A-3", "2026-03-30 10:00:00", "complaint", ""); // the customer's, not our contact
    interaction("i4", "B-1", "2026-03-30 10:00:00", "call", "电话"); // small has no cadence
    task("T1", "A-2", "2026-03-02", "phone", "done", "reached", "2026-03-02 10:00:00+08"); // covers A-2 (29 days)
    task("T2", "A-1", "2026-03-10", "phone", "skipped", null, "2026-03-10 10:00:00+08"); // due, not done
    task("T3", "A-1", "2026-03-15", "phone", "cancelled", null, "2026-03-15 10:00:00+08"); // left out
    task("T4", "A-3", "2026-03-20", "phone", "suppressed", null, null); // left out
    task("T5", "A-3", "2026-03-25", "phone", "done", "reached", "2026-04-01 01:00:00+08"); // done after 03-31
    task("T6", "A-3", "2026-03-28", "phone", "open", null, null); // due, not done
    task("T7", "A-1", "2026-02-20", "phone", "done", "reached", "2026-02-20 10:00:00+08"); // the first period's
    task("T8", "B-1", "2026-03-10", null, "open", null, null); // a pool warning: not service
    task("T9", "A-2", "2026-04-05", "phone", "open", null, null); // after the period
    task("T10", "A-3", "2026-03-29", "phone", "done", "no_answer", "2026-03-29 10:00:00+08"); // done; no contact
    long second = runToEnd(admin, "2026-03-31");

    JsonNode all = group(kpis(admin, second), "all", "");
    JsonNode big = tier(all, "big");
    assertThat(big.get("cadenceCustomers").asLong()).isEqualTo(3);
    assertThat(big.get("contactCoverage").asDouble()).isEqualTo(2 / 3.0); // A-1 (i1), A-2 (T1)
    assertThat(big.get("tasksDue").asLong()).isEqualTo(5); // T1, T2, T5, T6, T10
    assertThat(big.get("taskCompletion").asDouble()).isEqualTo(0.4); // T1, T10
    JsonNode small = tier(all, "small");
    assertThat(small.get("contactCoverage").isNull()).isTrue();
    assertThat(small.get("taskCompletion").isNull()).isTrue();
    assertThat(tier(all, null).get("contactCoverage").asDouble()).isEqualTo(2 / 3.0);
    assertThat(tier(all, null).get("taskCompletion").asDouble()).isEqualTo(0.4);
    JsonNode wang = tier(group(kpis(admin, second), "owner", "王芳"), null);
    assertThat(wang.get("contactCoverage").asDouble()).isEqualTo(1.0);
    assertThat(wang.get("taskCompletion").asDouble()).isEqualTo(0.5); // T1 of T1, T2
    assertThat(tier(group(kpis(admin, second), "owner", "李娜"), "big").get("taskCompletion").asDouble())
        .isEqualTo(1 / 3.0); // T10 of T5, T6, T10

    // A sales user reads their own customers' figures only.
    admin.post("/api/v1/users", Map.of("username", "wangfang", "password", "wangfang-password-1", "role", "sales",
        "owner", "王芳"));
    JsonNode own = kpis(anonymous().as("wangfang", "wangfang-password-1"), second);
    assertThat(own.get("groups")).hasSize(1);
    assertThat(tier(own.at("/groups/0"), null).get("taskCompletion").asDouble()).isEqualTo(0.5);

    // The first snapshot, recomputed now, counts what was known as of 02-28: the history's tasks due by then (T7)
    // and the contacts of the 30 days before (A-1 by T7 on 02-20, A-3 by i2 on 02-27).
    tables.compute(first);
    JsonNode early = tier(group(kpis(admin, first), "all", ""), "big");
    assertThat(early.get("contactCoverage").asDouble()).isEqualTo(2 / 3.0);
    assertThat(early.get("tasksDue").asLong()).isEqualTo(1);
    assertThat(early.get("taskCompletion").asDouble()).isEqualTo(1.0);

    // KPIs stored before the four figures existed have none: empty, not 0.
    for (Map<String, Object> row : db.sql("select position, figures from snapshot_kpi where run_id = ?")
        .param(second).query().listOfRows()) {
      ObjectNode figures = (ObjectNode) json.readTree((String) row.get("figures"));
      figures.remove(List.of("cadenceCustomers", "contactCoverage", "tasksDue", "taskCompletion"));
      db.sql("update snapshot_kpi set figures = ? where run_id = ? and position = ?")
          .params(json.writeValueAsString(figures), second, row.get("position")).update();
    }
    JsonNode old = tier(group(kpis(admin, second), "all", ""), "big");
    assertThat(old.get("customers").asLong()).isEqualTo(3);
    assertThat(old.get("contactCoverage").isNull()).isTrue();
    assertThat(old.get("tasksDue").isNull()).isTrue();
    assertThat(old.get("taskCompletion").isNull()).isTrue();
  }

  private void interaction(String id, String customer, String at, String type, String channel) {
    db.sql("insert into interaction (record_id, customer_id, at, type, channel, outcome) values (?, ?, ?, ?, ?, '')")
        .params(id, customer, java.time.LocalDateTime.parse(at.replace(' ', 'T')), type, channel).update();
  }

  private void task(String key, String customer, String due, String channel, String status, String outcome,
      String closedAt) {
    String type = channel == null ? "pool_warning" : "follow_up";
    db.sql("insert into service_task (task_key, customer_id, owner, tier, type, channel, due_date, trigger_kind, "
        + "reason, reason_en, reason_zh, status, outcome, created_at, created_by, updated_at, updated_by, closed_at) "
        + "values (?, ?, 'x', 'big', ?, ?, ?, 'manual', '{}', 'x', 'x', ?, ?, timestamp with time zone "
        + "'2026-01-01 00:00:00+00', 'test', timestamp with time zone '2026-01-01 00:00:00+00', 'test', ?)")
        .params(key, customer, type, channel, java.time.LocalDate.parse(due), status, outcome,
            closedAt == null ? null : java.time.OffsetDateTime.parse(closedAt.replace(' ', 'T')))
        .update();
  }
}
