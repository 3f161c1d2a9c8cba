package strata.server.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import strata.server.data.SummaryStore;
import strata.server.run.RunService;
import strata.server.testing.Api;
import strata.server.testing.MovableClock;
import strata.server.testing.ServerTest;
import strata.server.testing.TestData;
import tools.jackson.databind.JsonNode;

/**
 * Rescheduling a task: outcome {@code rescheduled} with a new due day keeps the task open on that day, across
 * re-plans, and logs no contact. A1 (张伟's, big) was never called, so its call is due on the plan's day, 03-10.
 */
@Import(MovableClock.Config.class)
abstract class TaskRescheduleApiContract extends ServerTest {
  @Autowired JdbcClient db;
  @Autowired SummaryStore summaries;
  @Autowired RunService runs;
  @Autowired TaskPlanning planning;
  @Autowired MovableClock clock;

  @Test
  void aRescheduledTaskStaysOpenOnItsNewDayAndBadDaysAreRefused() {
    Api admin = admin();
    new TestData(db, summaries).customer("A1", "甲公司", "张伟").purchase("A1", "2026-02-05", 1200).commit();
    db.sql("update customer set phone = '13800000000'").update();
    admin.post("/api/v1/users", Map.of("username", "zhangwei", "password", "zhangwei-password", "role", "sales",
        "owner", "张伟"));
    assertThat(admin.put("/api/v1/model", Map.of("yaml", TasksApiContract.MODEL, "note", "playbook")).status())
        .isEqualTo(201);
    clock.day("2026-03-10");
    runs.runNow("manual", "admin", null);
    Api zhangwei = anonymous().as("zhangwei", "zhangwei-password");
    long id = zhangwei.get("/api/v1/tasks?status=open").json().get("items").get(0).get("id").asLong();
    String complete = "/api/v1/tasks/" + id + "/complete";

    // Bad input, each with its field: no day, a past day, a day with another outcome, a day that is no date.
    assertThat(error(zhangwei.post(complete, Map.of("outcome", "rescheduled")))).startsWith("dueDate: missing");
    assertThat(error(zhangwei.post(complete, Map.of("outcome", "rescheduled", "dueDate", "2026-03-09"))))
        .isEqualTo("dueDate: 2026-03-09 is before today, 2026-03-10");
    assertThat(error(zhangwei.post(complete, Map.of("outcome", "reached", "dueDate", "2026-03-20"))))
        .isEqualTo("dueDate: only with outcome 'rescheduled', got 'reached'");
    assertThat(zhangwei.post(complete, Map.of("outcome", "rescheduled", "dueDate", "2026-02-30")).status())
        .isEqualTo(400);

    Api.Response moved = zhangwei.post(complete, Map.of("outcome", "rescheduled", "dueDate", "2026-03-20",
        "note", "客户出差，20 号再打"));
    assertThat(moved.status()).as(moved.body()).isEqualTo(200);
    assertThat(moved.json().get("status").asString()).isEqualTo("open");
    assertThat(moved.json().get("dueDate").asString()).isEqualTo("2026-03-20");
    assertThat(moved.json().get("note").asString()).isEqualTo("客户出差，20 号再打");
    assertThat(moved.json().get("closedAt").isNull()).isTrue();
    assertThat(db.sql("select count(*) from interaction").query(Long.class).single()).isZero();
    assertThat(db.sql("select detail_params from audit_log where action = 'task_rescheduled'").query(String.class)
        .single()).isEqualTo("{\"task\":" + id + ",\"type\":\"follow_up\",\"customer\":\"A1\",\"from\":\"2026-03-10\","
            + "\"to\":\"2026-03-20\",\"note\":\"客户出差，20 号再打\"}");

    // The plan keeps the new day, today and on later days; the task can then be completed as usual.
    assertThat(planning.replan("test").orElseThrow().updated()).isZero();
    clock.day("2026-03-12");
    planning.replan("test");
    JsonNode kept = zhangwei.get("/api/v1/tasks?status=open").json().get("items");
    assertThat(kept).hasSize(1);
    assertThat(kept.get(0).get("id").asLong()).isEqualTo(id);
    assertThat(kept.get(0).get("dueDate").asString()).isEqualTo("2026-03-20");
    assertThat(zhangwei.post(complete, Map.of("outcome", "reached")).json().get("status").asString())
        .isEqualTo("done");
    assertThat(zhangwei.post(complete, Map.of("outcome", "rescheduled", "dueDate", "2026-03-25")).status())
        .isEqualTo(409);
  }

  /** "field: message" of a 400 answer. */
  private static String error(Api.Response r) {
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    JsonNode e = r.json().get("errors").get(0);
    return e.get("field").asString() + ": " + e.get("message").asString();
  }
}
